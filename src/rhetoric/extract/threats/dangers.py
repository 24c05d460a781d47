"""Warnings that name a danger rather than threaten: "X warned that Y would
...", "warned of ...", "issued a warning over ...", read for whether the warner
imposes the harm (CODEBOOK: the noun "threat" for a danger, inanimate
subjects, predictions are not threats).

>>> hazard_warning("Kenya issued warnings over the possible spread of Ebola.", 0, 56)
True
>>> warned_of_danger("a Russian invasion within days.", False)
True
"""

from __future__ import annotations

import re

from rhetoric.extract.threats.actors import clean_mention, is_actor_phrase, is_inanimate_phrase
from rhetoric.extract.threats.candidates import HAVE_TAKEN
from rhetoric.extract.threats.coding import harm_code
from rhetoric.extract.threats.context import ArticleContext

__all__ = ["CONDITION_SUBJECT", "EMBEDDED_SUBJECT", "hazard_warning", "warned_of_danger", "warning_of_danger"]

# a condition as the subject ("any attack", "whoever crosses"): the threatened party
CONDITION_SUBJECT = re.compile(r"(?:any|whoever|anyone|anybody|every)\b", re.IGNORECASE)
# the modal or intention of a reported clause: "(warned that Russia) would / was planning to ..."
EMBEDDED_MODAL = (r"(?:will|would|could|may|might|shall|can|(?:is|are|was|were)\s+going\s+to|planned\s+to|plans?\s+to|"
                  r"intends?\s+to|(?:is|are|was|were)\s+(?:preparing|planning|intending|poised|ready|about)\s+to)\b")
EMBEDDED_SUBJECT = re.compile(r"\s*(?P<np>[^,;“”\"]{1,90}?)\s+" + EMBEDDED_MODAL, re.IGNORECASE)
# an act the addressee is warned off ("crossing that red line", "such a step",
# "any attempt to"): a condition, so the consequences are the warner's
_TRANSGRESSION = re.compile(r"(?:such\s+(?:an?\s+)?|crossing\b|(?:an?\s+|the\s+)?attempts?\s+to\b)", re.IGNORECASE)
_HAVE_CONSEQUENCES = re.compile(r"\s*(?:\w+\s+)?(?:have|has|carry|bring|entail)\s+(?:[\w-]+\s+){0,2}?(?:consequences|"
                                r"repercussions|costs?)\b", re.IGNORECASE)
_CONSEQUENCE_WORDS = re.compile(r"\b(?:consequences|price|costs?|regret|response|retaliat\w*|reprisals?|sanctions|"
                                r"be\s+(?:arrested|detained|prosecuted|jailed|deported|expelled|punished)|"
                                r"measures|punish\w*|force|be\s+met|pay|face|suffer|answered|unanswered|tolerated|"
                                r"lightly|(?:become|legitimate|military|lawful)\s+(?:a\s+)?targets?)\b", re.IGNORECASE)


def warning_of_danger(ctx: ArticleContext, cue_end: int, end: int) -> bool:
    """Whether "X warned that Y would ..." reports a danger, not a threat:
    the embedded subject is not an actor (a disease, a market, the weather),
    not a condition ("any attack"), and no consequence for an addressee is
    named ("would pay", "would be met with force")."""
    embedded = EMBEDDED_SUBJECT.match(ctx.text, cue_end, end)
    if embedded is None:
        return False
    np = embedded.group("np")
    if CONDITION_SUBJECT.match(np) or is_actor_phrase(clean_mention(np)):
        return False
    if HAVE_TAKEN.match(ctx.text, embedded.end(), end):
        return False  # "warned that reporters would have their accreditation withdrawn": a penalty imposed
    if _HAVE_CONSEQUENCES.match(ctx.text, embedded.end(), end) and not _TRANSGRESSION.match(np):
        # "his style would have repercussions": an outcome foreseen, no one made
        # to pay; not "crossing that red line would have grave consequences"
        return True
    return not _CONSEQUENCE_WORDS.search(ctx.text, embedded.end(), end)


# a warning of a hazard by its kind, or advice to the public: "a health
# warning", "travel warnings", "alarming warnings", "an alert warning Americans to seek"
_HAZARD_WARNING = re.compile(r"[^,;]*?\b(?:health|travel|weather|storm|flood|heat|tsunami|safety|medical|public|"
                             r"alarming)\s+(?:warnings?|alerts?)\b|[^,;]*?\balerts?\s+warning\b",
                             re.IGNORECASE)
_WARNING_TOPIC = re.compile(r"[^,;]*?\bwarnings?\s+(?:over|about|of|on|regarding)\s+(?P<np>[^,;.“”\"]{1,80})", re.IGNORECASE)


def hazard_warning(text: str, cue_start: int, end: int) -> bool:
    """Whether "issued a warning over / about / of NP" warns of a hazard, not
    of consequences an actor would impose: NP is a thing ("the possible spread
    of Ebola", "the storm") and names no harm act or consequence.

    >>> hazard_warning("Kenya issued warnings over the possible spread of Ebola.", 0, 56)
    True
    >>> hazard_warning("Moscow issued a warning of dire consequences.", 0, 44)
    False
    >>> hazard_warning("The embassy issued a health warning to Americans.", 12, 49)
    True
    """
    if _HAZARD_WARNING.match(text, cue_start, end):
        return True  # "issued a health warning to Americans", "alarming warnings": a hazard named by its kind
    topic = _WARNING_TOPIC.match(text, cue_start, end)
    if topic is None:
        return False
    np = topic.group("np")
    return is_inanimate_phrase(np) and harm_code(np) is None and not _CONSEQUENCE_WORDS.search(np)


# what "warned of / about" threatens: a response or penalty of the warner's
# ("warned of retaliation", "of severe consequences"); an attack, an invasion
# or a war warned of, with no condition, is a danger foreseen
_RESPONSE_HARM = re.compile(r"\b(?:consequences|retaliat\w*|response|reply|answer|countermeasures|counter-measures|"
                            r"measures|steps|action|sanctions|price|punish\w*|reprisals?|repercussions|retribution|"
                            r"revenge|reaction|costs?|penalt\w*|wrath|force|expulsions?)\b", re.IGNORECASE)


def warned_of_danger(complement: str, conditional: bool) -> bool:
    """Whether "warned of / about COMPLEMENT" names a danger, not a threat:
    no response or penalty in its first 80 characters, and the sentence
    states no condition (``conditional``).

    >>> warned_of_danger("a Russian invasion within days.", False)
    True
    >>> warned_of_danger("severe consequences.", False), warned_of_danger("war if NATO admitted Kyiv.", True)
    (False, False)
    """
    return not _RESPONSE_HARM.search(complement[:80]) and not conditional

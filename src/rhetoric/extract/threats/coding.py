"""CAMEO sub-codes and Goldstein intensities for threats and shows of force.

A threat's code comes from the harm act its complement names
(``lexicons/harm_acts.tsv``: sanctions 1312, relations 1313, force 138x,
...); its intensity is the Goldstein (1992) weight of that code
(``lexicons/cameo_threats.tsv``), so the categories separate.

>>> harm_code("to cut off gas supplies to Europe"), harm_code("to strike the bases"), harm_code("to resign")
('1312', '1384', None)
>>> intensity("1385"), intensity("1312"), intensity("154")
(-7.0, -5.8, -7.2)
"""

from __future__ import annotations

import re
from functools import lru_cache

from rhetoric.extract.threats.scan import AnchoredRules
from rhetoric.lexicons import read_lexicon_table

__all__ = ["harm_code", "harm_span", "intensity", "refine"]


@lru_cache(maxsize=1)
def _harm_rules() -> tuple[AnchoredRules, dict[str, str]]:
    """The rows of harm_acts.tsv, each tried only where one of its anchor words starts a word."""
    rows = read_lexicon_table("harm_acts.tsv")
    rules = AnchoredRules((f"h{index}", pattern, anchors) for index, (pattern, _code, anchors) in enumerate(rows))
    return rules, {f"h{index}": code for index, (_pattern, code, _anchors) in enumerate(rows)}


@lru_cache(maxsize=1)
def _goldstein() -> dict[str, float]:
    return {code: float(weight) for code, _label, weight in read_lexicon_table("cameo_threats.tsv")}


# a harm that is not the actor's act: one undone ("will lift sanctions",
# "promised to remove the tariffs"), what someone else is asked to do ("will
# press companies to boycott", "would urge allies to impose sanctions": an
# appeal), or the object of a verb that undergoes or judges it rather than
# does it ("will tone down his attacks", "can handle these attacks", "will
# condemn the strikes"); read back _NOT_THE_ACT_REACH characters
_UNDONE = (r"(?:lift\w*|remov\w*|eas(?:e|es|ed|ing)|end(?:s|ed|ing)?|scrap\w*|repeal\w*|roll\w*\s+back|waiv\w*|"
           r"drop\w*|cancel\w*|revers\w*|relax\w*|prevent\w*|halt\w*|stop(?:s|ped|ping)?|block(?:s|ed|ing)?|"
           r"suspend\w*\s+(?:the\s+)?(?=sanction|tariff))\s+(?:(?:the|its|all|their|his|her|our|those|these|[\w-]+)\s+){0,2}")
_ASKED_OF_OTHERS = (r"(?:press\w*|urg(?:e|es|ed|ing)|push\w*|encourag\w*|ask\w*|call\w*\s+(?:on|upon)|lobby\w*|"
                    r"persuad\w*|convince\w*)\s+(?:[\w’'.-]+\s+){1,3}to\s+")
_JUDGED_OR_UNDERGONE = (r"(?:ton\w*\s+down|leave|leaves|left|handle\w*|ignor\w*|surviv\w*|withstand\w*|withstood|"
                        r"endur\w*|weather\w*|rebuff\w*|dismiss\w*|shrug\w*\s+off|condemn\w*|critici[sz]\w*|"
                        r"denounc\w*|deplor\w*|investigat\w*|mourn\w*|commemorat\w*|details\s+(?:on|of|about)|"
                        r"news\s+(?:on|of|about)|reports?\s+(?:on|of|about)|information\s+(?:on|about))\s+"
                        r"(?:(?:the|his|her|their|these|those|such|its|any|all|our|my|your)\s+)?(?:[\w-]+\s+)?")
# a past event named as a time reference: "its largest exercise since the Cold War", "after the attacks"
_TIME_REFERENCE = (r"(?:since|during|after|before|until|throughout|following)\s+(?:the\s+end\s+of\s+)?"
                   r"(?:the|this|that|last\s+year['’]s|its|their)\s+(?:[\w-]+\s+){0,2}")
_NOT_THE_ACT = re.compile(rf"\b(?:{_UNDONE}|{_ASKED_OF_OTHERS}|{_JUDGED_OR_UNDERGONE}|{_TIME_REFERENCE})$", re.IGNORECASE)
_NOT_THE_ACT_REACH = 40
# a perfect before a participle: an act done before ("given the office he had destroyed", "would have attacked"),
# not "would have consequences"
_DONE_BEFORE = re.compile(r"\b(?:had|has|have)\s+(?:(?:already|once|previously|just|long|not|never)\s+)?$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"\w+ed\b|(?:struck|hit|shot|taken|beaten|broken|overrun|fought|seized|sunk|shut|cut)\b",
                         re.IGNORECASE)
# a warning idiom that names the addressee's conduct: told to "stop playing with fire", it is still a warning
_ADDRESSEE_CONDUCT = re.compile(r"play(?:s|ed|ing)?\s+with\s+fire\b", re.IGNORECASE)
# generic measures whose purpose is to help or reassure are not coercive:
# "would take more measures to reassure its eastern members"
_SUPPORTIVE_PURPOSE = re.compile(r"(?:(?<=measures)|(?<=steps)|(?<=action))\s+to\s+(?:further\s+)?(?:reassure|support|help|assist|aid|"
                                 r"boost|bolster|strengthen|improve|ensure|calm|ease|stabili[sz]e|"
                                 r"promote|encourage|facilitate|reduce|de-?escalate|restore|rebuild)\b", re.IGNORECASE)
_MILITARY = re.compile(r"\b(?:military|armed|punitive|retaliatory)\b", re.IGNORECASE)
# a quote mark, not an apostrophe inside a word: scare quotes ("vowed to “liberate” the region") are read through
_QUOTE_MARK = re.compile(r"[“”\"]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])")


_CONDITION_BEFORE = re.compile(r"\b(?:if|unless|in\s+case|in\s+the\s+event|once|after|when)\b", re.IGNORECASE)


def _not_the_act(complement: str, start: int) -> bool:
    """Whether the harm at ``start`` is not the actor's announced act (see above)."""
    window = max(0, start - _NOT_THE_ACT_REACH)
    if _NOT_THE_ACT.search(complement, window, start):
        return not _ADDRESSEE_CONDUCT.match(complement, start)
    return bool(_DONE_BEFORE.search(complement, window, start) and _PARTICIPLE.match(complement, start))


def _unquoted(complement: str) -> str:
    """``complement`` with its quote marks blanked (same length, so offsets hold)."""
    return _QUOTE_MARK.sub(" ", complement)


def harm_code(complement: str, starts_before: int | None = None) -> str | None:
    """The CAMEO code of the first harm act named in ``complement``, or None;
    with ``starts_before``, only an act whose words start before that offset
    (it may end after it: "will treat any Western peacekeepers in Ukraine as
    legitimate targets").

    A weapon of mass destruction anywhere in the phrase gives 1385; a
    specific act outranks a generic "consequences" or "response"."""
    rules, codes = _harm_rules()
    first: str | None = None
    complement = _unquoted(complement)
    for name, match in rules.matches(complement):
        if starts_before is not None and match.start() >= starts_before:
            break
        if _not_the_act(complement, match.start()):
            continue  # "will lift sanctions", "will tone down his attacks", "will press companies to boycott"
        if _SUPPORTIVE_PURPOSE.match(complement, match.end()) and not _MILITARY.search(match.group()):
            continue  # "more measures to reassure its allies"
        code = codes[name]
        if code == "1385" and _CONDITION_BEFORE.search(complement, 0, match.start()):
            continue  # "to strike if Damascus used chemical weapons": the weapon is the condition's, not the act's
        if code == "1385":
            return code
        if first is None or (first == "130" and code != "130"):
            first = code
    return first


def harm_span(complement: str) -> tuple[int, int] | None:
    """(start, end) in ``complement`` of the first harm act :func:`harm_code` would read, or None.

    >>> harm_span("threatened to sue the Guardian for libel")
    (14, 17)
    """
    rules, _codes = _harm_rules()
    complement = _unquoted(complement)
    for _name, match in rules.matches(complement):
        if not _not_the_act(complement, match.start()):
            return match.start(), match.end()
    return None


def refine(default: str, complement: str) -> str:
    """``default`` made more specific by the complement's harm act (an
    ultimatum stays 139)."""
    if default == "139":
        return default
    code = harm_code(complement)
    if code is None or code == "130":
        return default
    return code


def intensity(code: str) -> float:
    """Goldstein weight of ``code``, falling back to its parent category."""
    table = _goldstein()
    while code and code not in table:
        code = code[:-1]
    return table.get(code, 0.0)

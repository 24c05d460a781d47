"""The threat grammar compiled from the lexicons, and the small fixed patterns
the detector shares (quote marks, clause breaks, hedges, negation)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.extract.threats.scan import CLITIC_START
from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table
from rhetoric.text.actors import ActorMention
from rhetoric.text.sentences import abbreviations

# --------------------------------------------------------------------------
# Lexicons, compiled once.

QUOTES = "“”\"‘’"
_OPEN_QUOTES = "“\""
_SPACE = r"[\s“”\"]+"
_MACROS = {
    "{DET}": r"(?:(?:a|an|the|its|their|our|his|her|any|all|every|this|these|those|such|that)" + _SPACE + ")?",
    "{MOD}": r"(?:[\w'’.,-]+" + _SPACE + "){0,4}?",
    "{ADV}": r"(?:\w+ly" + _SPACE + ")?",
    "{OBJ}": r"(?:[^,;]|(?<=\d),(?=\d)){0,60}?",
}
for _n in (2, 3, 4, 6, 8):
    _MACROS["{W%d}" % _n] = r"(?:" + _SPACE + r"[^\s.;:!?]+){0,%d}?" % _n + _SPACE


def _expand(pattern: str, spaces: bool = True) -> str:
    if spaces:
        pattern = pattern.replace(" ", _SPACE)
    for macro, value in _MACROS.items():
        pattern = pattern.replace(macro, value)
    return pattern


@dataclass(frozen=True, slots=True)
class _Predicate:
    kind: str
    cameo: str
    frame: str
    role: str


@dataclass(frozen=True, slots=True)
class _ForceCue:
    cameo: str
    requires: str
    voice: str


@lru_cache(maxsize=1)
def _cameo_table() -> dict[str, float]:
    return {code: float(weight) for code, _label, weight in read_lexicon_table("cameo_threats.tsv")}


@dataclass(frozen=True, slots=True)
class _Grammar:
    """Compiled patterns plus the anchor words that index them (for speed:
    a pattern is only tried in a window around one of its anchors)."""

    modal_predicates: re.Pattern[str]
    static_predicates: re.Pattern[str]
    predicates: dict[str, _Predicate]
    force: re.Pattern[str]
    force_cues: dict[str, _ForceCue]
    anchors: dict[str, frozenset[str]]  # word -> roles ("modal", "static", "force", "speech")
    suffix_anchors: tuple[tuple[str, str], ...]  # (word ending, role)


def _anchor_words(cell: str) -> list[str]:
    return [] if cell.strip() == "-" else cell.split()


@lru_cache(maxsize=1)
def compiled_grammar() -> _Grammar:
    anchors: dict[str, set[str]] = {}
    suffixes: list[tuple[str, str]] = []

    def add(words: list[str], role: str) -> None:
        for word in words:
            if word.startswith("*"):
                suffixes.append((word[1:], role))
            else:
                anchors.setdefault(word, set()).add(role)

    predicates: dict[str, _Predicate] = {}
    modal_parts, static_parts = [], []
    for index, (pattern, kind, cameo, frame, role, anchor) in enumerate(read_lexicon_table("threat_predicates.tsv")):
        name = "p%d" % index
        predicates[name] = _Predicate(kind, cameo, frame, role)
        (static_parts if frame == "static" else modal_parts).append("(?P<%s>%s)" % (name, _expand(pattern)))
        add(_anchor_words(anchor), "static")
    force_cues: dict[str, _ForceCue] = {}
    force_parts = []
    for index, (pattern, cameo, requires, voice, anchor) in enumerate(read_lexicon_table("show_of_force.tsv")):
        name = "f%d" % index
        force_cues[name] = _ForceCue(cameo, requires, voice)
        force_parts.append("(?P<%s>%s)" % (name, _expand(pattern, spaces=False)))
        add(_anchor_words(anchor), "force")
    for role, pattern, _value, anchor in read_lexicon_table("threat_frames.tsv"):
        if role == "modal":
            add(_anchor_words(anchor), "modal")
        elif role == "speech":
            add([alternative.split()[0] for alternative in pattern.split("|")], "speech")
    return _Grammar(
        modal_predicates=re.compile(r"(?<![\w-])(?:%s)" % "|".join(modal_parts), re.IGNORECASE),
        static_predicates=re.compile(r"(?<![\w-])(?:%s)" % "|".join(static_parts), re.IGNORECASE),
        predicates=predicates,
        force=re.compile("|".join(force_parts), re.IGNORECASE),
        force_cues=force_cues,
        anchors={word: frozenset(roles) for word, roles in anchors.items()},
        suffix_anchors=tuple(suffixes),
    )


@lru_cache(maxsize=1)
def frame_patterns() -> dict[str, re.Pattern[str]]:
    """role -> compiled pattern; modal alternatives are named by their value."""
    by_role: dict[str, list[str]] = {}
    modal_parts = []
    for index, (role, pattern, value, _anchors) in enumerate(read_lexicon_table("threat_frames.tsv")):
        if role == "modal":
            # a word starts the frame, or a clitic's apostrophe right after a word ("we’ll")
            lead = r"(?:(?<![\w'’])|%s)" % CLITIC_START
            modal_parts.append(r"(?P<m%d_%s>%s(?:%s))(?![\w'’-])" % (index, value, lead, pattern))
        else:
            by_role.setdefault(role, []).append(pattern)
    compiled = {role: re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts), re.IGNORECASE)
                for role, parts in by_role.items()}
    compiled["modal"] = re.compile("|".join(modal_parts), re.IGNORECASE)
    return compiled


@lru_cache(maxsize=1)
def title_patterns() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {title: country for title, country in read_lexicon_table("official_titles.tsv")}
    alternation = "|".join(re.escape(t) for t in sorted(table, key=len, reverse=True))
    return re.compile(r"\b(?:%s)\b" % alternation), table


@lru_cache(maxsize=1)
def threat_word_pattern() -> re.Pattern[str]:
    parts = []
    for word in read_lexicon_lines("threat_words.txt"):
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(word))
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=None)
def _word_lists() -> dict[str, tuple[str, str]]:
    return {name: (kind, value) for name, kind, value in read_lexicon_table("threat_word_lists.tsv")}


def word_list(name: str) -> frozenset[str]:
    """A word list of ``threat_word_lists.tsv``."""
    kind, value = _word_lists()[name]
    if kind != "words":
        raise ValueError(f"threat_word_lists.tsv: {name!r} is a {kind}, not a word list")
    return frozenset(value.split())


def word_list_alternation(name: str) -> str:
    """A pattern list of ``threat_word_lists.tsv``: its regular-expression alternation."""
    kind, value = _word_lists()[name]
    if kind != "pattern":
        raise ValueError(f"threat_word_lists.tsv: {name!r} is a {kind}, not a pattern")
    return value


def word_list_pattern(name: str) -> re.Pattern[str]:
    """A pattern list of ``threat_word_lists.tsv`` as a whole-word, case-insensitive regex."""
    return re.compile(r"\b(?:%s)\b" % word_list_alternation(name), re.IGNORECASE)


PLATFORM = word_list_pattern("platform")
MILITARY = word_list_pattern("military")
WEAPON = word_list_pattern("weapon")
NUCLEAR = re.compile(r"\bnuclear\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n[’']t\b", re.IGNORECASE)
HEDGE = re.compile(r"^\W*(?:likely|probably|possibly|perhaps|presumably)\b", re.IGNORECASE)
# a verb that sets terms ("Washington told Tehran to halt enrichment or face
# new sanctions", "gave Kiev until Monday ..., or face"): who sets them threatens
_SETTER_VERBS = r"told|tells|tell|ordered|orders|order|demanded|demands|demand|warned|warns|warn|gave|gives|give"
TERMS_SETTER = re.compile(rf"\b(?:{_SETTER_VERBS}|handed|issued)\b", re.IGNORECASE)
# an obligation laid on the subject ("Kiev must pay its debts or face a
# cut-off"): the subject is the one told, not who threatens
OBLIGED = re.compile(r"\b(?:must|has\s+to|have\s+to|had\s+to|needs?\s+to|(?:is|are)\s+obliged\s+to)\b", re.IGNORECASE)
# terms set or laid on someone, either way ("needs to attract a suitor or
# risk being overtaken" has neither: a necessity)
DIRECTIVE = re.compile(rf"\b(?:{_SETTER_VERBS}|given|ultimatum|must|have\s+to|has\s+to)\b", re.IGNORECASE)


def obliged_subject(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, before an "or face", lays an obligation on
    its subject ("Kiev must pay its debts") with no verb that names who set it."""
    return OBLIGED.search(text, start, end) is not None and TERMS_SETTER.search(text, start, end) is None


GAP_FILLER = word_list("gap_filler")
CLAUSE_BREAK = re.compile(r"[,;:—–(]|[“\"]\s*|\b(?:that|which|who|said|says|told|warned|added|repeated|"
                           r"stated|declared|insisted|stressed)\s+", re.IGNORECASE)
LEADING_CONDITION = re.compile(r"\b(?:If|Should|Unless|Once|Whenever|Whoever|if|unless)\b")
# a belief, hope or fear governs the modal ("Democrats fear that he would be punished"): no one threatens
BELIEF = re.compile(r"\b(?:fear(?:s|ed)?|hop(?:e|es|ed)|expect(?:s|ed)?|believ(?:e|es|ed)|think(?:s)?|thought|worr(?:y|ies|ied)|"
                     r"doubt(?:s|ed)?|suspect(?:s|ed)?|speculat\w*|predict\w*|wonder\w*|imagin\w*|"
                     # the writer's inference: "it is clear that the groups are preparing new attacks"
                     r"(?:is|was|seems|seemed|appears|appeared)\s+(?:clear|obvious|likely|evident|apparent|certain))\s+(?:that\s+)?"
                     r"(?:[^,;:.]{0,50}?)$", re.IGNORECASE)
# a relative clause on the target's defiance: "troops who refuse to leave (will be treated as occupiers)"
DEFIANT_RELATIVE = (r"(?<=\w\s)who\s+(?:refus\w*|fail\w*|dare[sd]?|break|breaks|broke|violat\w*|cross(?:es|ed)?|"
                    r"resist\w*|(?:do|does|did)\s+not|(?:don|doesn|didn)['’]t)\b")
ANY_CONDITION = re.compile(rf"\b(?:any|those who|anyone who|whoever)\b|{DEFIANT_RELATIVE}", re.IGNORECASE)
TRAILING_CONDITION = re.compile(
    r"[\s,”\"]*(?:if|unless|as long as|so long as|the moment|should|once|whenever|or face|or be|or else|in case)\b",
    re.IGNORECASE)
CONTINUATION = re.compile(
    r"[\s“\"]*(?:(?:If|Should) (?:they|it|he|she|you|the \w+) (?:fails?|refuses?|does not|do not)\b|Otherwise\b|"
    r"If not\b|Failing (?:that|this|to do so)\b)")
HISTORICAL = re.compile(r"\b(?i:in|since|during|back in)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\b")
FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|shall|plans? to|planned to|planning to|expected to|set to|is to|are to|"
    r"to(?=\s+(?-i:[a-z]))|wants? to|intends? to)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)  # not "loyal to Moscow"
NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|without)\s+(?:[\w-]+\s+){0,1}$|n[’']t\s+(?:[\w-]+\s+){0,1}$",
                             re.IGNORECASE)
FORCE_END = re.compile(
    r"[,;:—–()]|\s+(?:on|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\s+(?:last|next)\s+(?:week|month|year)\b|\s+(?:before|after|hours after|during|while|amid|as|when)\s|"
    r"\s+to\s+(?:mark|commemorate|sharpen|show|signal|demonstrate|protest)\b|\s+in\s+(?:a|an|what)\s|"
    r"\s+and\s+(?:broke|warned|said|its|the|was|were|then|that)\b|\s+according to\b|[”\"](?=\s+(?:and|but)\b)",
    re.IGNORECASE)
# weapons launched at a target: an attack (CAMEO 19x), not a test or a display
FIRED_AT_TARGET = re.compile(r"\b(?:rockets?|missiles?|shells|mortars?|drones?|projectiles?)\W{0,2}\s+(?:at|against|toward|towards)\s+"
                             r"(?!(?:the\s+)?(?:sea|waters|ocean|test\s+site|a\s+target\s+area))", re.IGNORECASE)
AIMED_AT = re.compile(r"\b(?:aimed at|warning to|signal to|message to|directed at)\s+", re.IGNORECASE)
ORGANISATION_NP = re.compile(r"\b(?:ministry|spokesman|spokeswoman|spokesperson|office|government|military|"
                              r"army|command|staff|agency|statement|commentary|editorial|newspaper)\b", re.IGNORECASE)
PERSONAL_SUBJECT = re.compile(r"\b(?:he|she|it|they|we|i|you|people|officials?|leaders?|president|minister|"
                               r"troops|forces|soldiers|army|navy|military|regime)\b", re.IGNORECASE)
PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|him|her|them|us)$", re.IGNORECASE)
NAME_TOKEN = re.compile(r"\b[A-Z][a-z]+(?:-[A-Za-z]+)?\b")
NAME_STOP = word_list("name_stop")
LOCATIVE = re.compile(r"^(?:(?:Later|Earlier|Meanwhile|Separately|Also)\s*,?\s*)?(?:in|at|from)\s+"
                       r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s*,\s*")
TRIM_NP = re.compile(r"\b(?:also|later|earlier|again|then|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)|last (?:week|month)|this week|in (?:a|an|its|his|her) \w+)\b.*$",
                      re.IGNORECASE)
ATTRIBUTION_AFTER = re.compile(
    r"^[\s,.!?]*[”\"]?[\s,]*(?:(?P<verb1>said|says|told|added|warned|wrote|declared|stated|stressed|insisted|"
    r"asked|continued)\s+(?P<np1>[^“”\";]{1,100})|(?P<np2>[^“”\";]{1,100}?)\s+(?:said|says|told|added|warned|wrote|"
    r"declared|stated|stressed|insisted|continued)\b)")
ATTRIBUTION_BEFORE = re.compile(
    r"(?P<np>[^“”\";]{1,140}?)\s+(?:said|says|told|added|warned|wrote|declared|stated|stressed|insisted|"
    r"continued|vowed|threatened)\b(?:\s+[^“”\"]{0,40}?)?[,:]?\s*$")
ACCORDING_TO = re.compile(r"\baccording to\s+(?P<np>[^,;.“”\"]{1,80})", re.IGNORECASE)
SPEECH_BOUNDARY = re.compile(r"[”\"][,.]?\s*|;\s*|,\s+(?:and|but)\s+|\b(?:that|and)\s+(?=[a-z])|—\s*")


def goldstein_intensity(code: str) -> float:
    table = _cameo_table()
    while code and code not in table:
        code = code[:-1]
    return table.get(code, 0.0)


# --------------------------------------------------------------------------
# Per-document state: sentences, quotations, speakers and actor resolution.

ACTOR_KINDS = ("state", "people", "organisation", "alliance", "person")


def canonical_state(mention: ActorMention) -> str:
    return mention.country or mention.actor


class Cue:
    """A cue word found by the anchor scan (match-like: start(), end(), group())."""

    __slots__ = ("_start", "_end", "_word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start, self._end, self._word = start, end, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._word


BOUNDARY = re.compile(r"[.!?]([”\"’)]*)\s+(?=[“\"‘(]*[A-Z0-9])")


def is_abbreviation(token: str, text: str, next_start: int) -> bool:
    """Whether ``token`` (ending in its period) is an abbreviation that does
    not end a sentence, by the list rhetoric.text.sentences uses."""
    if not token.endswith("."):
        return False
    known = abbreviations()
    core = token.lower()[:-1]
    if core in known.always or (len(token) == 2 and token[0].isalpha()):
        return True
    if core in known.before_number:
        return text[next_start:next_start + 1].isdigit()
    return "." in core and len(core) <= 8 and all(part.isalpha() and len(part) <= 2 for part in core.split("."))


def period_ends_abbreviation(text: str, period: int, lower: int = 0) -> bool:
    """Whether the full stop at ``period`` ends an abbreviation or an initial
    ("U.S.", "Mr.", "Harry S. Truman"), not a sentence or a clause: its word
    is read back to the last space after ``lower``.

    >>> period_ends_abbreviation("Harry S. Truman sailed.", 7), period_ends_abbreviation("It sailed. Then", 9)
    (True, False)
    """
    token = text[text.rfind(" ", lower, period) + 1:period + 1]
    return is_abbreviation(token, text, period + 2)


FULL_STOP = re.compile(r"\.(?=[”\"’)]*(?:\s|$))")
QUOTE_MARK = re.compile(r"[“”\"]")


@lru_cache(maxsize=None)
def suffix_pattern(ending: str) -> re.Pattern[str]:
    return re.compile(r"(?<=\w)%s(?![\w'’-])" % re.escape(ending))

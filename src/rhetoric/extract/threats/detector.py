"""Threat phrases and show-of-force events.

A transparent pattern grammar over sentences. A verbal threat is a harm
predicate ("strike first", "pay a heavy price", "be met with an overwhelming
response", "impose sanctions") governed by a future, modal, vow or threaten
frame ("will", "would", "vowed to", "is ready to", "threatens to", "or"),
optionally made contingent by a condition ("if", "unless", "any … would",
"whoever", "or face"). A show of force is a military action reported as a
signal (bomber flights, drills, deployments, launches, port calls, parades),
found on its verb phrase and kept apart from verbal threats.

Negatives the grammar leaves out: analysts' hypotheticals (the speaker is an
analyst or expert), denials ("denied that any strike was planned"), hedged
predictions ("would likely"), threats by things that are not actors
("climate change threatens farmers": no security actor, no harm predicate),
habitual or historical mentions, and nominal references ("the threat").

The actor is the state that threatens: the speaker's state when the threat
sits in a quotation or reported speech, otherwise the clause subject's state.
Quotations come from :func:`rhetoric.extract.quotes.extract_quotes` when it finds any,
else from a light fallback (quote marks plus a nearby "X said").

The lexicons (``threat_predicates.tsv``, ``threat_frames.tsv``,
``show_of_force.tsv``, ``cameo_threats.tsv``, ``threat_words.txt``,
``official_titles.tsv``) hold every cue word, so the grammar can be read and
extended without touching code.

>>> [(t.text, t.kind, t.actor, t.target, t.cameo) for t in extract_threats(
...     "Trump threatens to “totally destroy” North Korea.")]
[('Trump threatens to “totally destroy” North Korea', 'threat', 'United States', 'North Korea', '1384')]
>>> extract_threats("Climate change threatens farmers.")
[]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.text.actors import ActorMention, find_actors
from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table
from rhetoric.text.sentences import Sentence, count_tokens, split_paragraphs, split_sentences

__all__ = ["Threat", "extract_threats", "threat_salience"]


@dataclass(frozen=True, slots=True)
class Threat:
    """A threat phrase; offsets index the text given to :func:`extract_threats`."""

    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    kind: str  # "threat" | "warning" | "ultimatum" | "show_of_force"
    actor: str | None
    target: str | None
    conditional: bool
    modality: str | None
    cameo: str
    intensity: float
    evidence: tuple[str, ...]


# --------------------------------------------------------------------------
# Lexicons, compiled once.

_QUOTES = "“”\"‘’"
_OPEN_QUOTES = "“\""
_SPACE = r"[\s“”\"]+"
_MACROS = {
    "{DET}": r"(?:(?:a|an|the|its|their|our|his|her|any|all|every|this|these|those|such|that)" + _SPACE + ")?",
    "{MOD}": r"(?:[\w'’.,-]+" + _SPACE + "){0,4}?",
    "{ADV}": r"(?:\w+ly" + _SPACE + ")?",
    "{OBJ}": r"(?:[^,;]|(?<=\d),(?=\d)){0,60}?",
}
for _n in (2, 3, 4, 6):
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
def _grammar() -> _Grammar:
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
def _frames() -> dict[str, re.Pattern[str]]:
    """role -> compiled pattern; modal alternatives are named by their value."""
    by_role: dict[str, list[str]] = {}
    modal_parts = []
    for index, (role, pattern, value, _anchors) in enumerate(read_lexicon_table("threat_frames.tsv")):
        if role == "modal":
            lead = "" if pattern[0] in "'’" else r"(?<![\w'’])"
            modal_parts.append(r"(?P<m%d_%s>%s(?:%s))(?![\w'’-])" % (index, value, lead, pattern))
        else:
            by_role.setdefault(role, []).append(pattern)
    compiled = {role: re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts), re.IGNORECASE)
                for role, parts in by_role.items()}
    compiled["modal"] = re.compile("|".join(modal_parts), re.IGNORECASE)
    return compiled


@lru_cache(maxsize=1)
def _titles() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {title: country for title, country in read_lexicon_table("official_titles.tsv")}
    alternation = "|".join(re.escape(t) for t in sorted(table, key=len, reverse=True))
    return re.compile(r"\b(?:%s)\b" % alternation), table


@lru_cache(maxsize=1)
def _threat_words() -> re.Pattern[str]:
    parts = []
    for word in read_lexicon_lines("threat_words.txt"):
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[\w-]*")
        else:
            parts.append(re.escape(word))
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(parts), re.IGNORECASE)


_PLATFORM = re.compile(
    r"\b(?:bombers?|jets?|fighters?|aircraft|warplanes?|helicopters?|drones?|planes?|warships?|destroyers?|"
    r"frigates?|ships?|vessels?|submarines?|carriers?|cruisers?|B-\d\w*|F-\s?\d+\w*|USS|Marines|sorties|"
    r"strike group|navy|fleet)\b", re.IGNORECASE)
_MILITARY = re.compile(
    r"\b(?:military|army|navy|air force|troops|forces|units|soldiers|marines|command|fleet|guard|KPA|PLA|"
    r"it|its|they|their|artillery|battalions?|brigades?|regiments?)\b", re.IGNORECASE)
_WEAPON = re.compile(r"\b(?:rockets?|missiles?|satellites?|ICBMs?)\b", re.IGNORECASE)
_NUCLEAR = re.compile(r"\bnuclear\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n[’']t\b", re.IGNORECASE)
_HEDGE = re.compile(r"^\W*(?:likely|probably|possibly|perhaps|presumably)\b", re.IGNORECASE)
_GAP_FILLER = frozenset(
    "also then first again immediately certainly surely definitely only still now soon not be have has had "
    "been to continue and all both readily rather fully just even".split())
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|[“\"]\s*|\b(?:that|which|who|said|says|told|warned|added|repeated|"
                           r"stated|declared|insisted|stressed)\s+", re.IGNORECASE)
_LEADING_CONDITION = re.compile(r"\b(?:If|Should|Unless|Once|Whenever|Whoever|if|unless)\b")
_ANY_CONDITION = re.compile(r"\b(?:any|those who|anyone who|whoever)\b", re.IGNORECASE)
_TRAILING_CONDITION = re.compile(
    r"[\s,”\"]*(?:if|unless|as long as|so long as|the moment|should|once|whenever|or face|or be|or else|in case)\b",
    re.IGNORECASE)
_CONTINUATION = re.compile(
    r"[\s“\"]*(?:(?:If|Should) (?:they|it|he|she|you|the \w+) (?:fails?|refuses?|does not|do not)\b|Otherwise\b|"
    r"If not\b|Failing (?:that|this|to do so)\b)")
_HISTORICAL = re.compile(r"\b(?i:in|since|during|back in)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d\b")
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|shall|plans? to|planned to|planning to|expected to|set to|is to|are to|"
    r"to|wants? to|intends? to)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no|without)\s+(?:[\w-]+\s+){0,1}$|n[’']t\s+(?:[\w-]+\s+){0,1}$",
                             re.IGNORECASE)
_FORCE_END = re.compile(
    r"[,;:—–()]|\s+(?:on|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\s+(?:last|next)\s+(?:week|month|year)\b|\s+(?:before|after|hours after|during|while|amid|as|when)\s|"
    r"\s+to\s+(?:mark|commemorate|sharpen|show|signal|demonstrate|protest)\b|\s+in\s+(?:a|an|what)\s|"
    r"\s+and\s+(?:broke|warned|said|its|the|was|were|then|that)\b|\s+according to\b|[”\"](?=\s+(?:and|but)\b)",
    re.IGNORECASE)
_AIMED_AT = re.compile(r"\b(?:aimed at|warning to|signal to|message to|directed at)\s+", re.IGNORECASE)
_ORGANISATION_NP = re.compile(r"\b(?:ministry|spokesman|spokeswoman|spokesperson|office|government|military|"
                              r"army|command|staff|agency|statement|commentary|editorial|newspaper)\b", re.IGNORECASE)
_PERSONAL_SUBJECT = re.compile(r"\b(?:he|she|it|they|we|i|you|people|officials?|leaders?|president|minister|"
                               r"troops|forces|soldiers|army|navy|military|regime)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|him|her|them|us)$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"\b[A-Z][a-z]+(?:-[A-Za-z]+)?\b")
_NAME_STOP = frozenset(
    "The A An In At On But And He She It They We I Its His Her Their Our Defense Defence Minister Ministry Secretary "
    "Foreign Vice Deputy President Prime Chief Senior General Gen Col Adm Rear Lt Sgt Maj Mr Ms Mrs Dr Sr Jr "
    "Spokesman Spokeswoman Ambassador Commander Under State Department Office Affairs National Security Council "
    "Later Earlier Meanwhile Also Still Yet Then When While After Before Last This That These Those "
    "Cabinet Navy Army Air Force Forces Staff Joint Chiefs Korean Korea North South United Nations".split())
_LOCATIVE = re.compile(r"^(?:(?:Later|Earlier|Meanwhile|Separately|Also)\s*,?\s*)?(?:in|at|from)\s+"
                       r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s*,\s*")
_TRIM_NP = re.compile(r"\b(?:also|later|earlier|again|then|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)|last (?:week|month)|this week|in (?:a|an|its|his|her) \w+)\b.*$",
                      re.IGNORECASE)
_ATTRIBUTION_AFTER = re.compile(
    r"^[\s,.!?]*[”\"]?[\s,]*(?:(?P<verb1>said|says|told|added|warned|wrote|declared|stated|stressed|insisted|"
    r"asked|continued)\s+(?P<np1>[^“”\";]{1,100})|(?P<np2>[^“”\";]{1,100}?)\s+(?:said|says|told|added|warned|wrote|"
    r"declared|stated|stressed|insisted|continued)\b)")
_ATTRIBUTION_BEFORE = re.compile(
    r"(?P<np>[^“”\";]{1,140}?)\s+(?:said|says|told|added|warned|wrote|declared|stated|stressed|insisted|"
    r"continued|vowed|threatened)\b(?:\s+[^“”\"]{0,40}?)?[,:]?\s*$")
_ACCORDING_TO = re.compile(r"\baccording to\s+(?P<np>[^,;.“”\"]{1,80})", re.IGNORECASE)
_SPEECH_BOUNDARY = re.compile(r"[”\"][,.]?\s*|;\s*|,\s+(?:and|but)\s+|\b(?:that|and)\s+(?=[a-z])|—\s*")


def _intensity(code: str) -> float:
    table = _cameo_table()
    while code and code not in table:
        code = code[:-1]
    return table.get(code, 0.0)


# --------------------------------------------------------------------------
# Per-document state: sentences, quotations, speakers and actor resolution.

_ACTOR_KINDS = ("state", "people", "organisation", "alliance", "person")


def _canonical(mention: ActorMention) -> str:
    return mention.country or mention.actor


class _Cue:
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


_BOUNDARY = re.compile(r"[.!?]([”\"’)]*)\s+(?=[“\"‘(]*[A-Z0-9])")


@lru_cache(maxsize=1)
def _abbreviation_sets() -> tuple[frozenset[str], frozenset[str]]:
    always, before_number = set(), set()
    for line in read_lexicon_lines("abbreviations.txt"):
        word, _, condition = line.partition(" ")
        (before_number if condition.strip() == "#" else always).add(word.lower())
    return frozenset(always), frozenset(before_number)


def _is_abbreviation(token: str, text: str, next_start: int) -> bool:
    """Whether ``token`` (ending in its period) is an abbreviation that does
    not end a sentence, as in rhetoric.text.sentences."""
    if not token.endswith("."):
        return False
    lowered = token.lower()
    always, before_number = _abbreviation_sets()
    if lowered in always or (len(token) == 2 and token[0].isalpha()):
        return True
    if lowered in before_number:
        return text[next_start:next_start + 1].isdigit()
    core = lowered.rstrip(".")
    return "." in core and len(core) <= 8 and all(part.isalpha() and len(part) <= 2 for part in core.split("."))


_FULL_STOP = re.compile(r"\.(?=[”\"’)]*(?:\s|$))")
_QUOTE_MARK = re.compile(r"[“”\"]")
_WORD_RE = re.compile(r"[a-z][\w'’-]*")


@lru_cache(maxsize=None)
def _word_pattern(word: str) -> re.Pattern[str]:
    # A literal prefix lets the regex engine skip ahead fast; the left word
    # boundary is checked by the caller.
    return re.compile(r"%s(?![\w'’-])" % re.escape(word))


@lru_cache(maxsize=None)
def _suffix_pattern(ending: str) -> re.Pattern[str]:
    return re.compile(r"(?<=\w)%s(?![\w'’-])" % re.escape(ending))


class _Document:
    """Lazy per-text analysis shared by the threat and show-of-force passes.

    Sentences and actor mentions are computed per paragraph, only for the
    paragraphs that a candidate or a speaker lookup touches."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = split_paragraphs(text)
        self._p_starts = [start for start, _end in self.paragraphs]
        self._p_sentences: dict[int, list[Sentence]] = {}
        self._p_actors: dict[int, list[ActorMention]] = {}
        self._exact: dict[int, list[tuple[int, int]]] = {}
        self._quotes: list[tuple[int, int, str | None]] | None = None
        self._names: dict[str, str | None] = {}
        self._spans: list[tuple[int, int]] | None = None
        self._subjects: dict[int, str | None] = {}
        self.modal_anchors: list[int] = []
        self.static_anchors: list[int] = []
        self.force_anchors: list[int] = []
        self._speech: list[_Cue] = []
        self._scan()

    def _scan(self) -> None:
        """One pass over the words: where each part of the grammar may apply."""
        grammar = _grammar()
        anchors = grammar.anchors
        text = self.text
        lowered = text.lower()
        # The distinct words of the text (one C-level pass), then the
        # positions of only those that anchor some part of the grammar.
        hits = [(word, _word_pattern(word)) for word in set(_WORD_RE.findall(lowered)) & anchors.keys()]
        for ending, role in grammar.suffix_anchors:
            if ending in lowered and role == "modal":
                hits.append(("", _suffix_pattern(ending)))
        for word, pattern in hits:
            roles = anchors.get(word, frozenset(("modal",)))
            for match in pattern.finditer(lowered):
                if word and match.start() > 0 and (lowered[match.start() - 1].isalnum()
                                                   or lowered[match.start() - 1] in "_'’-"):
                    continue
                if "modal" in roles:
                    self.modal_anchors.append(match.end())
                if "static" in roles:
                    self.static_anchors.append(match.start())
                if "force" in roles:
                    self.force_anchors.append(match.start())
                if "speech" in roles:
                    if word == "according":
                        if lowered.startswith(" to", match.end()):
                            self._speech.append(_Cue(match.start(), match.end() + 3, "according to"))
                    else:
                        self._speech.append(_Cue(match.start(), match.end(), text[match.start():match.end()]))
        self.modal_anchors.sort()
        self.static_anchors.sort()
        self.force_anchors.sort()
        self._speech.sort(key=_Cue.start)
        self._speech_starts = [cue.start() for cue in self._speech]

    # paragraphs and sentences ---------------------------------------------
    def paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self._p_starts, position) - 1

    def paragraph_bounds(self, position: int) -> tuple[int, int]:
        index = self.paragraph_index(position)
        return self.paragraphs[index] if index >= 0 else (0, 0)

    def paragraph_sentences(self, index: int) -> list[Sentence]:
        """Sentences of a paragraph by a fast boundary rule that follows
        rhetoric.text.sentences's abbreviation list; the reported sentence offsets
        come from :func:`exact_sentence_bounds`."""
        found = self._p_sentences.get(index)
        if found is None:
            start, end = self.paragraphs[index]
            text = self.text
            found = []
            cursor = start
            for match in _BOUNDARY.finditer(text, start, end):
                token = text[text.rfind(" ", cursor, match.start()) + 1:match.start() + 1].lstrip(_QUOTES + "(")
                if _is_abbreviation(token, text, match.end()):
                    continue
                sentence_end = match.end(1) if match.group(1) else match.start() + 1
                found.append(Sentence(len(found), cursor, sentence_end, text[cursor:sentence_end]))
                cursor = match.end()
            if cursor < end:
                found.append(Sentence(len(found), cursor, end, text[cursor:end]))
            self._p_sentences[index] = found
        return found

    def exact_sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The offsets of the rhetoric.text.sentences sentences holding [start, end)."""
        index = self.paragraph_index(start)
        exact = self._exact.get(index)
        if exact is None:
            # rhetoric.text.sentences splits each paragraph on its own, so the sentences
            # of the whole text (split once, shared with the other extractors)
            # that start in this paragraph are the paragraph's own split.
            p_start, p_end = self.paragraphs[index]
            exact = [(s.start, s.end) for s in split_sentences(self.text) if p_start <= s.start < p_end]
            self._exact[index] = exact
        lower, upper = start, end
        for s_start, s_end in exact:
            if s_start <= start < s_end:
                lower = min(lower, s_start)
            if s_start < end <= s_end:
                upper = max(upper, s_end)
        return min(lower, start), max(upper, end)

    def sentence_at(self, position: int) -> Sentence | None:
        index = self.paragraph_index(position)
        if index < 0 or position >= self.paragraphs[index][1]:
            return None
        sentences = self.paragraph_sentences(index)
        for sentence in sentences:
            if sentence.start <= position < sentence.end:
                return sentence
        return None

    def previous_sentence(self, sentence: Sentence) -> Sentence | None:
        index = self.paragraph_index(sentence.start)
        sentences = self.paragraph_sentences(index)
        for number, current in enumerate(sentences):
            if current.start == sentence.start:
                if number > 0:
                    return sentences[number - 1]
                break
        if index > 0:
            previous = self.paragraph_sentences(index - 1)
            return previous[-1] if previous else None
        return None

    def sentences_before(self, position: int, limit: int) -> list[Sentence]:
        """Up to ``limit`` sentences ending before or containing ``position``, nearest first."""
        result: list[Sentence] = []
        index = self.paragraph_index(position)
        while index >= 0 and len(result) < limit:
            for sentence in reversed(self.paragraph_sentences(index)):
                if sentence.start <= position:
                    result.append(sentence)
                    if len(result) >= limit:
                        break
            index -= 1
        return result

    # actors -----------------------------------------------------------------
    def paragraph_actors(self, index: int) -> list[ActorMention]:
        found = self._p_actors.get(index)
        if found is None:
            start, end = self.paragraphs[index]
            found = [ActorMention(m.start + start, m.end + start, m.text, m.actor, m.kind, m.country)
                     for m in find_actors(self.text[start:end])]
            self._p_actors[index] = found
        return found

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        first, last = max(self.paragraph_index(start), 0), self.paragraph_index(max(start, end - 1))
        result = []
        for index in range(first, last + 1):
            result.extend(m for m in self.paragraph_actors(index) if m.start >= start and m.end <= end)
        return result

    def last_actor_before(self, position: int) -> str | None:
        index = self.paragraph_index(position)
        while index >= 0:
            for mention in reversed(self.paragraph_actors(index)):
                if mention.end <= position and mention.kind in ("state", "people", "organisation", "alliance") \
                        and not self.inside_quote(mention.start):
                    return _canonical(mention)
            index -= 1
        return None

    def last_subject_before(self, position: int, limit: int = 6) -> str | None:
        """The state of the nearest sentence subject (an actor among the first
        words of a sentence, outside quotations) before ``position``."""
        for current in self.sentences_before(position, limit):
            lead = current.text[:80]
            dash = max(lead.find("—"), lead.find("--"))
            offset = current.start + (dash + 2 if dash >= 0 else 0)
            head_end = min(position, current.end, offset + 60)
            for mention in self.actors_in(offset, head_end):
                if mention.kind in _ACTOR_KINDS and not self.inside_quote(mention.start):
                    return _canonical(mention)
        return None

    # quotations -------------------------------------------------------------
    def quotes(self) -> list[tuple[int, int]]:
        """(content start, content end) of each quotation: from
        :func:`rhetoric.extract.quotes.extract_quotes` when it finds any, else from
        quote marks."""
        if self._quotes is None:
            self._module_quotes = self._quotes_from_module()
            if self._module_quotes:
                self._quotes = [(q.content_start, q.content_end) for q in self._module_quotes]
            else:
                self._quotes = self.quote_spans()
            self._quote_countries: dict[int, str | None] = {}
        return self._quotes

    def _quotes_from_module(self) -> list:
        try:
            from rhetoric.extract.quotes import extract_quotes

            found = extract_quotes(self.text)
        except Exception:  # the quotes module is built elsewhere; never fail here
            return []
        return sorted((q for q in found if q.kind != "indirect"), key=lambda q: q.content_start)

    def quote_country(self, index: int) -> str | None:
        """The state of the speaker of quotation ``index`` (memoised)."""
        quotes = self.quotes()
        if index in self._quote_countries:
            return self._quote_countries[index]
        start, end = quotes[index]
        country = None
        if self._module_quotes:
            quote = self._module_quotes[index]
            if quote.speaker_start is not None and quote.speaker:
                country = self.resolve(quote.speaker, quote.speaker_start, use_focus=True)
            if country is None and quote.speaker_affiliation:
                country = quote.speaker_affiliation
        else:
            country = self._attributed_speaker(start, end)
            if country is None and index > 0:
                previous_end = quotes[index - 1][1]
                if self._continues(previous_end, start) or self.text.count("\n\n", previous_end, start) <= 1:
                    country = self.quote_country(index - 1)
            if country is None:
                country = self.focus_before(start)
        self._quote_countries[index] = country
        return country

    def quote_spans(self) -> list[tuple[int, int]]:
        """Raw quotation spans from quote marks (content offsets)."""
        if self._spans is not None:
            return self._spans
        text = self.text
        spans: list[tuple[int, int]] = []
        marks = [m.start() for m in _QUOTE_MARK.finditer(text)]
        cursor = 0
        for p_start, p_end in self.paragraphs:
            opened = -1
            while cursor < len(marks) and marks[cursor] < p_start:
                cursor += 1
            while cursor < len(marks) and marks[cursor] < p_end:
                index = marks[cursor]
                cursor += 1
                char = text[index]
                if opened < 0 and (char == "“" or (char == '"' and self._opens(index))):
                    opened = index
                elif opened >= 0 and char in "”\"":
                    spans.append((opened + 1, index))
                    opened = -1
            if opened >= 0:
                spans.append((opened + 1, p_end))
        self._spans = spans
        return spans

    def inside_quote(self, position: int) -> bool:
        for start, end in self.quote_spans():
            if start <= position < end:
                return True
            if start > position:
                return False
        return False

    def _opens(self, index: int) -> bool:
        before = self.text[index - 1] if index > 0 else " "
        return not before.isalnum()

    def _continues(self, previous_end: int, start: int) -> bool:
        between = self.text[previous_end:start]
        return len(between) < 400 and not re.search(r"\b(?:said|told|according to)\b", between)

    def _attributed_speaker(self, start: int, end: int) -> str | None:
        text = self.text
        after = text[end:end + 160].split("\n", 1)[0]
        match = _ATTRIBUTION_AFTER.match(after)
        if match:
            np = match.group("np1") or match.group("np2")
            np_start = end + (match.start("np1") if match.group("np1") else match.start("np2"))
            np = re.split(r"[.]\s+(?=[A-Z“\"])|\s+(?:in|at|on|during|after|before)\s+(?:a|an|the|his|her|its|Monday|"
                          r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", np)[0]
            country = self.resolve(np, np_start, use_focus=False)
            if country is None:
                tail = re.split(r"[“”\"]|[.!?]\s", after[match.end() - len(np):], maxsplit=1)[0]
                country = self._resolve_actors(tail)
            if country is not None or re.search(r"\b(?:said|told|added|warned)\b", after[:40]):
                return country if country is not None else self.focus_before(np_start)
        sentence = self.sentence_at(start - 1) or self.sentence_at(start)
        line_start = max(text.rfind("\n", 0, start) + 1, sentence.start if sentence else 0)
        before = text[line_start:start - 1]
        match = _ATTRIBUTION_BEFORE.search(before)
        if match:
            np = match.group("np")
            parts = _SPEECH_BOUNDARY.split(np)
            np = parts[-1] if parts else np
            np_start = line_start + match.end("np") - len(np)
            return self.resolve(np, np_start, use_focus=True)
        return None

    def quote_at(self, start: int, end: int) -> tuple[int, int, str | None] | None:
        for index, (q_start, q_end) in enumerate(self.quotes()):
            if q_start <= start and end <= q_end + 1:
                return q_start, q_end, self.quote_country(index)
            if q_start > end:
                break
        return None

    def in_direct_quote(self, position: int, sentence: Sentence) -> bool:
        for q_start, q_end in self.quotes():
            if q_start <= position < q_end:
                lead = self.text[sentence.start:q_start].strip(" “\"")
                return q_start <= sentence.start + 2 or not lead
            if q_start > position:
                break
        return False

    # speakers and actor resolution -----------------------------------------
    def speech_verbs(self) -> list[_Cue]:
        return self._speech

    def speech_subject(self, verb: _Cue) -> tuple[str, int]:
        """The noun phrase a speech verb is said by (text, start)."""
        text = self.text
        if verb.group().lower() == "according to":
            match = _ACCORDING_TO.match(text, verb.start())
            if match:
                return match.group("np"), match.start("np")
            return "", verb.end()
        sentence = self.sentence_at(verb.start())
        left = sentence.start if sentence else max(0, verb.start() - 200)
        segment = text[left:verb.start()]
        cut = 0
        for match in _SPEECH_BOUNDARY.finditer(segment):
            cut = match.end()
        np = segment[cut:]
        if not np.strip(" ," + _QUOTES):
            if re.search(r"[”\"],?\s*$", segment):
                after = re.match(r"\s+(?P<np>[^,;.“”\"]{1,100})", text[verb.end():verb.end() + 120])
                if after:
                    return after.group("np"), verb.end() + after.start("np")
            elif re.search(r"\b(?:and|but)\s*$", segment):
                for earlier in reversed(self.speech_verbs()):
                    if left <= earlier.start() < verb.start() - 4:
                        return self.speech_subject(earlier)
        return np, left + cut

    def focus_before(self, position: int, depth: int = 10) -> str | None:
        """The state of the most recent resolvable speaker before ``position``."""
        verbs = self.speech_verbs()
        index = bisect.bisect_left(self._speech_starts, position) - 1
        steps = 0
        while index >= 0 and steps < depth:
            if index not in self._subjects:
                np, np_start = self.speech_subject(verbs[index])
                self._subjects[index] = self.resolve(np, np_start, use_focus=False)
            country = self._subjects[index]
            if country is not None and country != "ANALYST":
                return country
            index -= 1
            steps += 1
        return self.last_actor_before(position)

    def _resolve_actors(self, np: str) -> str | None:
        mentions = [m for m in find_actors(np) if m.kind in _ACTOR_KINDS]
        return _canonical(mentions[0]) if mentions else None

    def resolve(self, np: str, np_start: int, use_focus: bool) -> str | None:
        """The state a speaker/subject noun phrase belongs to, "ANALYST", or None."""
        np = np.strip(" ,.:;" + _QUOTES)
        if not np:
            return self.focus_before(np_start) if use_focus else None
        location = None
        match = _LOCATIVE.match(np)
        if match:
            location = self._resolve_actors(match.group("place"))
            np = np[match.end():]
        parts = [part for part in np.split(",") if part.strip()]
        country = None
        if len(parts) > 1 and _PRONOUN.match(parts[-1].strip()):
            # "When Defense Secretary X met …, he warned": the antecedent is
            # the titled person or named official earlier in the phrase.
            titles, table = _titles()
            found = titles.search(np)
            if found:
                return table[found.group()]
            parts = parts[-1:]
        for number, part in enumerate(parts[:3]):
            part = _TRIM_NP.sub("", part).strip() if number == 0 else part
            if _frames()["analyst"].search(part):
                return "ANALYST"
            country = self._resolve_part(part, np_start)
            if country is not None:
                break
        if country is None and location is not None:
            country = location
        if country is None and use_focus:
            if re.match(r"(?:its|their)\s", np, re.IGNORECASE):
                sentence = self.sentence_at(np_start)
                if sentence is not None:
                    mentions = [m for m in self.actors_in(sentence.start, np_start)
                                if m.kind in _ACTOR_KINDS and not self.inside_quote(m.start)]
                    country = _canonical(mentions[0]) if mentions else None
            if country is None and _ORGANISATION_NP.search(np) and not _PRONOUN.match(np):
                country = self.last_subject_before(np_start)
            if country is None:
                country = self.focus_before(np_start)
        return country

    def _resolve_part(self, part: str, np_start: int) -> str | None:
        country = self._resolve_actors(part)
        if country is None:
            country = self._resolve_names(part, np_start)
        if country is None:
            titles, table = _titles()
            found = titles.search(part)
            country = table[found.group()] if found else None
        return country

    def _resolve_names(self, head: str, before: int) -> str | None:
        tokens = [t for t in _NAME_TOKEN.findall(head) if t not in _NAME_STOP]
        for token in reversed(tokens):
            if token not in self._names:
                self._names[token] = self._introduce(token, before)
            if self._names[token] is not None:
                return self._names[token]
        return None

    def _introduce(self, token: str, before: int) -> str | None:
        """Resolve a name from its first mention: titles and states around it."""
        text = self.text
        match = re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(token), text)
        if not match:
            return None
        sentence = self.sentence_at(match.start())
        left = sentence.start if sentence else max(0, match.start() - 120)
        pre = text[max(left, match.start() - 90):match.start()]
        pre = re.split(r"[”\";]", pre)[-1]
        rest = text[match.end():(sentence.end if sentence else match.end() + 150)]
        name_tail = re.match(r"(?:\s+[A-Z][\w'’-]*)*", rest)
        apposition = rest[name_tail.end():] if name_tail else rest
        appos = re.match(r"\s*,\s*([^,;“”\"]{1,120})", apposition)
        appos_text = appos.group(1) if appos else ""
        analyst = _frames()["analyst"]
        if analyst.search(appos_text) or analyst.search(pre[-40:]):
            return "ANALYST"
        states = [m for m in find_actors(pre) if m.kind in ("state", "people")]
        if states:
            return _canonical(states[0])
        country = self._resolve_actors(pre)
        if country is None and appos_text:
            country = self._resolve_actors(appos_text)
        if country is None:
            titles, table = _titles()
            found = titles.search(pre)
            country = table[found.group()] if found else None
        return country


# --------------------------------------------------------------------------
# Verbal threats.


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    sentence: Sentence
    kind: str
    cameo: str
    actor: str | None
    target: str | None
    conditional: bool
    modality: str | None
    evidence: list[str]


def _modal_before(text: str, sentence: Sentence, position: int) -> tuple[re.Match[str], str] | None:
    """The nearest frame word before ``position`` in the sentence with an
    acceptable gap (adverbs, "not hesitate to", "continue to" …)."""
    window_start = max(sentence.start, position - 90)
    window = text[window_start:position]
    last = None
    for match in _frames()["modal"].finditer(window):
        last = match
    if last is None:
        return None
    gap = window[last.end():]
    value = last.lastgroup.split("_", 1)[1] if last.lastgroup else "will"
    if value == "or":
        return (last, value) if not gap.strip(" " + _QUOTES) else None
    if re.search(r"[.;:!?]", gap):
        return None
    words = [w.strip(_QUOTES + ",") for w in gap.split()]
    words = [w for w in words if w]
    if len(words) > 6:
        return None
    if words and not (words[-1].lower() == "to" or all(w.lower() in _GAP_FILLER or w.lower().endswith("ly")
                                                        for w in words)):
        return None
    return last, value


def _clause_start(text: str, lower: int, position: int) -> int:
    start = lower
    for match in _CLAUSE_BREAK.finditer(text, lower, position):
        start = match.end()
    return start


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _QUOTES + ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–"):
        end -= 1
    # Drop a leading/trailing quote mark with no partner inside the span.
    while end > start and text[end - 1] in "”\"":
        inner = text[start:end - 1]
        if "“" in inner or inner.count('"') % 2 == 1:
            break
        end -= 1
        while end > start and text[end - 1] in ".,;:!?":
            end -= 1
    for word in ("and ", "but ", "And ", "But ", "so ", "then "):
        if text.startswith(word, start):
            start += len(word)
    return start, end


def _extend_end(text: str, sentence: Sentence, position: int) -> int:
    """End of the predicate's clause, plus a trailing condition."""
    limit = sentence.end
    for stop in _FULL_STOP.finditer(text, position, limit):
        token = text[text.rfind(" ", position, stop.start()) + 1:stop.start() + 1]
        if not _is_abbreviation(token, text, stop.end() + 1):
            limit = stop.start()
            break
    match = re.compile(r"[,;:!?—–]").search(text, position, limit)
    end = match.start() if match else limit
    words = text[position:end].split()
    if len(words) > 30:
        end = position + len(" ".join(words[:30]))
    if _TRAILING_CONDITION.match(text, end, limit) or _TRAILING_CONDITION.match(text[end:limit]):
        more = re.compile(r"[;:!?—–]|[”\"]\s*,").search(text, end + 1, limit)
        end = more.start() if more else limit
    return end


def _window_matches(doc: _Document, pattern: re.Pattern[str], positions: list[int], before: int,
                    after: int) -> list[re.Match[str]]:
    """Matches of ``pattern`` in windows around anchor positions (within the
    paragraph), each match once, in text order."""
    found: dict[int, re.Match[str]] = {}
    windows: list[list[int]] = []
    for position in positions:  # sorted: merge overlapping windows of one paragraph
        p_start, p_end = doc.paragraph_bounds(position)
        lower, upper = max(p_start, position - before), min(p_end, position + after)
        if windows and lower <= windows[-1][1] and windows[-1][0] >= p_start:
            windows[-1][1] = max(windows[-1][1], upper)
        else:
            windows.append([lower, upper])
    for lower, upper in windows:
        while lower < upper:
            match = pattern.search(doc.text, lower, upper)
            if match is None:
                break
            found.setdefault(match.start(), match)
            lower = match.end() if match.end() > match.start() else match.start() + 1
    return [found[start] for start in sorted(found)]


def _predicate_matches(doc: _Document) -> list[re.Match[str]]:
    grammar = _grammar()
    modal = _window_matches(doc, grammar.modal_predicates, doc.modal_anchors, 0, 90)
    static = _window_matches(doc, grammar.static_predicates, doc.static_anchors, 100, 60)
    merged: dict[int, re.Match[str]] = {m.start(): m for m in static}
    merged.update((m.start(), m) for m in modal)
    return [merged[start] for start in sorted(merged)]


def _verbal_candidates(doc: _Document) -> list[_Candidate]:
    text = doc.text
    grammar = _grammar()
    entries = grammar.predicates
    frames = _frames()
    candidates: list[_Candidate] = []
    for match in _predicate_matches(doc):
        entry = entries[match.lastgroup]
        sentence = doc.sentence_at(match.start())
        if sentence is None or match.end() > sentence.end:
            continue
        modality = None
        frame_start = match.start()
        evidence = [match.group().strip(" " + _QUOTES)]
        if entry.frame != "static":
            found = _modal_before(text, sentence, match.start())
            if found is None:
                continue
            modal, modality = found
            frame_start = max(sentence.start, match.start() - 90) + modal.start()
            gap = text[frame_start:match.start()]
            after_modal = text[frame_start + len(modal.group()):match.start() + 12]
            if _HEDGE.match(after_modal):
                continue
            if modality != "or" and _NEGATION.search(gap) and not re.search(r"not hesitate|not only", gap):
                continue
            if modality == "threaten":
                modality = "threaten"
            evidence.insert(0, modal.group().strip())
        # Span: leading condition / short subject … predicate … trailing condition.
        clause = _clause_start(text, sentence.start, frame_start)
        subject = text[clause:frame_start]
        start = frame_start
        any_condition = _ANY_CONDITION.search(subject)
        if any_condition:
            start = clause + any_condition.start()
        elif len(subject.split()) <= 6 or modality == "or":
            start = clause
        leading = None
        for lead in _LEADING_CONDITION.finditer(text, sentence.start, clause):
            before = text[sentence.start:lead.start()].rstrip(" " + _QUOTES)
            if not before or before[-1] in ",;:—" or before.endswith("that"):
                leading = lead
        if leading is not None and len(text[leading.start():frame_start].split()) <= 25:
            start = leading.start()
        end = _extend_end(text, sentence, match.end())
        start, end = _strip_span(text, start, end)
        if end <= start:
            continue
        span_text = text[start:end]
        conditional = bool(frames["condition"].search(span_text)) or modality == "or" or bool(
            _ANY_CONDITION.search(text, max(sentence.start, frame_start - 60), frame_start))
        if entry.frame == "conditional" and not conditional:
            continue
        cameo = entry.cameo
        if cameo.startswith("138") and _NUCLEAR.search(span_text):
            cameo = "1385"
        candidates.append(_Candidate(start, end, sentence, entry.kind, cameo, None, None, conditional,
                                     modality, evidence))
        # Remember the subject segment for actor/target resolution.
        candidates[-1].evidence.append("\x00%d:%d:%s" % (clause, frame_start, entry.role))
    return candidates


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    rank = {"ultimatum": 3, "threat": 2, "warning": 1, "show_of_force": 0}
    merged: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if merged and candidate.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, candidate.end)
            if rank[candidate.kind] > rank[last.kind]:
                last.kind = candidate.kind
            if last.cameo == "130" or (len(candidate.cameo) > len(last.cameo) and candidate.cameo != "130"):
                last.cameo = candidate.cameo if candidate.cameo != "130" else last.cameo
            last.conditional = last.conditional or candidate.conditional
            last.modality = last.modality or candidate.modality
            last.evidence.extend(e for e in candidate.evidence if e not in last.evidence and not e.startswith("\x00"))
        else:
            merged.append(candidate)
    return merged


def _governing_speaker(doc: _Document, sentence: Sentence, position: int) -> tuple[str, int, bool] | None:
    """The speech verb whose complement holds ``position``: (np, np start, is_denial)."""
    text = doc.text
    best = None
    for verb in doc.speech_verbs():
        if verb.start() < sentence.start:
            continue
        if verb.start() >= position:
            break
        best = verb
    frames = _frames()
    if best is not None:
        np, np_start = doc.speech_subject(best)
        denial = bool(frames["denial"].search(text, max(sentence.start, best.start() - 30), position))
        return np, np_start, denial
    denial_match = frames["denial"].search(text, sentence.start, position)
    if denial_match:
        return "", sentence.start, True
    return None


def _trailing_speaker(doc: _Document, sentence: Sentence, end: int) -> tuple[str, int] | None:
    text = doc.text
    tail = text[end:sentence.end]
    match = re.search(r"[,”\"]\s*(?:[”\"]\s*)?(?P<np>[^,“”\";]{1,100}?)\s+(?:said|says|told|added|warned|noted|"
                      r"wrote|reported|stated)\b", tail)
    if match:
        return match.group("np"), end + match.start("np")
    match = re.search(r"[,”\"]\s*(?:said|says|told|added|warned)\s+(?P<np>[^,“”\";.]{1,100})", tail)
    if match:
        return match.group("np"), end + match.start("np")
    match = _ACCORDING_TO.search(tail)
    if match:
        return match.group("np"), end + match.start("np")
    return None


def _pick_target(doc: _Document, mentions: list[ActorMention], actor: str | None) -> str | None:
    for mention in mentions:
        if mention.kind not in _ACTOR_KINDS:
            continue
        country = _canonical(mention)
        if country != actor:
            return country
    return None


def _resolve_verbal(doc: _Document, candidate: _Candidate) -> bool:
    """Fill actor and target; False when the candidate is a report, not a threat."""
    text = doc.text
    sentence = candidate.sentence
    marker = next(e for e in candidate.evidence if e.startswith("\x00"))
    candidate.evidence.remove(marker)
    clause, frame_start, role = marker[1:].split(":")
    clause, frame_start = int(clause), int(frame_start)
    frames = _frames()
    if frames["habitual"].search(text, sentence.start, candidate.start) and re.search(
            r"\bthreatened\b", text[sentence.start:candidate.end]):
        return False
    actor = None
    quote = doc.quote_at(candidate.start, candidate.end)
    governing = _governing_speaker(doc, sentence, frame_start)
    if governing is not None and governing[2]:
        return False  # a denial
    if quote is not None:
        actor = quote[2]
        if quote[0] > sentence.start + 2 and governing is not None:
            # a quoted fragment inside reported speech: the reporting verb's subject speaks
            country = doc.resolve(governing[0], governing[1], use_focus=True)
            actor = country or actor
    elif governing is not None:
        actor = doc.resolve(governing[0], governing[1], use_focus=True)
    else:
        trailing = _trailing_speaker(doc, sentence, candidate.end)
        if trailing is not None:
            actor = doc.resolve(trailing[0], trailing[1], use_focus=True)
        else:
            subject = text[clause:frame_start]
            actor = doc.resolve(subject, clause, use_focus=True)
    if actor == "ANALYST":
        return False
    if candidate.modality in ("threaten", "vow") and quote is None and governing is None:
        # "rising seas threaten to destroy …": only actors threaten or vow
        subject = text[clause:frame_start]
        if not (doc.actors_in(clause, frame_start) or _ORGANISATION_NP.search(subject)
                or _PERSONAL_SUBJECT.search(subject) or _titles()[0].search(subject)
                or _NAME_TOKEN.search(subject[1:])):
            return False
    if quote is None and governing is None and _trailing_speaker(doc, sentence, candidate.end) is None:
        # narration: hedged forecasts by the writer are not threats
        if re.search(r"\b(?:could|might|may)\b", text[clause:frame_start]):
            return False
    candidate.actor = actor
    # Target: the victim subject, else the object, else the condition, else the sentence.
    subject_mentions = doc.actors_in(clause, frame_start)
    object_mentions = doc.actors_in(frame_start, candidate.end)
    condition_mentions = doc.actors_in(candidate.start, frame_start)
    target = None
    if role == "victim":
        target = _pick_target(doc, subject_mentions, actor)
    target = target or _pick_target(doc, object_mentions, actor) or _pick_target(doc, condition_mentions, actor)
    if target is None:
        target = _pick_target(doc, [m for m in doc.actors_in(sentence.start, sentence.end)
                                    if not (clause <= m.start < frame_start and role != "victim")], actor)
        if target is not None and governing is not None:
            speaker_mentions = doc.actors_in(governing[1], governing[1] + len(governing[0]))
            if any(_canonical(m) == target for m in speaker_mentions):
                target = None
    candidate.target = target
    return True


def _ultimatums(doc: _Document, candidates: list[_Candidate]) -> None:
    text = doc.text
    deadline = _frames()["deadline"]
    for candidate in candidates:
        sentence = candidate.sentence
        previous = doc.previous_sentence(sentence)
        if _CONTINUATION.match(text, sentence.start, sentence.end) and previous is not None and deadline.search(
                text, previous.start, previous.end):
            start, _ = _strip_span(text, previous.start, previous.end)
            close = re.compile(r"[”\"]").search(text, candidate.end, sentence.end)
            _, end = _strip_span(text, sentence.start, close.start() if close else sentence.end)
            candidate.start, candidate.end = start, max(candidate.end, end)
            candidate.sentence = Sentence(previous.sent_id, previous.start, sentence.end,
                                          text[previous.start:sentence.end])
            candidate.kind, candidate.cameo, candidate.conditional = "ultimatum", "139", True
            candidate.evidence.append(deadline.search(text, previous.start, previous.end).group())
        elif deadline.search(text, sentence.start, sentence.end):
            found = deadline.search(text, sentence.start, sentence.end)
            candidate.kind, candidate.cameo, candidate.conditional = "ultimatum", "139", True
            candidate.evidence.append(found.group())


# --------------------------------------------------------------------------
# Shows of force.


def _force_candidates(doc: _Document) -> list[_Candidate]:
    text = doc.text
    grammar = _grammar()
    entries = grammar.force_cues
    candidates: list[_Candidate] = []
    last_actor: str | None = None
    for match in _window_matches(doc, grammar.force, doc.force_anchors, 30, 160):
        cue = entries[match.lastgroup]
        sentence = doc.sentence_at(match.start())
        if sentence is None or match.end() > sentence.end:
            continue
        lead = text[sentence.start:match.start()]
        dateline = max(lead.rfind("—"), lead.rfind("--"))
        subject_from = sentence.start + dateline + 1 if dateline >= 0 else sentence.start
        subject = text[subject_from:match.start()]
        clause_subject = re.split(r"[,;:(]|\bthat\b|\bwhich\b|\bwho\b", subject)[-1]
        if _FUTURE_BEFORE.search(clause_subject if clause_subject.strip() else subject[-40:]):
            continue
        if _NEGATED_BEFORE.search(subject[-30:]):
            continue
        if _HISTORICAL.search(text, sentence.start, min(sentence.end, match.end() + 20)) or re.search(
                r"\b(?:typically|usually|routinely|whenever|each time|every time)\b", sentence.text, re.IGNORECASE):
            continue
        if doc.in_direct_quote(match.start(), sentence):
            continue
        end_match = _FORCE_END.search(text, match.end(), sentence.end)
        end = end_match.start() if end_match else sentence.end
        start, end = _strip_span(text, match.start(), end)
        phrase = text[start:end]
        if cue.requires == "platform" and not (_PLATFORM.search(subject) or _PLATFORM.search(phrase)):
            continue
        clause_from = subject_from + len(subject) - len(clause_subject)
        clause_subject = clause_subject.strip(" " + _QUOTES)
        if cue.requires == "military" and not (_MILITARY.search(clause_subject) or _PLATFORM.search(clause_subject)
                                               or doc.actors_in(clause_from, match.start())
                                               or _MILITARY.search(subject) and not clause_subject.strip()):
            continue
        if cue.requires == "weapon" and not _WEAPON.search(subject):
            continue
        actor = None
        if cue.voice == "passive":
            by = re.search(r"\bby\s+(?P<np>[^,;]{1,80})", text[match.end():sentence.end])
            if by:
                actor = doc._resolve_actors(by.group("np"))
        if actor is None:
            for lower in (clause_from, subject_from):
                mentions = [m for m in doc.actors_in(lower, match.start()) if m.kind in _ACTOR_KINDS]
                countries = [_canonical(m) for m in mentions]
                if countries:
                    actor = "United States" if "United States" in countries and len(set(countries)) > 1 \
                        else countries[0]
                    break
        if actor is None:
            actor = last_actor or doc.last_actor_before(match.start())
        last_actor = actor
        target = None
        aimed = _AIMED_AT.search(text, sentence.start, sentence.end)
        if aimed:
            target = _pick_target(doc, doc.actors_in(aimed.end(), aimed.end() + 40), actor)
        if target is None:
            target = _pick_target(doc, doc.actors_in(start, end), actor)
        candidates.append(_Candidate(start, end, sentence, "show_of_force", cue.cameo, actor, target, False,
                                     None, [match.group().strip()]))
    return candidates


# --------------------------------------------------------------------------
# Public API.


def extract_threats(text: str) -> list[Threat]:
    """All threat phrases and show-of-force events in ``text``, in text order.

    >>> [(t.text, t.kind, t.actor, t.conditional, t.cameo) for t in extract_threats(
    ...     "North Korea warned that any military exercises near its territory "
    ...     "would not be taken lightly.")]
    [('any military exercises near its territory would not be taken lightly', 'warning', 'North Korea', True, '130')]
    >>> [(t.text, t.kind, t.actor) for t in extract_threats(
    ...     "Two U.S. B-1B bombers flew over South Korea on Wednesday.")]
    [('flew over South Korea', 'show_of_force', 'United States')]
    >>> extract_threats("The ministry denied that any strike was planned.")
    []
    """
    if not isinstance(text, str) or not text.strip():
        return []
    doc = _Document(text)
    verbal = [c for c in _merge(_verbal_candidates(doc)) if _resolve_verbal(doc, c)]
    _ultimatums(doc, verbal)
    verbal = _merge(verbal)
    forces = [f for f in _force_candidates(doc)
              if not any(f.start < v.end and v.start < f.end for v in verbal)]
    threats = []
    for c in sorted(verbal + forces, key=lambda c: (c.start, c.end)):
        evidence = tuple(dict.fromkeys(e for e in c.evidence if e and not e.startswith("\x00")))
        bounds = doc.exact_sentence_bounds(c.start, c.end)
        threats.append(Threat(
            start=c.start, end=c.end, text=text[c.start:c.end],
            sentence_start=bounds[0], sentence_end=bounds[1],
            kind=c.kind, actor=c.actor, target=c.target if c.target != c.actor else None,
            conditional=c.conditional, modality=c.modality, cameo=c.cameo,
            intensity=_intensity(c.cameo), evidence=evidence,
        ))
    return threats


def threat_salience(text: str) -> float:
    """Threat-word rate per 1,000 tokens (vocabulary: ``lexicons/threat_words.txt``).

    >>> round(threat_salience("Pyongyang threatened a nuclear strike. Seoul shrugged."), 1)
    428.6
    >>> threat_salience("")
    0.0
    """
    if not isinstance(text, str):
        return 0.0
    tokens = count_tokens(text)
    if tokens == 0:
        return 0.0
    return 1000.0 * _count_threat_words(text) / tokens


_RUN = re.compile(r"[\w-]+")


@lru_cache(maxsize=1)
def _threat_vocabulary() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """(whole words, prefixes) of ``threat_words.txt``, lower-cased, when
    every entry is ASCII letters and hyphens (else None)."""
    words, prefixes = set(), []
    for entry in read_lexicon_lines("threat_words.txt"):
        stem = entry[:-1] if entry.endswith("*") else entry
        if not re.fullmatch(r"[A-Za-z][A-Za-z-]*", stem):
            return None
        (prefixes.append(stem.lower()) if entry.endswith("*") else words.add(stem.lower()))
    return frozenset(words), tuple(prefixes)


def _count_threat_words(text: str) -> int:
    r"""``len(_threat_words().findall(text))``, faster: the pattern's matches
    are whole runs of word characters and hyphens (it is bounded by
    ``(?<![\w-])`` and ``(?![\w-])`` and its entries are letters and
    hyphens), so each run either is a match or holds none. ASCII runs are
    compared lower-cased with the entries; other runs go to the pattern."""
    vocabulary = _threat_vocabulary()
    if vocabulary is None:
        return len(_threat_words().findall(text))
    words, prefixes = vocabulary
    pattern = _threat_words()
    count = 0
    for run in _RUN.findall(text):
        if run.isascii():
            lowered = run.lower()
            if lowered in words or lowered.startswith(prefixes):
                count += 1
        elif pattern.fullmatch(run):
            count += 1
    return count

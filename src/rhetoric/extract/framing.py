"""News framing: transparent, lexicon-based frame scores with their evidence.

Four schemes, each scored for every text (every frame gets a row, zero or not):

``policy_frames``
    The 15 frames of the Policy Frames Codebook (Boydstun et al. 2014; Card et
    al. 2015). Score = **share of sentences** with at least one cue term of the
    frame; ``other`` = share of sentences with no cue of any of the 14 others.
``semetko_valkenburg_items``
    One detector per yes/no question of Semetko & Valkenburg's (2000)
    generic-frames instrument (item ids ``resp1`` … ``eco3``, see
    :data:`SEMETKO_VALKENBURG_QUESTIONS`). Score = 1.0 if some sentence
    answers the question "yes" (contains a term of each of the item's term
    groups), else 0.0 — the story-level yes/no coding of the instrument.
``semetko_valkenburg``
    The five generic frames (``responsibility``, ``human_interest``,
    ``conflict``, ``morality``, ``economic_consequences``). Score = mean of
    the frame's item scores (0–1), as Semetko & Valkenburg average their items.
``security``
    The contrasts of security coverage: ``escalation`` vs
    ``deescalation_diplomacy`` and ``act_of_war`` vs ``routine_deterrence``
    (share of sentences, as for policy frames), plus ``escalation_balance`` =
    (escalation − deescalation_diplomacy) / (their sum) and
    ``act_of_war_balance`` = (act_of_war − routine_deterrence) / (their sum),
    in [-1, 1] and 0 when neither side has a cue.

Evidence is the cue terms that fired, as written in the text (lower-cased,
whitespace collapsed), each once, in order of first occurrence. The term lists
are the data files ``lexicons/policy_frames.tsv``,
``lexicons/semetko_valkenburg.tsv`` and ``lexicons/security_frames.tsv``.

>>> scores = {(f.scheme, f.frame): f.score for f in score_frames(
...     "The flight was an act of war. It was a routine exercise, the Pentagon said.")}
>>> scores["security", "act_of_war"], scores["security", "routine_deterrence"]
(0.5, 0.5)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.document import Document, as_document

#: The Document layers the frame scorer reads.
USES = ("sentences",)

__all__ = [
    "USES",
    "FrameScore",
    "score_frames",
    "SCHEMES",
    "POLICY_FRAMES",
    "SEMETKO_VALKENBURG_FRAMES",
    "SEMETKO_VALKENBURG_ITEMS",
    "SEMETKO_VALKENBURG_QUESTIONS",
    "SECURITY_FRAMES",
    "compile_term",
]


@dataclass(frozen=True, slots=True)
class FrameScore:
    """The score of one frame of one scheme for a text, with the terms that produced it."""

    scheme: str
    frame: str
    score: float
    evidence: tuple[str, ...]


#: The Policy Frames Codebook's 15 frames, in the codebook's order.
POLICY_FRAMES: tuple[str, ...] = (
    "economic", "capacity_resources", "morality", "fairness_equality", "legality",
    "policy_prescription", "crime_punishment", "security_defense", "health_safety",
    "quality_of_life", "cultural_identity", "public_opinion", "political",
    "external_regulation_reputation", "other",
)

#: Semetko & Valkenburg's five generic frames → their question items.
SEMETKO_VALKENBURG_ITEMS: dict[str, tuple[str, ...]] = {
    "responsibility": ("resp1", "resp2", "resp3", "resp4", "resp5"),
    "human_interest": ("hi1", "hi2", "hi3", "hi4", "hi5"),
    "conflict": ("con1", "con2", "con3", "con4"),
    "morality": ("mor1", "mor2", "mor3"),
    "economic_consequences": ("eco1", "eco2", "eco3"),
}
SEMETKO_VALKENBURG_FRAMES: tuple[str, ...] = tuple(SEMETKO_VALKENBURG_ITEMS)

#: The instrument's questions, paraphrased (Semetko & Valkenburg 2000, p. 100).
SEMETKO_VALKENBURG_QUESTIONS: dict[str, str] = {
    "resp1": "Does the story suggest that some level of government can alleviate the problem?",
    "resp2": "Does the story suggest that some level of government is responsible for the problem?",
    "resp3": "Does the story suggest a solution to the problem?",
    "resp4": "Does the story suggest that an individual or a group in society is responsible?",
    "resp5": "Does the story suggest that the problem requires urgent action?",
    "hi1": "Does the story give a human example, a 'human face', of the issue?",
    "hi2": "Does the story use adjectives or vignettes that stir outrage, empathy, sympathy or compassion?",
    "hi3": "Does the story stress how individuals and groups are affected by the issue?",
    "hi4": "Does the story go into the private or personal lives of the actors?",
    "hi5": "Does the story carry visual information that could stir such feelings? (text proxy: it mentions images)",
    "con1": "Does the story reflect disagreement between parties, individuals, groups or countries?",
    "con2": "Does one party, individual, group or country reproach another?",
    "con3": "Does the story refer to two or more sides of the issue?",
    "con4": "Does the story refer to winners and losers?",
    "mor1": "Does the story contain a moral message?",
    "mor2": "Does the story refer to morality, God or other religious tenets?",
    "mor3": "Does the story offer specific social prescriptions about how to behave?",
    "eco1": "Does the story mention financial losses or gains, now or in the future?",
    "eco2": "Does the story mention costs or the degree of expense involved?",
    "eco3": "Does the story refer to the economic consequences of pursuing or not pursuing a course of action?",
}

#: The security contrasts (four share-of-sentence frames, then two balances).
SECURITY_FRAMES: tuple[str, ...] = (
    "escalation", "deescalation_diplomacy", "act_of_war", "routine_deterrence",
    "escalation_balance", "act_of_war_balance",
)

#: Every scheme and its frames, in output order.
SCHEMES: dict[str, tuple[str, ...]] = {
    "policy_frames": POLICY_FRAMES,
    "semetko_valkenburg": SEMETKO_VALKENBURG_FRAMES,
    "semetko_valkenburg_items": tuple(i for items in SEMETKO_VALKENBURG_ITEMS.values() for i in items),
    "security": SECURITY_FRAMES,
}

_LEXICON_FILES = {
    "policy_frames": "policy_frames.tsv",
    "semetko_valkenburg_items": "semetko_valkenburg.tsv",
    "security": "security_frames.tsv",
}
_SPACE = re.compile(r"\s+")


def compile_term(term: str) -> str:
    """The regular expression (a string) for one lexicon term.

    Case is left to the caller (rhetoric compiles with ``re.IGNORECASE``).
    Words may be separated by spaces or hyphens in the text; ``*`` continues
    a word; ``?`` is zero or one letter; a term neither starts right after a
    letter or hyphen nor ends before a letter.

    >>> bool(re.search(compile_term("escalat*"), "a de-escalation plan"))
    False
    >>> re.search(compile_term("act of war"), "an act-of-war claim").group()
    'act-of-war'
    """
    return _START + _term_body(term) + _END


_START, _END = r"(?<![\w\-])", r"(?!\w|-\w)"


def _term_body(term: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", term.strip()) if w]
    parts = []
    for word in words:
        piece = []
        for char in word:
            if char == "*":
                piece.append(r"(?:\w|-\w)*")
            elif char == "?":
                piece.append(r"[^\W\d_]?")
            elif char in "'’":
                piece.append("['’]")
            else:
                piece.append(re.escape(char))
        parts.append("".join(piece))
    return r"[\s\-]+".join(parts)


@lru_cache(maxsize=None)
def _lexicon(scheme: str) -> tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...]], ...]:
    """``((frame, ((group, pattern), …)), …)`` for a lexicon file, in file order."""
    groups: dict[str, dict[str, list[str]]] = {}
    for row in read_lexicon_table(_LEXICON_FILES[scheme]):
        if len(row) != 3 or not row[2]:
            continue
        frame, group, term = row
        groups.setdefault(frame, {}).setdefault(group, []).append(term)
    compiled = []
    for frame, by_group in groups.items():
        patterns = []
        for group, terms in by_group.items():
            # Longest terms first, so "nuclear strike drill" wins over "strike drill".
            ordered = sorted(set(terms), key=lambda t: (-len(t), t))
            # One boundary check around the alternation: most positions fail the
            # look-behind at once, which keeps scoring fast.
            regex = _START + "(?:" + "|".join(_term_body(t) for t in ordered) + ")" + _END
            patterns.append((group, re.compile(regex, re.IGNORECASE), _first_characters(ordered)))
        compiled.append((frame, tuple(patterns)))
    return tuple(compiled)


_WORD_START = re.compile(r"(?<![\w\-])\w")


_PREFIX = 3  # characters of a word used to index where a term can start


def _first_characters(terms: list[str]) -> frozenset[str] | None:
    """Case-folded literal prefixes (1 to 3 characters) the terms start with;
    None when a term may start with something other than a letter or digit."""
    prefixes = set()
    for term in terms:
        literal = re.match(r"[^\W_]+", term.strip())
        if not literal:
            return None
        prefixes.add(literal.group()[:_PREFIX].casefold())
    return frozenset(prefixes)


def _normalise(surface: str) -> str:
    return _SPACE.sub(" ", surface.lower())


def _ordered_unique(terms: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(terms))


class _Scorer:
    """Fires one lexicon's detectors over a text's sentences."""

    def __init__(self, doc: Document) -> None:
        text = doc.text
        self.text = text
        self.sentences = doc.sentences
        self.starts = [s.start for s in self.sentences]
        # Word starts by case-folded prefix (1 to 3 characters): a term can
        # only match where a word starts with its prefix, so each pattern is
        # tried there instead of scanning the whole text.
        word_starts: dict[str, list[int]] = {}
        add = word_starts.setdefault
        for match in _WORD_START.finditer(text):
            position = match.start()
            chunk = text[position:position + _PREFIX]
            add(chunk[:1].casefold(), []).append(position)
            add(chunk[:2].casefold(), []).append(position)
            add(chunk.casefold(), []).append(position)
        self.word_starts = word_starts

    def _matches(self, pattern: re.Pattern[str], firsts: frozenset[str] | None) -> list[re.Match[str]]:
        """Exactly ``pattern.finditer(text)``: leftmost, non-overlapping."""
        if firsts is None:
            return list(pattern.finditer(self.text))
        positions = sorted({p for prefix in firsts for p in self.word_starts.get(prefix, ())})
        found, end = [], 0
        for position in positions:
            if position < end:
                continue
            match = pattern.match(self.text, position)
            if match:
                found.append(match)
                end = max(match.end(), position + 1)
        return found

    def _sentence_of(self, position: int) -> int:
        return max(bisect_right(self.starts, position) - 1, 0)

    def fire(self, scheme: str) -> dict[str, tuple[set[int], tuple[str, ...]]]:
        """``{frame: (indices of sentences where it fires, evidence)}``."""
        result: dict[str, tuple[set[int], tuple[str, ...]]] = {}
        for frame, patterns in _lexicon(scheme):
            hits: list[list[tuple[int, int, str]]] = []  # per group: (sentence, position, term)
            for _, pattern, firsts in patterns:
                hits.append([
                    (self._sentence_of(m.start()), m.start(), _normalise(m.group()))
                    for m in self._matches(pattern, firsts)
                ])
            fired = set.intersection(*({h[0] for h in group_hits} for group_hits in hits)) if hits else set()
            evidence = sorted((pos, term) for group_hits in hits for sent, pos, term in group_hits if sent in fired)
            result[frame] = (fired, _ordered_unique([term for _, term in evidence]))
        return result


def _share(count: int, total: int) -> float:
    return count / total if total else 0.0


def _balance(a: float, b: float) -> float:
    return (a - b) / (a + b) if a + b else 0.0


def score_frames(text: str | Document) -> list[FrameScore]:
    """One :class:`FrameScore` per (scheme, frame) of :data:`SCHEMES` for ``text``
    (a string or a :class:`~rhetoric.text.document.Document`).

    Never raises on odd input; an empty text scores 0.0 everywhere. For a
    ``{scheme: {frame: score}}`` view: ``{(f.scheme, f.frame): f.score for f in score_frames(text)}``
    or ``pandas.DataFrame(score_frames(text))``.

    >>> rows = score_frames("Pyongyang called the drills an act of war and a rehearsal for invasion.")
    >>> [(r.frame, r.score, r.evidence) for r in rows if r.scheme == "security" and r.frame.startswith("act")]
    [('act_of_war', 1.0, ('act of war', 'rehearsal for invasion')), ('act_of_war_balance', 1.0, ('act of war', 'rehearsal for invasion'))]
    >>> len(rows) == sum(len(frames) for frames in SCHEMES.values())
    True
    """
    if not isinstance(text, (str, Document)):
        text = "" if text is None else str(text)
    scorer = _Scorer(as_document(text))
    n_sentences = len(scorer.sentences)
    rows: list[FrameScore] = []

    # Policy Frames Codebook: share of sentences; "other" = sentences no frame claims.
    policy = scorer.fire("policy_frames")
    claimed: set[int] = set()
    for frame in POLICY_FRAMES[:-1]:
        fired, evidence = policy.get(frame, (set(), ()))
        claimed |= fired
        rows.append(FrameScore("policy_frames", frame, _share(len(fired), n_sentences), evidence))
    rows.append(FrameScore("policy_frames", "other", _share(n_sentences - len(claimed), n_sentences), ()))

    # Semetko & Valkenburg: items answered yes/no; frames = mean of their items.
    items = scorer.fire("semetko_valkenburg_items")
    item_rows = []
    for frame, item_ids in SEMETKO_VALKENBURG_ITEMS.items():
        answers = []
        frame_evidence: list[str] = []
        for item in item_ids:
            fired, evidence = items.get(item, (set(), ()))
            answer = 1.0 if fired else 0.0
            answers.append(answer)
            frame_evidence.extend(evidence)
            item_rows.append(FrameScore("semetko_valkenburg_items", item, answer, evidence))
        rows.append(FrameScore("semetko_valkenburg", frame, sum(answers) / len(answers),
                               _ordered_unique(frame_evidence)))
    rows.extend(item_rows)

    # Security contrasts: share of sentences, then the two balances.
    security = scorer.fire("security")
    shares: dict[str, float] = {}
    evidences: dict[str, tuple[str, ...]] = {}
    for frame in SECURITY_FRAMES[:4]:
        fired, evidence = security.get(frame, (set(), ()))
        shares[frame], evidences[frame] = _share(len(fired), n_sentences), evidence
        rows.append(FrameScore("security", frame, shares[frame], evidence))
    for name, (a, b) in {"escalation_balance": ("escalation", "deescalation_diplomacy"),
                         "act_of_war_balance": ("act_of_war", "routine_deterrence")}.items():
        rows.append(FrameScore("security", name, _balance(shares[a], shares[b]),
                               _ordered_unique(list(evidences[a] + evidences[b]))))
    return rows

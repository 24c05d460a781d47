"""Rhetorical devices: loaded language, name calling, fear appeals,
exaggeration, hedges and boosters.

A transparent, lexicon- and pattern-based extractor. Every span says which
cue words fired (``evidence``), and every cue lives in a data file under
``rhetoric/lexicons/`` whose header cites the literature it follows:

* ``devices_loaded_language.txt`` — emotive/judgmental words (Da San Martino
  et al. 2019; Recasens et al. 2013). Adjacent cues ("pathetic and
  laughable") and the intensifiers before them form one span. A label noun
  inside a name-calling span is not reported again as loaded language.
  Both this lexicon and the name-calling one were pruned of entries with low
  precision on the tune half of PTC (headers list them).
* ``devices_name_calling.tsv`` — labels (Miller 1939 / IPA name calling;
  Da San Martino et al. 2019): a pejorative head noun with its modifiers and
  actor names ("gangster-like U.S. imperialists"), a judgmental modifier
  before a person/group noun or a name ("puppet regime", "Crooked Hillary"),
  "so-called X", and labels given by "called/dubbed/branded ... X".
* ``devices_appeal_to_fear.tsv`` — a sentence that names fear itself, or a
  severe harm together with a future/conditional cue (Witte 1992).
* ``devices_exaggeration.txt`` — absolutes, superlatives, hyperbole and
  minimisers (Pomerantz 1986); plus "most/least + adjective".
* ``devices_hedges_boosters.tsv`` — hedges and boosters after Hyland (2005).

>>> [(d.device, d.text) for d in extract_devices("The warmongers clearly want war.")]
[('name_calling', 'warmongers'), ('booster', 'clearly')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from typing import Literal, get_args

from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table
from rhetoric.text.document import Document, as_document
from rhetoric.text.sentences import abbreviations

__all__ = ["Device", "DeviceKind", "extract_devices", "DEVICE_KINDS", "USES"]

#: The Document layers the device extractor reads (it tokenizes the text itself).
USES = ("text",)

DeviceKind = Literal["loaded_language", "name_calling", "appeal_to_fear", "exaggeration", "hedge", "booster"]
DEVICE_KINDS: tuple[str, ...] = get_args(DeviceKind)


@dataclass(frozen=True, slots=True)
class Device:
    """A device span; offsets index the text given to :func:`extract_devices`."""

    start: int
    end: int
    text: str
    device: DeviceKind
    evidence: tuple[str, ...]


# ---------------------------------------------------------------- tokens

# a number with thousands separators is one token ("about 1,000"), then
# abbreviations ("U.S."), then words
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|(?:[^\W\d_]\.){2,}|[^\W_](?:[\w'’\-.]*[^\W_])?")
_NUMBER = re.compile(r"\d[\d,.]*$")
_QUOTES = "\"“”«»"
# Words that may stand between a cue and what it qualifies without ending it.
_INTENSIFIERS = frozenset(
    "very so too utterly truly deeply totally absolutely completely most more extremely "
    "incredibly increasingly downright outright simply really pretty quite such".split()
)
_DETERMINERS = frozenset("a an the this that these those his her its their our your my some any".split())
_FUNCTION_WORDS = _DETERMINERS | frozenset(
    "and or but of to in on at by for with from as is are was were be been being has have had "
    "do does did not no it he she they we you i who which what when where than then there".split()
)
_OBJECT_WORDS = frozenset("him her them it us me himself herself themselves".split())
_LABEL_VERBS = frozenset(
    "call calls called calling dub dubs dubbed dubbing brand brands branded branding "
    "label labels labelled labeled labelling labeling".split()
)
_MONTH_CONTEXT = frozenset("in on since until by early late mid last next this of through".split())


@dataclass(frozen=True, slots=True)
class _Tokens:
    """Word tokens of a text with what the matchers need to know about them."""

    spans: tuple[tuple[int, int], ...]
    lower: tuple[str, ...]
    raw: tuple[str, ...]
    joined: tuple[bool, ...]  # only spaces/tabs between token i and i + 1
    sentence: tuple[int, ...]  # sentence number of each token


def _tokenize(text: str) -> _Tokens:
    spans: list[tuple[int, int]] = []
    raw: list[str] = []
    for match in _TOKEN.finditer(text):
        spans.append(match.span())
        raw.append(match.group())
    lower = [word.lower().replace("’", "'") for word in raw]
    known = abbreviations()
    joined: list[bool] = []
    sentence: list[int] = []
    current = 0
    last = len(spans) - 1
    for i, (_start, end) in enumerate(spans):
        sentence.append(current)
        if i == last:
            joined.append(False)
            break
        gap = text[end:spans[i + 1][0]]
        if gap == " ":
            joined.append(True)
            continue
        joined.append(gap.strip(" \t") == "")
        if "\n" in gap or "!" in gap or "?" in gap:
            current += 1
        elif "." in gap or ";" in gap:
            word = lower[i]
            abbreviation = "." in word or len(word) == 1 or known.holds(word, raw[i + 1])
            if ";" in gap or not abbreviation or raw[i + 1][:1].isupper() and len(word) > 3:
                current += 1
    return _Tokens(tuple(spans), tuple(lower), tuple(raw), tuple(joined), tuple(sentence))


# -------------------------------------------------------------- lexicons


class _PhraseLexicon:
    """Multi-word terms, matched on tokens; ``*`` ends a prefix word, ``#``
    stands for a number. The longest term starting at a token wins."""

    def __init__(self, entries: list[tuple[str, str]]) -> None:
        self.exact: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        self.prefix: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for term, tag in entries:
            words = tuple(term.lower().replace("’", "'").split())
            if not words:
                continue
            first = words[0]
            table = self.prefix if first.endswith("*") else self.exact
            table.setdefault(first.rstrip("*"), []).append((words, tag, term))
        for table in (self.exact, self.prefix):
            for options in table.values():
                options.sort(key=lambda option: -len(option[0]))
        self.prefix_lengths = sorted({len(key) for key in self.prefix})
        self._cache: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]] = {}

    @staticmethod
    def _word_matches(pattern: str, word: str) -> bool:
        if pattern == "#":
            return bool(_NUMBER.match(word))
        if pattern.endswith("*"):
            return word.startswith(pattern[:-1])
        return word == pattern

    def _options(self, word: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
        """Terms whose first word can be ``word`` (cached per distinct word)."""
        options = self._cache.get(word)
        if options is None:
            found = list(self.exact.get(word, ()))
            if _NUMBER.match(word):
                found += self.exact.get("#", ())
            for length in self.prefix_lengths:
                if length > len(word):
                    break
                found += self.prefix.get(word[:length], ())
            found.sort(key=lambda option: -len(option[0]))
            options = tuple(found)
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[word] = options
        return options

    def candidates(self, tokens: _Tokens) -> list[int]:
        """Indexes of the tokens that can start a term."""
        cache = self._cache
        options = self._options
        return [i for i, word in enumerate(tokens.lower) if (cache[word] if word in cache else options(word))]

    def match(self, tokens: _Tokens, i: int) -> tuple[int, str, str] | None:
        """``(number of tokens, tag, lexicon term)`` of the longest term at ``i``."""
        options = self._options(tokens.lower[i])
        if not options:
            return None
        lower, joined = tokens.lower, tokens.joined
        n_tokens = len(lower)
        for words, tag, _term in options:  # longest first
            n = len(words)
            if n == 1:
                return 1, tag, _term  # the first word matched when the option was indexed
            if i + n > n_tokens:
                continue
            for k in range(1, n):
                if not joined[i + k - 1] or not self._word_matches(words[k], lower[i + k]):
                    break
            else:
                return n, tag, _term
        return None


@lru_cache(maxsize=1)
def _lexicons() -> dict[str, _PhraseLexicon]:
    return {
        "loaded_language": _PhraseLexicon(
            [(term, "loaded") for term in read_lexicon_lines("devices_loaded_language.txt")]
        ),
        "exaggeration": _PhraseLexicon(
            [(term, "exaggeration") for term in read_lexicon_lines("devices_exaggeration.txt")]
        ),
        "name_calling": _PhraseLexicon(
            [(row[0], row[1]) for row in read_lexicon_table("devices_name_calling.tsv")]
        ),
        "appeal_to_fear": _PhraseLexicon(
            [(row[0], row[1]) for row in read_lexicon_table("devices_appeal_to_fear.tsv")]
        ),
        "hedge_booster": _PhraseLexicon(
            [(row[0], row[1]) for row in read_lexicon_table("devices_hedges_boosters.tsv")]
        ),
    }


def _scan(lexicon: _PhraseLexicon, tokens: _Tokens) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(first token, end token, tag)`` matches, left to right."""
    found: list[tuple[int, int, str]] = []
    position = 0
    for i in lexicon.candidates(tokens):
        if i < position:
            continue
        hit = lexicon.match(tokens, i)
        if hit is not None:
            found.append((i, i + hit[0], hit[1]))
            position = i + hit[0]
    return found


def _device(text: str, tokens: _Tokens, first: int, end: int, kind: str, cues: list[str]) -> Device:
    start, stop = tokens.spans[first][0], tokens.spans[end - 1][1]
    evidence = tuple(dict.fromkeys(cue for cue in cues if cue))
    return Device(start, stop, text[start:stop], kind, evidence)


def _words(tokens: _Tokens, first: int, end: int) -> str:
    return " ".join(tokens.lower[first:end])


# --------------------------------------------------------------- devices


def _hedges_boosters(text: str, tokens: _Tokens) -> list[Device]:
    found = []
    for first, end, tag in _scan(_lexicons()["hedge_booster"], tokens):
        if tokens.raw[first] == "May" and (
            first == 0 or tokens.lower[first - 1] in _MONTH_CONTEXT or tokens.sentence[first - 1] == tokens.sentence[first]
        ):
            continue  # the month
        found.append(_device(text, tokens, first, end, tag, [_words(tokens, first, end)]))
    return found


def _extend_left_over_intensifiers(tokens: _Tokens, first: int) -> int:
    while (
        first > 0
        and tokens.joined[first - 1]
        and tokens.lower[first - 1] in _INTENSIFIERS
        and tokens.sentence[first - 1] == tokens.sentence[first]
    ):
        first -= 1
    return first


def _loaded_language(text: str, tokens: _Tokens, taken: set[int]) -> list[Device]:
    """Loaded-language cues not already part of a name-calling span; adjacent
    cues joined by nothing, a comma or and/or become one span."""
    hits = [hit for hit in _scan(_lexicons()["loaded_language"], tokens) if hit[0] not in taken]
    groups: list[list[tuple[int, int, str]]] = []
    for hit in hits:
        if groups:
            last_end = groups[-1][-1][1]
            gap_ok = hit[0] == last_end and tokens.joined[last_end - 1] or (
                hit[0] == last_end and text[tokens.spans[last_end - 1][1]:tokens.spans[hit[0]][0]].strip() == ","
            ) or (
                hit[0] == last_end + 1
                and tokens.lower[last_end] in ("and", "or")
                and tokens.sentence[last_end] == tokens.sentence[hit[0]]
            )
            if gap_ok:
                groups[-1].append(hit)
                continue
        groups.append([hit])
    devices = []
    for group in groups:
        first = _extend_left_over_intensifiers(tokens, group[0][0])
        cues = [_words(tokens, first, group[0][0])] + [_words(tokens, a, b) for a, b, _tag in group]
        devices.append(_device(text, tokens, first, group[-1][1], "loaded_language", cues))
    return devices


def _is_capitalised(tokens: _Tokens, i: int) -> bool:
    word = tokens.raw[i]
    return word[:1].isupper() and tokens.lower[i] not in _FUNCTION_WORDS


def _name_calling(text: str, tokens: _Tokens) -> list[Device]:
    lexicon = _lexicons()["name_calling"]
    n = len(tokens.lower)
    roles: list[tuple[int, str] | None] = [None] * n
    for index in lexicon.candidates(tokens):
        roles[index] = lexicon.match(tokens, index)
    spans: list[tuple[int, int, list[str]]] = []

    def role(i: int) -> str | None:
        hit = roles[i] if 0 <= i < n else None
        return hit[1] if hit and hit[0] == 1 else (hit[1] if hit else None)

    def same_phrase(i: int, j: int) -> bool:
        """Tokens i < j are adjacent inside one sentence (space or hyphen between)."""
        return tokens.joined[i] and tokens.sentence[i] == tokens.sentence[j]

    i = 0
    while i < n:
        hit = roles[i]
        if hit is None:
            i += 1
            continue
        length, tag, _term = hit
        end = i + length
        if tag == "label":
            first = i
            # modifiers, "-like" compounds, names and introducers to the left
            while first > 0 and i - first < 4 and same_phrase(first - 1, first):
                prev = first - 1
                if role(prev) in ("modifier", "introducer", "label") or tokens.lower[prev].endswith("-like") or (
                    _is_capitalised(tokens, prev) and tokens.sentence[prev] == tokens.sentence[i]
                ):
                    first = prev
                else:
                    break
            # "puppet regime", "terrorist group"
            if end < n and role(end) == "person" and same_phrase(end - 1, end):
                end += 1
            cues = [_words(tokens, k, k + 1) for k in range(first, i) if role(k) or tokens.lower[k].endswith("-like")]
            cues += [_words(tokens, i, i + length)] + [_words(tokens, k, k + 1) for k in range(i + length, end)]
            spans.append((first, end, cues))
            i = end
            continue
        if tag in ("modifier", "introducer"):
            j = end
            # further modifiers or names, then a person/group noun or a name
            while j < n and j - i < 5 and same_phrase(j - 1, j) and (
                role(j) in ("modifier", "label") or _is_capitalised(tokens, j)
            ):
                j += 1
            if j < n and same_phrase(j - 1, j) and role(j) in ("person", "label"):
                j += 1
            elif (
                j + 1 < n and j == end and same_phrase(j - 1, j) and same_phrase(j, j + 1)
                and tokens.lower[j] not in _FUNCTION_WORDS and role(j + 1) in ("person", "label")
            ):
                j += 2  # one free word between: "corrupt career politicians"
            has_target = j > end and (
                role(j - 1) in ("person", "label") or _is_capitalised(tokens, j - 1)
            )
            if tag == "introducer" and not has_target and end < n and same_phrase(end - 1, end):
                # "so-called experts": the next content word is the label
                if tokens.lower[end] not in _FUNCTION_WORDS:
                    j, has_target = end + 1, True
            if has_target:
                cues = [_words(tokens, i, end)] + [_words(tokens, k, k + 1) for k in range(end, j) if role(k)]
                spans.append((i, j, cues))
                i = j
                continue
        i += 1

    # labels given by a verb: "dubbed him "rocket man"", "branded it a "farce""
    loaded = {k for a, b, _tag in _scan(_lexicons()["loaded_language"], tokens) for k in range(a, b)}
    for v in range(n):
        if tokens.lower[v] not in _LABEL_VERBS:
            continue
        # the object ("him", "the envoy") and an article may stand between
        for k in range(v + 1, min(v + 6, n)):
            if tokens.sentence[k] != tokens.sentence[v]:
                break
            gap = text[tokens.spans[k - 1][1]:tokens.spans[k][0]]
            if not any(q in gap for q in _QUOTES):
                continue
            # a quoted label of up to five words
            j = k
            while j + 1 < n and j - k < 4 and tokens.joined[j]:
                j += 1
            closing = text[tokens.spans[j][1]:tokens.spans[j][1] + 2]
            # "called" often introduces a plain quotation ("called the talks
            # "useful""): then the quoted words must carry a cue themselves.
            plain_call = tokens.lower[v].startswith("call")
            if any(q in closing for q in _QUOTES) and (
                not plain_call or any(roles[x] is not None or x in loaded for x in range(k, j + 1))
            ):
                spans.append((k, j + 1, [tokens.lower[v]]))
            break

    # keep the longest of overlapping spans
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, list[str]]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            if span[1] > kept[-1][1]:
                kept[-1] = (kept[-1][0], span[1], kept[-1][2] + span[2])
            continue
        kept.append(span)
    return [_device(text, tokens, a, b, "name_calling", cues) for a, b, cues in kept]


def _appeal_to_fear(text: str, tokens: _Tokens) -> list[Device]:
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for first, end, tag in _scan(_lexicons()["appeal_to_fear"], tokens):
        if tag == "future" and tokens.raw[first] in ("May", "Will", "Next"):
            continue
        by_sentence.setdefault(tokens.sentence[first], []).append((first, end, tag))
    devices = []
    sentence_bounds: dict[int, list[int]] = {}
    for index, number in enumerate(tokens.sentence):
        bounds = sentence_bounds.setdefault(number, [index, index + 1])
        bounds[1] = index + 1
    for number, hits in by_sentence.items():
        tags = {tag for _a, _b, tag in hits}
        if "fear" in tags or {"harm", "future"} <= tags:
            first, end = sentence_bounds[number]
            cues = [_words(tokens, a, b) for a, b, tag in hits if tag in ("fear", "harm")]
            cues += [_words(tokens, a, b) for a, b, tag in hits if tag == "future"]
            devices.append(_device(text, tokens, first, end, "appeal_to_fear", cues))
    return devices


# "the most recent" is description, not exaggeration.
_PLAIN_SUPERLATIVES = frozenset(
    "recent common prominent likely senior populous popular widely frequently often used visited "
    "advanced basic important".split()
) - {"important"}


def _exaggeration(text: str, tokens: _Tokens) -> list[Device]:
    lexicon = _lexicons()["exaggeration"]
    n = len(tokens.lower)
    hits: list[tuple[int, int]] = [(a, b) for a, b, _tag in _scan(lexicon, tokens)]
    covered = {k for a, b in hits for k in range(a, b)}
    for i in range(n - 1):
        if i in covered:
            continue
        word = tokens.lower[i]
        nxt = tokens.lower[i + 1]
        # "the most reckless", "the least credible"
        if word in ("most", "least") and i > 0 and tokens.lower[i - 1] == "the" and tokens.joined[i] and (
            nxt not in _FUNCTION_WORDS and nxt not in _PLAIN_SUPERLATIVES and not _NUMBER.match(nxt)
        ):
            hits.append((i, i + 2))
        # "the worst-ever"
        elif word.endswith("-ever"):
            hits.append((i, i + 1))
    devices = []
    for first, end in sorted(set(hits)):
        first = _extend_left_over_intensifiers(tokens, first)
        stop = end
        # the words the cue qualifies, up to punctuation (at most four)
        while stop < n and stop - end < 4 and tokens.joined[stop - 1] and tokens.sentence[stop] == tokens.sentence[first] and (
            tokens.lower[stop] not in ("and", "or", "but", "that", "which", "who", "when", "because", "if")
        ):
            stop += 1
        devices.append(_device(text, tokens, first, stop, "exaggeration", [_words(tokens, first, end)]))
    merged: list[Device] = []
    for device in devices:
        if merged and device.start < merged[-1].end:
            last = merged[-1]
            end = max(last.end, device.end)
            merged[-1] = Device(last.start, end, text[last.start:end], "exaggeration",
                                tuple(dict.fromkeys(last.evidence + device.evidence)))
        else:
            merged.append(device)
    return merged


def extract_devices(text: str | Document) -> list[Device]:
    """All device spans in ``text`` (a string or a :class:`~rhetoric.text.document.Document`),
    ordered by start offset.

    >>> for d in extract_devices('The "puppet regime" may reportedly face utter ruin.'):
    ...     print(d.device, repr(d.text), d.evidence)
    name_calling 'puppet regime' ('puppet', 'regime')
    hedge 'may' ('may',)
    hedge 'reportedly' ('reportedly',)
    loaded_language 'utter' ('utter',)
    exaggeration 'utter ruin' ('utter',)
    """
    if not isinstance(text, (str, Document)) or not text:
        return []
    text = as_document(text).text
    tokens = _tokenize(text)
    if not tokens.spans:
        return []
    found: list[Device] = []
    names = _name_calling(text, tokens)
    found += names
    # A label noun inside a name-calling span is not also loaded language
    # ("warmongers"); an emotive modifier in it may be ("vicious thugs").
    taken: set[int] = set()
    if names:
        starts = {span[0]: index for index, span in enumerate(tokens.spans)}
        label_lexicon = _lexicons()["name_calling"]
        for device in names:
            index = starts.get(device.start)
            while index is not None and index < len(tokens.spans) and tokens.spans[index][0] < device.end:
                hit = label_lexicon.match(tokens, index)
                if hit is not None and hit[1] == "label":
                    taken.add(index)
                index += 1
    found += _loaded_language(text, tokens, taken)
    found += _appeal_to_fear(text, tokens)
    found += _exaggeration(text, tokens)
    found += _hedges_boosters(text, tokens)
    order = {kind: rank for rank, kind in enumerate(DEVICE_KINDS)}
    return sorted(set(found), key=lambda d: (d.start, d.end, order.get(d.device, 99), d.evidence))

"""Quoted officials: direct quotes and reported speech, with their speakers.

:func:`extract_quotes` finds who is quoted, saying what, and how, with rules
and lexicons only (no parser, no downloaded model):

1. quote marks are paired inside each paragraph (curly, straight, ``''``;
   odd or wrongly shaped marks are read from their context), and a quote left
   open at the end of a paragraph continues in the next one if that paragraph
   opens with a mark;
2. sentences are cut outside quotes, with the shipped abbreviation list;
3. each quote that starts a sentence gets the attribution beside it
   (“Q,” S said / “Q,” said S / S said, “Q” / S said: “Q”); one with none
   continues the attribution of the previous sentence or paragraph (split
   quotes, floating quote paragraphs, “Q1,” said S, “q2.”); a quote that
   ends in , ? ! is also attributed by a looser rule when the speaker is a
   phrase the lexicons do not know (“Q,” the bespectacled, 71-year-old
   diplomat said / “Q?” Hannity pressed); a full-clause quote after a
   lead-in ending in a comma or colon is direct, its speaker the lead-in's
   cue subject or clause subject ("he demurred: “Q.”"); a quote inside a
   clause with no cue is a scare quote and is dropped;
4. every other speech cue (``lexicons/speech_verbs.tsv``) with a speaker
   yields reported speech: ``S warned that X``, ``X, S said``, ``according to
   S``, ``…, saying X``; it is ``mixed`` when X holds a quoted fragment, and
   ``direct`` when one quotation opens X and makes up half of it or more (not after
   "that"); a short lead-in phrase before “Q,” S said makes the whole mixed;
5. speakers are split into title, name and affiliation
   (``lexicons/speaker_titles.tsv``, ``lexicons/actors.tsv``, appositives),
   and pronouns, surnames and descriptions ("the ministry") are resolved to
   the nearest compatible earlier speaker.

>>> [(q.kind, q.content, q.speaker, q.speaker_name, q.speaker_title, q.speaker_affiliation)
...  for q in extract_quotes("“We are ready,” South Korean Defense Minister Park Seung-ho said.")]
[('direct', 'We are ready,', 'South Korean Defense Minister Park Seung-ho', 'Park Seung-ho', 'Defense Minister', 'South Korea')]
>>> [(q.kind, q.content, q.cue, q.speaker) for q in extract_quotes(
...     "KCNA said the drills were “a rehearsal for invasion”.")]
[('mixed', 'the drills were “a rehearsal for invasion”', 'said', 'KCNA')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from rhetoric.text.actors import actor_entry, find_actors
from rhetoric.lexicons import read_lexicon_lines, read_lexicon_table
from rhetoric.text.sentences import split_paragraphs

__all__ = ["Quote", "extract_quotes"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation; offsets index the text given to :func:`extract_quotes`, end exclusive."""

    kind: str  # "direct" | "indirect" | "mixed"
    content: str
    content_start: int
    content_end: int
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_name: str | None
    speaker_title: str | None
    speaker_affiliation: str | None


# --------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Lexicons:
    cue_kind: dict[str, str]          # lowercased cue form -> speech | object | according
    cue_pattern: re.Pattern[str]
    title_role: dict[str, str]        # lowercased word -> head | modifier
    title_gender: dict[str, str]
    noun_kind: dict[str, str]         # lowercased word -> person | group | org | document | pronoun-*
    noun_gender: dict[str, str]
    abbreviations: frozenset[str]


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
    cue_kind = {row[0].lower(): row[2] for row in read_lexicon_table("speech_verbs.tsv") if len(row) >= 3}
    forms = sorted(cue_kind, key=len, reverse=True)
    cue_pattern = re.compile(r"(?<![\w\-’'])(?:%s)(?![\w\-])" % "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms),
                             re.IGNORECASE)
    title_role, title_gender = {}, {}
    for row in read_lexicon_table("speaker_titles.tsv"):
        if len(row) >= 3:
            title_role[row[0].lower()] = row[1]
            if row[2] in ("m", "f"):
                title_gender[row[0].lower()] = row[2]
    noun_kind, noun_gender = {}, {}
    for row in read_lexicon_table("speaker_nouns.tsv"):
        if len(row) >= 3:
            noun_kind[row[0].lower()] = row[1]
            if row[2] in ("m", "f"):
                noun_gender[row[0].lower()] = row[2]
    abbreviations = set()
    for line in read_lexicon_lines("abbreviations.txt"):
        abbreviations.add(line.split(" ")[0].lower().rstrip("."))
    return _Lexicons(cue_kind, cue_pattern, title_role, title_gender, noun_kind, noun_gender,
                     frozenset(abbreviations))


# Closed-class words used by the noun-phrase rules (grammar, not lexicon data).
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those",
                "one", "two", "three", "four", "five", "several", "some", "many", "most", "other",
                "another", "both", "all", "few", "various", "numerous", "multiple", "any", "each"}
_CONNECTORS = {"of", "for", "at", "in", "from", "to", "with", "on", "by"}
_CAPITAL_STOP = {"but", "and", "or", "so", "yet", "still", "however", "meanwhile", "then", "when", "while",
                 "after", "before", "in", "on", "at", "as", "if", "because", "although", "though", "since",
                 "also", "instead", "now", "later", "earlier", "separately", "asked", "speaking", "last",
                 "this", "that", "there", "here", "what", "why", "how", "where", "who", "which", "during",
                 "for", "with", "without", "from", "by", "to", "of", "not", "no", "yes", "indeed", "thus",
                 "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                 "yesterday", "tonight", "january", "february", "march", "april", "may", "june", "july",
                 "august", "september", "october", "november", "december", "jan.", "feb.", "aug.",
                 "sept.", "oct.", "nov.", "dec.", "it's", "i'm", "we're", "mr", "please", "thanks", "wednesday"}
_ADJECTIVES = {"senior", "former", "top", "local", "federal", "state", "military", "foreign", "defense",
               "defence", "government", "campaign", "chief", "deputy", "assistant", "acting", "regional",
               "western", "eastern", "independent", "private", "international", "some", "other", "u.s.",
               "intelligence", "administration", "party", "white", "house", "health", "security", "police",
               "republican", "democratic", "press", "news", "many", "several", "few", "unnamed",
               "anonymous", "american", "official", "aid", "humanitarian", "nuclear", "missile",
               "agricultural", "county", "city", "presidential", "national", "north's", "south's",
               "country's", "nation's", "council's", "ministry's", "korean", "chinese", "japanese"}
_PRE_CUE_SKIP = {"also", "later", "previously", "has", "had", "have", "would", "will", "once", "repeatedly",
                 "then", "recently", "publicly", "privately", "again", "reportedly", "flatly", "earlier",
                 "further", "separately", "simply", "bluntly", "explicitly", "often", "frequently", "already",
                 "still", "just", "openly", "angrily", "firmly", "sharply", "clearly", "specifically", "even",
                 "subsequently", "finally", "directly", "falsely", "initially", "officially", "quickly",
                 "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
                 "saturday", "sunday", "could", "may", "might", "should", "can", "must", "did", "does", "do",
                 "is", "are", "was", "were", "has", "always", "never", "not", "n't", "immediately", "only",
                 "first", "loudly", "privately", "quietly", "correctly", "rightly", "wrongly", "famously",
                 "memorably", "tersely", "curtly", "insistently", "confidently", "emphatically", "plainly",
                 "proudly", "defiantly", "calmly", "pointedly", "in", "a", "statement", "an", "interview",
                 "on", "last", "week", "this", "morning", "night", "evening", "afternoon"}
_NEGATIONS = {"not", "n't", "never", "neither", "nor", "declined", "refused", "won't", "didn't", "doesn't",
              "hasn't", "haven't", "wouldn't", "cannot", "can't", "don't"}
_PASSIVE = {"was", "were", "is", "are", "been", "be", "being", "get", "got", "gets"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_HONORIFICS = {"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr", "sir", "dame", "rev.", "father",
               "sister", "brother", "madam"}
_HONORIFIC_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f", "miss": "f",
                     "father": "m", "sister": "f", "brother": "m", "madam": "f", "sir": "m", "dame": "f"}
_TELL_OBJECT = {"reporters", "journalists", "the", "a", "an", "his", "her", "their", "its", "supporters",
                "the", "crowd", "audience", "rally", "lawmakers", "us", "me", "him", "them", "viewers",
                "listeners", "students", "delegates", "members", "congress", "parliament", "senators",
                "troops", "guests", "attendees", "donors", "voters", "residents", "residents", "local",
                "state", "news", "media", "press", "television", "radio", "broadcaster", "newspaper",
                "agency", "network", "daily", "journalist", "reporter", "interviewer", "correspondent",
                "hosts", "host", "anchor", "panel", "committee", "council", "assembly", "meeting",
                "gathering", "conference", "forum", "group", "fans", "people", "you", "everyone"}

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you"}

_QUOTE_MARK = re.compile(r"''|``|[\"“”„«»]")
_OPEN_SHAPES = {"“", "„", "«", "``"}
_CLOSE_SHAPES = {"”", "»"}
_TOKEN = re.compile(r"\w(?:[\w'’\-.&]*\w)?\.?|[^\w\s]")
_SPACE = re.compile(r"\s+")
_ADVERBIAL_TAIL = re.compile(
    r"^(?:[\s,]*(?:(?:on|in|at|during|to|with|from|via|through|over|after|before|last|this|earlier|late|early|"
    r"again|also|later|recently|afterward|afterwards|yesterday|today|tonight|too|as\s+well|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?:\s+(?!that\b)[^\s,;:“”\"]+){0,6}?))?[\s,]*[.!?]*[\s”\"’')]*$",
    re.IGNORECASE)
_THAT_AFTER_ADVERBIAL = re.compile(
    r"\s+(?:(?:on|in|at|during|last|this|earlier|late|early|again|also|later|recently|yesterday|today|tonight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|repeatedly|privately|publicly|"
    r"to|with|via|through|before|after|over)\b[^,;:“”\".!?]{0,90}?\s)?(?:that\b|,)",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+(?:[\"”’»)\]]|'')*(?=\s+(?:''|``|[\"“‘'(\[]){0,2}[A-Z0-9])")
_FRAGMENT_CONTINUES = re.compile(
    r"\s*(?:by|is|was|are|were|has|have|had|for|in|of|on|to|and|or|as|will|would|could|should|can|may|might)\s")
_TRAILING = ".,;:!? \t\n\r\f\v—–-"


# --------------------------------------------------------------------------
# Quote marks and sentences
# --------------------------------------------------------------------------

@dataclass
class _Span:
    """A quoted span: marks at open..content_start and content_end..close."""

    open: int
    content_start: int
    content_end: int
    close: int
    paragraph: int
    closed: bool
    continues: bool = False        # continues an unclosed quote of the previous paragraph
    continued: bool = False        # left open and continued in the next paragraph
    group: int = -1                # multi-paragraph chain id


def _cue_or_end(text: str, start: int, end: int) -> bool:
    """Is text[start:end] empty, or does it open with a cue (", he added")?"""
    position = start
    while position < end and text[position] in " \t\n,":
        position += 1
    if position >= end:
        return True
    found = _cues(text, position, min(end, position + 40))
    return bool(found) and found[0][0] == position


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _pair_marks(text: str, p_start: int, p_end: int, paragraph: int) -> list[_Span]:
    spans: list[_Span] = []
    open_at: tuple[int, int] | None = None
    for match in _QUOTE_MARK.finditer(text, p_start, p_end):
        mark = match.group()
        start, end = match.span()
        if mark == "''" and open_at is not None and text[end:end + 1] == "'" and text[start - 1:start] in ",.?!":
            start, end = start + 1, end + 1  # a nested single quote closes, then the double one
        before = text[start - 1] if start > p_start else " "
        after = text[end] if end < p_end else " "
        after2 = text[end + 1] if end + 1 < p_end else " "
        open_ok = (before.isspace() or before in "([{—–-/:;,“‘") and (
            _is_word_char(after) or after in "‘'([$…—–-@#" or (after == "." and (after2 in ".@#" or text[end:end + 3] == ". .")) or after in "“\"")
        close_ok = (not before.isspace() or after in ".,;:!?)" or (
            mark in ("''", "”", '"') and text[start - 2:start - 1] in (",", ".", "?", "!", "'", "’") and after.isspace())) and (
            after.isspace() or after in ".,;:!?)]—–-”’'\"/")
        if mark == "''" and before.isalpha() and after.isspace() and before in "sS" and open_at is None:
            continue  # plural possessive followed by an apostrophe ("the Joneses'' ") — not a quote
        if open_at is None:
            if open_ok or (mark in _OPEN_SHAPES and not close_ok):
                open_at = (start, end)
            # a stray closing mark outside a quote is ignored
        else:
            if close_ok and not (open_ok and mark in _OPEN_SHAPES and not after.isspace() and
                                 not (after in ".,;:!?")):
                spans.append(_Span(open_at[0], open_at[1], start, end, paragraph, True))
                open_at = None
            elif open_ok:
                # an opening mark inside an open quote: the earlier quote was never closed
                spans.append(_Span(open_at[0], open_at[1], start, start, paragraph, False))
                open_at = (start, end)
    if open_at is not None:
        spans.append(_Span(open_at[0], open_at[1], p_end, p_end, paragraph, False))
    result = []
    for span in spans:
        cs, ce = span.content_start, span.content_end
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce > cs:
            span.content_start, span.content_end = cs, ce
            result.append(span)
    return result


def _attribution_follows(text: str, position: int, limit: int) -> bool:
    """After a quote that ends with its own punctuation: is the next stretch
    only an attribution ("“Q?” Sanders said.", "“Q.” said Mr. Lou, …")?"""
    stop = limit
    for index in range(position, min(limit, position + 90)):
        if text[index] in ".!?" and not (text[index] == "." and _abbreviation_before(text, index)):
            stop = index
            break
        if text[index] in "“\"":
            stop = index
            break
    else:
        stop = min(limit, position + 90)
    found = _cues(text, position, stop)
    if not found:
        return False
    head = text[position:found[0][0]]
    if len(head.split()) > 6 or "," in head.strip().rstrip(","):
        return False
    tail = text[found[0][1]:stop]
    return "that" not in tail.split() and len(tail.split()) <= 10


def _abbreviation_before(text: str, period: int) -> bool:
    match = re.search(r"(\S+)$", text[max(0, period - 30):period])
    if not match:
        return False
    word = match.group(1).lower().lstrip("(\"“'‘")
    return word in _lexicons().abbreviations or len(word) == 1 or "." in word


def _sentence_spans(text: str, p_start: int, p_end: int, spans: list[_Span]) -> list[tuple[int, int]]:
    """Sentence boundaries inside a paragraph, never inside a quote."""
    abbreviations = _lexicons().abbreviations
    inside = [(s.open, s.close) for s in spans]
    cuts = [p_start]
    for match in _SENTENCE_END.finditer(text, p_start, p_end):
        position = match.end()
        if any(a < position < b for a, b in inside):
            continue
        punct = match.start()
        if match.group()[-1] in "\"”’'" and _attribution_follows(text, position, p_end):
            continue
        if text[punct] == ".":
            word_match = re.search(r"(\S+)$", text[max(p_start, punct - 30):punct + 1])
            if word_match:
                word = word_match.group(1).lstrip("(\"“'‘").lower().rstrip(".")
                if word in abbreviations or (len(word) == 1 and word.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", word):
                    continue
        cuts.append(position)
    cuts.append(p_end)
    result = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        if b > a:
            result.append((a, b))
    return result


# --------------------------------------------------------------------------
# Speaker noun phrases
# --------------------------------------------------------------------------

@dataclass
class _Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [_Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _is_capitalized(tok: _Tok) -> bool:
    return tok.text[:1].isupper() and tok.low not in _CAPITAL_STOP


def _lexicon_base(low: str) -> str:
    """A lowercased token as the lexicons list it: no possessive, and no
    sentence-final period ("official." -> "official", but "gen." stays)."""
    base = re.sub(r"['’]s$", "", low)
    if base.endswith(".") and len(base) > 3:
        lex = _lexicons()
        if base not in lex.title_role and base not in lex.noun_kind:
            base = base[:-1]
    return base


def _np_word(tok: _Tok) -> bool:
    """Can this token stand inside a speaker noun phrase?"""
    lex = _lexicons()
    low = tok.low
    if _is_capitalized(tok):
        return True
    base = _lexicon_base(low)
    return (base in lex.title_role or base in lex.noun_kind or base in _ADJECTIVES) and base not in _PRONOUNS


def _np_head(tok: _Tok) -> bool:
    lex = _lexicons()
    base = _lexicon_base(tok.low)
    if _is_capitalized(tok) and not re.search(r"['’]s$", tok.text):
        return True
    return lex.noun_kind.get(base, "").split("-")[0] in ("person", "group", "org", "document") or (
        lex.title_role.get(base) == "head")


def _looks_like_appositive(tokens: list[_Tok]) -> bool:
    if not tokens or len(tokens) > 22:
        return False
    first = tokens[0].low
    if first in ("who", "whose", "which", "a", "an", "the", "his", "her", "its", "their", "former", "now",
                 "then", "also", "both", "herself", "himself", "in", "at", "speaking", "citing", "according",
                 "another", "one", "chief", "head", "director", "president", "spokesman", "spokeswoman"):
        return True
    if first.isdigit():
        return True
    if tokens[0].text[:1].isupper() and any(t.low in ("of", "for", "at") or _lexicons().title_role.get(t.low) == "head"
                                            for t in tokens):
        return True
    if re.search(r"['’]s$", tokens[0].text):
        return True
    lex = _lexicons()
    if len(tokens) <= 12 and any(lex.title_role.get(t.low) == "head" or lex.noun_kind.get(t.low, "").startswith(
            ("person", "group", "org")) for t in tokens):
        return True
    return first in lex.title_role


def _speaker_left(text: str, lo: int, hi: int) -> tuple[int, int, list[tuple[int, int]]] | None | str:
    """The speaker noun phrase ending just before ``hi`` (a cue), searching no
    further left than ``lo``. Returns (start, end, appositive spans), None, or
    "negated" / "passive" when the cue should be ignored."""
    tokens = _tokens(text, lo, hi)
    i = len(tokens) - 1
    # auxiliaries, adverbs and time phrases between subject and cue
    skipped = 0
    while i >= 0 and skipped < 6:
        low = tokens[i].low
        if low in _NEGATIONS:
            return "negated"
        if low in _PASSIVE and skipped == 0:
            return "passive"
        if low in ("statement", "interview", "week", "morning", "night", "evening", "afternoon") and i >= 1 and \
                tokens[i - 1].low in ("the", "its", "his", "her", "their", "that"):
            break  # "the statement said": the noun is the speaker, not part of "in a statement"
        if tokens[i].text[:1].isupper() and low in ("will", "may", "can", "still", "even", "first", "just"):
            break  # a name ("Will wrote", "Theresa May said"), not an auxiliary or adverb
        if low in _PRE_CUE_SKIP or low.endswith("ly") and low not in ("ally", "italy", "holly") and not tokens[i].text[:1].isupper():
            i -= 1
            skipped += 1
            continue
        break
    if i >= 0 and tokens[i].low == "and" and i >= 1 and tokens[i - 1].text not in (",",):
        subject = _subject_of_clause(text, lo, tokens[i].start)
        return (subject[0], subject[1], []) if subject else None
    if i >= 0 and tokens[i].low in ("to", "that", "who", "which", "and"):
        return None  # "vowed to say", "officials who said": handled elsewhere
    appositives: list[tuple[int, int]] = []
    hops = 0
    while i >= 0 and tokens[i].text in (",", "—", "–") and hops < 3:
        j = i - 1
        while j >= 0 and tokens[j].text not in (",", "—", "–", "(", ";", ":", "“", "”", '"'):
            j -= 1
        segment = tokens[j + 1:i]
        if j < 0 or tokens[j].text not in (",", "—", "–") or not _looks_like_appositive(segment):
            return None
        appositives.append((segment[0].start, segment[-1].end) if segment else (tokens[i].start, tokens[i].start))
        i = j - 1
        hops += 1
    if i < 0:
        return None
    first = tokens[i]
    if first.low in _PRONOUNS:
        return (first.start, first.end, appositives)
    if not _np_head(first):
        return None
    k = i
    while k - 1 >= 0:
        prev = tokens[k - 1]
        low = prev.low
        if low in _DETERMINERS:
            k -= 1
            if k - 1 >= 0 and tokens[k - 1].low in _CONNECTORS and k - 2 >= 0 and _np_word(tokens[k - 2]):
                k -= 2
                continue
            break
        if low in _CONNECTORS and k - 2 >= 0 and (_np_word(tokens[k - 2])) and tokens[k].text[:1].isupper() or (
                low in ("of", "for", "at", "by") and k - 2 >= 0 and _np_word(tokens[k - 2])):
            k -= 2
            continue
        if prev.text in ("-", "&") and k - 2 >= 0 and _np_word(tokens[k - 2]):
            k -= 2
            continue
        if _np_word(prev):
            k -= 1
            continue
        # "a bearded 23-year-old veteran", "the second official": free adjectives after a determiner
        if k == i and prev.text[:1].islower() and prev.text.replace("-", "").isalnum():
            for width in (1, 2):
                if k - 1 - width >= 0 and tokens[k - 1 - width].low in ("the", "a", "an", "another", "one") and all(
                        t.text[:1].islower() and t.text.replace("-", "").isalnum() for t in tokens[k - width:k]):
                    k -= 1 + width
                    break
        break
    # trim a leading connector
    while k <= i and tokens[k].low in _CONNECTORS:
        k += 1
    if k > i:
        return None
    return (tokens[k].start, tokens[i].end, appositives)


def _speaker_right(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The speaker noun phrase starting right after a cue at ``lo`` ("said Smith")."""
    tokens = _tokens(text, lo, hi)
    i = 0
    while i < len(tokens) and tokens[i].low in _WEEKDAYS | {"on", "today", "yesterday", "tonight"} and i < 2:
        i += 1
    if i >= len(tokens):
        return None
    start = i
    if tokens[i].low in _PRONOUNS:
        return (tokens[i].start, tokens[i].end)
    if tokens[i].low in _DETERMINERS:
        i += 1
        for width in (1, 2):
            if i + width < len(tokens) and all(t.text[:1].islower() and t.text.replace("-", "").isalnum() and
                                               not _np_word(t) for t in tokens[i:i + width]) and \
                    _np_head(tokens[i + width]) and not tokens[i + width].text[:1].isupper():
                i += width
                break
    last = None
    while i < len(tokens):
        tok = tokens[i]
        if _np_word(tok) and tok.text not in (",", "."):
            last = i
            i += 1
            continue
        if tok.low in _CONNECTORS | {"the", "a", "an"} and last is not None and i + 1 < len(tokens) and (
                _np_word(tokens[i + 1]) or tokens[i + 1].low in ("the", "a", "an")):
            i += 1
            continue
        break
    if last is None:
        return None
    end_tok = tokens[last]
    end = end_tok.end
    if end_tok.text.endswith(".") and end_tok.text[:-1].lower() not in _lexicons().abbreviations and not re.fullmatch(
            r"(?:\w\.)+", end_tok.text):
        end -= 1
    if not _np_head(_Tok(end_tok.start, end, text[end_tok.start:end])):
        return None
    return (tokens[start].start, end)


def _subject_of_clause(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """First noun phrase of the clause that ends at ``hi`` (for ", saying …")."""
    tokens = _tokens(text, lo, hi)
    start_index = 0
    for index, tok in enumerate(tokens):
        if tok.low in ("while", "as", "and", "but", "when", "whereas") or tok.text == ";":
            start_index = index + 1
    for index in range(start_index, min(len(tokens), start_index + 3)):
        tok = tokens[index]
        if tok.low in _CAPITAL_STOP or tok.text in (",", "“", '"'):
            continue
        span = _speaker_right(text, tok.start, hi)
        if span is not None:
            return span
        break
    return None


# --------------------------------------------------------------------------
# Attributions
# --------------------------------------------------------------------------

@dataclass
class _Attribution:
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    appositives: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Found:
    kind: str
    content: tuple[int, int]
    attribution: _Attribution


class _LemmaTable(dict):
    def get(self, key, default=None):  # type: ignore[override]
        if not self:
            for row in read_lexicon_table("speech_verbs.tsv"):
                if len(row) >= 2:
                    self[row[0].lower()] = row[1]
        return super().get(key, default)


_LEMMA = _LemmaTable()


def _cue_kind(text: str, cue: tuple[int, int]) -> str:
    return _lexicons().cue_kind.get(_SPACE.sub(" ", text[cue[0]:cue[1]].lower()), "speech")


def _trie_regex(words: list[str]) -> str:
    """A regular expression matching any of ``words``, factored as a trie so
    each position is tested against a few characters, not every word."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char).replace(r"\ ", r"\s+") + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:%s)" % "|".join(branches)
        return "(?:%s)?" % body if ends else body

    return build(trie)


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern[str]:
    # lowercase forms only ("States", "State Department" are not cues), but a
    # sentence may open with "According to"
    forms = set(_lexicons().cue_kind)
    forms.add("According to")
    return re.compile(r"(?<![\w\-’'])(?:%s)(?![\w\-])" % _trie_regex(sorted(forms)))


@lru_cache(maxsize=4)
def _cue_spans(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Every cue of ``text`` (one scan per text; looked up by :func:`_cues`)."""
    spans = [match.span() for match in _cue_regex().finditer(text)]
    return [span[0] for span in spans], spans


def _cues(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    starts, spans = _cue_spans(text)
    first = bisect_left(starts, lo)
    result = []
    for index in range(first, len(spans)):
        if spans[index][1] > hi:
            break
        result.append(spans[index])
    return result


def _strip_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-“" or (
            text[end - 1] in "\"”" and end - 2 >= start and text[end - 2].isspace())):
        end -= 1
    return start, end


def _post_attribution(text: str, lo: int, hi: int) -> _Attribution | None:
    """An attribution right after a quote: ", S said", ", said S", "S told …"."""
    cues = _cues(text, lo, min(hi, lo + 220))
    if not cues:
        return None
    cue = cues[0]
    between = text[lo:cue[0]]
    if not between.strip(" ,—–-\t\n"):
        # "said S"
        if _cue_kind(text, cue) == "according":
            speaker = _speaker_right(text, cue[1], hi)
            return _Attribution(cue, speaker) if speaker else None
        end = hi
        speaker = _speaker_right(text, cue[1], end)
        if speaker is None:
            return None
        appositives = []
        after = text[speaker[1]:hi]
        if after.startswith(","):
            appositives.append(_strip_content(text, speaker[1], hi))
        return _Attribution(cue, speaker, appositives)
    if re.search(r"[!?;]\s|[“”\"]", between) or _has_sentence_period(between):
        return None
    found = _speaker_left(text, lo, cue[0])
    if not isinstance(found, tuple):
        return None
    leftover = text[lo:found[0]].strip(" ,—–-\t\n")
    if leftover.split():
        # "“Q,” former FBI agent Timothy Gill explained": words without punctuation belong to the speaker
        words = leftover.split()
        if len(words) > 5 or not all(re.fullmatch(r"[\w'’.\-]+", w) for w in words) or _has_sentence_period(leftover + " "):
            return None
        start = lo + text[lo:found[0]].index(words[0])
        return _Attribution(cue, (start, found[1]), found[2])
    return _Attribution(cue, (found[0], found[1]), found[2])


_LOOSE_STOP = {"who", "whose", "which", "that", "during", "after", "before", "when", "while", "as", "in", "on",
               "to", "about", "referring", "recalling", "adding", "noting", "speaking", "asked", "because", "since",
               "if", "and", "but", "than", "though", "although", "where", "with", "via", "through", "over",
               "told", "said", "says", "explaining", "pointing", "insisting", "arguing", "saying", "according",
               "last", "this", "earlier", "later", "today", "yesterday", "tonight", "is", "was", "are", "were",
               "has", "had", "have", "will", "would", "can", "could", "does", "did", "do"} | _WEEKDAYS
_LOOSE_FUNCTION = _DETERMINERS | _CONNECTORS | {"and", "or", "'s", "’s"}
_LOOSE_OPENERS = {"but", "and", "so", "because", "while", "as", "if", "when", "though", "although", "since", "then",
                  "which", "who", "that", "this", "there", "it's", "and", "or", "yet", "not", "to", "in", "on", "at",
                  "for", "with", "after", "before", "by", "from"}
_BARE_VERB = re.compile(r"[a-z]{3,}(?:ed|es|s)|read|shot\s+back|wrote|spoke|went\s+on|chimed\s+in|sang|put\s+it")


def _loose_post_attribution(text: str, lo: int, hi: int) -> _Attribution | None:
    """A looser attribution after a sentence-opening quote that ends with its own
    comma, question or exclamation mark, where the speaker is a phrase the
    lexicons do not know ("“Q,” the bespectacled, 71-year-old diplomat said",
    "“Q,” said a longtime GOP data expert who …", "“Q?” Hannity pressed.")."""
    limit = min(hi, lo + 200)
    for index in range(lo, limit):
        char = text[index]
        if char in "!?;\n“\"" or (char == "." and text[index + 1:index + 2] not in (",", ";") and
                                       not _abbreviation_before(text, index)):
            limit = index
            break
    tokens = _tokens(text, lo, limit)
    k = 0
    while k < len(tokens) and tokens[k].text in (",", "—", "–", "-"):
        k += 1
    tokens = tokens[k:]
    if not tokens or tokens[0].low in _LOOSE_OPENERS:
        return None
    cues = _cues(text, tokens[0].start, limit)
    inverted_verb = len(tokens) > 1 and tokens[0].text[:1].islower() and _BARE_VERB.fullmatch(tokens[0].low) and (
        tokens[1].low in _DETERMINERS and tokens[1].low not in ("all", "any", "both") or
        tokens[1].text[:1].isupper() and tokens[1].low not in _CAPITAL_STOP)
    if cues and cues[0][0] == tokens[0].start or inverted_verb:
        # “Q,” said S / “Q,” reads a Wednesday editorial: S runs to a stop word or punctuation
        cue = cues[0] if cues and cues[0][0] == tokens[0].start else (tokens[0].start, tokens[0].end)
        rest = [t for t in tokens if t.start >= cue[1]]
        j = 0
        while j < len(rest) and j < 2 and rest[j].low in ({"on", "today", "yesterday", "tonight"} | _WEEKDAYS):
            j += 1
        rest = rest[j:]
        n = 0
        while n < len(rest) and n < 12 and (rest[n].low not in _LOOSE_STOP or rest[n].low in _WEEKDAYS and n > 0 and
                                            rest[n - 1].low in _DETERMINERS) and \
                rest[n].text not in (",", ";", ":", "(", ")", "—", "–", ".", "“", "”", '"'):
            n += 1
        phrase = rest[:n]
        while phrase and (phrase[-1].low in _LOOSE_FUNCTION or phrase[-1].text == "-") and not (
                len(phrase) == 1 and phrase[0].low in ("one", "another", "some", "many", "several", "others")):
            phrase.pop()
        if not phrase or n >= 12 or phrase[0].low in _LOOSE_OPENERS or not any(
                t.text[:1].isalnum() for t in phrase):
            return None
        if _cue_kind(text, cue) == "according":
            return None
        end = phrase[-1].end
        if phrase[-1].text.endswith(".") and phrase[-1].text[:-1].lower() not in _lexicons().abbreviations and \
                not re.fullmatch(r"(?:\w\.)+", phrase[-1].text):
            end -= 1
        appositives = []
        if n < len(rest) and rest[n].text == ",":
            appositives.append(_strip_content(text, rest[n].end, limit))
        return _Attribution(cue, (phrase[0].start, end), appositives)
    # “Q,” S said / “Q,” S verbed: a short noun phrase, then the cue
    if cues:
        cue = cues[0]
        head = [t for t in tokens if t.end <= cue[0]]
    else:
        head = tokens[:6]
        cue = None
        for n in range(1, len(head)):
            if _BARE_VERB.fullmatch(head[n].low) and head[n].text[:1].islower() and (
                    n + 1 >= len(tokens) or tokens[n + 1].text in (",", ".") or
                    _ADVERBIAL_TAIL.match(text[head[n].end:limit + 1])):
                cue = (head[n].start, head[n].end)
                head = head[:n]
                break
        if cue is None:
            return None
    while head and (head[-1].low in _PRE_CUE_SKIP or head[-1].low.endswith("ly") and head[-1].text[:1].islower() or
                    head[-1].text == "," and len(head) > 1 and head[-2].text != ","):
        head.pop()
    words = [t for t in head if t.text[:1].isalnum()]
    if not words or len(words) > 12 or head[-1].text in (",", "(", "—", "–") or any(
            t.low in ("that", "which", "when", "because", "but", "if", "not", "never") or t.text in ("“", "”", '"')
            for t in head):
        return None
    if cue is not None and not cues and not (len(words) <= 4 and (
            head[-1].low in _PRONOUNS or _np_head(head[-1]) or head[0].low in _DETERMINERS)):
        return None
    last_lower = head[-1].text[:1].islower()
    if last_lower and head[-1].low not in _PRONOUNS and (head[-1].low in _LOOSE_FUNCTION or head[-1].low.endswith(
            "ing")):
        return None
    speaker_end = head[-1].end
    appositives = []
    commas = [n for n, t in enumerate(head) if t.text == ","]
    if commas:
        first = head[:commas[0]]
        if first and _np_head(first[-1]) and not first[-1].text[:1].islower() or (
                first and _lexicons().noun_kind.get(first[-1].low, "").startswith(("person", "group", "org"))):
            speaker_end = first[-1].end
            appositives.append((head[commas[0] + 1].start, head[-1].end) if commas[0] + 1 < len(head) else
                               (first[-1].end, first[-1].end))
    return _Attribution(cue, (head[0].start, speaker_end), appositives)


_CLAUSE_OPENERS = {"then", "and", "but", "so", "also", "while", "as", "when", "yet", "later", "finally", "instead"}


def _sentence_like(text: str, span: _Span) -> bool:
    """Is the quotation a clause of its own (≥ 4 words, opening like a sentence)?"""
    content = text[span.content_start:span.content_end]
    first = content.lstrip("[(.…'‘ ")[:1]
    return len(content.split()) >= 4 and (first.isupper() or first.isdigit())


def _lead_in_attribution(text: str, lo: int, hi: int) -> _Attribution:
    """The attribution in a lead-in that ends with a comma or colon before a
    full-clause quotation: a cue with its subject, or else the subject of the
    lead-in's clause ("Trump leaned in and boomed:"); the speaker is None when
    no subject is found (the quotation is still direct)."""
    lead_end = lo + len(text[lo:hi].rstrip()) - 1
    mark = (lead_end, lead_end + 1)
    cues = _cues(text, lo, lead_end)
    if cues and _cue_kind(text, cues[-1]) == "according":
        # "According to the ministry, “Q.”"
        right = _speaker_right(text, cues[-1][1], lead_end)
        if right and not text[right[1]:lead_end].strip(" ,"):
            return _Attribution(cues[-1], right)
    cues = [c for c in cues if _cue_kind(text, c) != "according"]
    first = _tokens(text, lo, min(hi, lo + 12))
    if first and first[0].text in ("Said", "Added", "Wrote", "Says", "Asked", "Stated", "Continued", "Writes",
                                   "Explained", "Tweeted", "Replied", "Responded", "Countered"):
        right = _speaker_right(text, first[0].end, lead_end)
        if right:
            return _Attribution((first[0].start, first[0].end), right)
    cue = cues[-1] if cues else None
    if cue is not None:
        found = _speaker_left(text, lo, cue[0])
        if isinstance(found, tuple):
            return _Attribution(cue, (found[0], found[1]), found[2])
        if found in ("negated", "passive"):
            cue = None
    return _Attribution(cue or mark, _clause_subject(text, lo, lead_end, cue is not None))


def _clause_subject(text: str, lo: int, hi: int, has_cue: bool = False) -> tuple[int, int] | None:
    """The subject of the last clause of text[lo:hi] that has one ("Asked …,
    he demurred" -> "he"; "Trump gestured …, then leaned in and boomed" ->
    "Trump"; "…, with Trump reportedly yelling" -> "Trump")."""
    lead_end = hi
    bounds = [lo] + [lo + m.end() for m in re.finditer(r"[,;—–]\s+", text[lo:lead_end])]
    for start in reversed(bounds[-4:]):
        tokens = _tokens(text, start, lead_end)
        k = 0
        while k < len(tokens) and k < 2 and tokens[k].low in _CLAUSE_OPENERS | {"with"}:
            k += 1
        if k >= len(tokens) or tokens[k].low in _CAPITAL_STOP and tokens[k].low not in _PRONOUNS:
            continue
        if tokens[k].low in _PRONOUNS and tokens[k].low not in ("it", "you") or tokens[k].low == "it" and has_cue:
            subject = (tokens[k].start, tokens[k].end)
        else:
            subject = _speaker_right(text, tokens[k].start, lead_end)
        if subject is None or subject[1] >= tokens[-1].start:
            continue  # a noun phrase with no verb after it is no subject
        return subject
    return None


def _has_sentence_period(segment: str) -> bool:
    """Does ``segment`` hold a period that ends a sentence (not "Mr.", "J.", "U.S.")?"""
    abbreviations = _lexicons().abbreviations
    for match in re.finditer(r"(\S*)\.(?=\s)", segment):
        word = match.group(1).lower().lstrip("(\"“'‘")
        if word in abbreviations or len(word) == 1 or "." in word:
            continue
        return True
    return False


def _pre_attribution(text: str, lo: int, hi: int) -> _Attribution | None:
    """An attribution that introduces a quote: "S said, “", "S told reporters: “"."""
    lead = text[lo:hi]
    stripped = lead.rstrip()
    if not stripped:
        return None
    cues = _cues(text, lo, hi)
    if cues:
        cue = cues[-1]
        tail = text[cue[1]:hi]
        if re.fullmatch(r"(?:\s+[^\s,:;.!?“”\"]+){0,9}?\s*[,:]\s*|\s*[,:]?\s*", tail, re.IGNORECASE) and not (
                re.search(r"\b(?:not|never|that)\b", tail, re.IGNORECASE)):
            kind = _cue_kind(text, cue)
            if kind == "according":
                return None
            found = _speaker_left(text, lo, cue[0])
            if isinstance(found, tuple):
                return _Attribution(cue, (found[0], found[1]), found[2])
            if found is None:
                # "said Smith: “…”"
                right = _speaker_right(text, cue[1], hi)
                if right and not text[right[1]:hi].strip(" ,:"):
                    return _Attribution(cue, right)
                subject = None
                if text[max(lo, cue[0] - 2):cue[0]].strip() == "," and text[cue[0]:cue[1]].lower().endswith("ing"):
                    subject = _subject_of_clause(text, lo, cue[0])
                if subject:
                    return _Attribution(cue, subject)
            return None
    if stripped.endswith(":"):
        colon = lo + len(stripped) - 1
        found = _speaker_left(text, lo, colon)
        if isinstance(found, tuple) and not text[lo:found[0]].strip():
            return _Attribution((colon, colon + 1), (found[0], found[1]), found[2])
        subject = _clause_subject(text, lo, colon)
        if subject:
            return _Attribution((colon, colon + 1), subject)
    return None


def _content_after_cue(text: str, cue: tuple[int, int], hi: int) -> tuple[int, int] | None:
    """Start and end of reported content after a cue, or None."""
    position = cue[1]
    kind = _cue_kind(text, cue)
    cue_text = text[cue[0]:cue[1]].lower()
    if cue_text in ("told", "tell", "tells", "telling", "informed", "asked", "ask", "asks", "assured", "reminded"):
        # the addressee: "told reporters", "told The Associated Press on Monday"
        tokens = _tokens(text, position, hi)
        j = 0
        if j < len(tokens) and tokens[j].low in ("the", "a", "an", "his", "her", "their", "its") and \
                j + 1 < len(tokens) and (tokens[j + 1].low in _TELL_OBJECT or tokens[j + 1].text[:1].isupper()):
            j += 1
        if j < len(tokens) and tokens[j].text[:1].isupper():
            while j < len(tokens) and j < 7 and tokens[j].text[:1].isupper() and tokens[j].low not in _CAPITAL_STOP:
                j += 1
        elif j < len(tokens) and (tokens[j].low in _TELL_OBJECT or tokens[j].low in _PRONOUNS):
            j += 1
        if j == 0:
            return None
        position = tokens[j - 1].end
    if re.match(r"\s*[.!?;]", text[position:position + 3]):
        return None
    adverbial = _THAT_AFTER_ADVERBIAL.match(text, position, hi)
    if adverbial:
        position = adverbial.end()
    elif kind != "object":
        match = re.match(r"\s*(?:that\b)?", text[position:hi])
        position += match.end() if match else 0
    start, end = _strip_content(text, position, hi)
    if end - start < 3 or not re.search(r"\w", text[start:end]):
        return None
    if _LEMMA.get(cue_text) == "threaten" and not re.match(r"(?:to|that)\b", text[start:end]):
        return None
    if re.match(r"(?:to|for|with|about|of|by|in|on|at|when|after|before|as|if|how|what|whether)\b", text[start:end],
                re.IGNORECASE) and kind == "speech" and cue_text not in ("vowed", "vow", "vows", "pledged",
                                                                         "promised", "threatened", "warned",
                                                                         "urged", "threatens", "threaten"):
        if not re.match(r"(?:how|what|whether|when|if)\b", text[start:end], re.IGNORECASE):
            return None
    if len(text[start:end].split()) < 2:
        return None
    return start, end


def _in_spans(position: int, spans: list[_Span]) -> bool:
    return any(s.open <= position < s.close for s in spans)


_DIRECT_SHARE = 0.5  # share of a reported content that one opening quotation must cover to make it direct


def _reported_kind(start: int, end: int, spans: list[_Span], text: str = "") -> str:
    """``direct`` when one quotation opens the content and makes up half of it or more
    (“Q,” and then a few words of paraphrase; not after "that", which makes
    the quotation part of reported speech), ``mixed`` when the content holds a
    quoted fragment, else ``indirect``."""
    if not _contains_quote(start, end, spans):
        return "indirect"
    inside = [s for s in spans if s.open < end and s.close > start]
    if len(inside) == 1 and inside[0].open <= start + 1 and start <= inside[0].content_start and \
            (min(end, inside[0].close) - start) >= _DIRECT_SHARE * (end - start) and \
            not re.search(r"\bthat\s*$", text[max(0, start - 8):start], re.IGNORECASE):
        return "direct"
    return "mixed"


def _contains_quote(start: int, end: int, spans: list[_Span]) -> bool:
    return any(start <= s.content_start and s.content_end <= end + 1 for s in spans) or any(
        s.open < end and s.close > start for s in spans)


def _find(text: str) -> list[_Found]:
    found: list[_Found] = []
    paragraphs = split_paragraphs(text)
    all_spans: list[list[_Span]] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        all_spans.append(_pair_marks(text, p_start, p_end, index))
    # multi-paragraph chains: an unclosed last quote + a paragraph opening with a mark
    group = 0
    for index, spans in enumerate(all_spans):
        for span in spans:
            if span.group < 0:
                span.group = group
                group += 1
        if spans and not spans[-1].closed and index + 1 < len(all_spans) and all_spans[index + 1]:
            nxt = all_spans[index + 1][0]
            if nxt.open == paragraphs[index + 1][0]:
                spans[-1].continued = True
                nxt.continues = True
                nxt.group = spans[-1].group

    group_attribution: dict[int, _Attribution] = {}
    pending_groups: dict[int, list[_Found]] = {}
    previous_paragraph_attribution: _Attribution | None = None
    previous_colon = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        spans = all_spans[index]
        if not spans and p_end - p_start <= 250:
            headline = _headline_quote(text, p_start, p_end)
            if headline is not None:
                found.append(headline)
                previous_paragraph_attribution = None
                previous_colon = False
                continue
        paragraph_attribution: _Attribution | None = None
        paragraph_direct: _Attribution | None = None
        last_attribution: _Attribution | None = None
        colon_intro: _Attribution | None = None
        used_cues: set[tuple[int, int]] = set()  # cues already given to a direct quote (may lie in a later sentence)
        for s_start, s_end in _sentence_spans(text, p_start, p_end, spans):
            s_spans = [s for s in spans if s_start <= s.open < s_end]
            direct_in_sentence: list[tuple[int, int]] = []
            cursor = s_start
            sentence_attribution: _Attribution | None = None
            for position, span in enumerate(s_spans):
                lead_text = text[cursor:span.open]
                next_open = s_spans[position + 1].open if position + 1 < len(s_spans) else s_end
                initial = not lead_text.strip(" \t\n—–-(") or (cursor > s_start and not lead_text.strip(" ,;—–-"))
                attribution = None
                fragment = False
                lead_in_content: tuple[int, int] | None = None
                lead_piece: tuple[int, int] | None = None
                if not initial and sentence_attribution is not None and sentence_attribution.cue is not None and \
                        cursor <= sentence_attribution.cue[0] < span.open and lead_text.rstrip().endswith((",", "—")) and \
                        not _cues(text, sentence_attribution.cue[1], span.open) and not re.search(
                            r"\b(?:but|and|while|though|although|because|so|yet)\b", text[sentence_attribution.cue[1]:span.open]):
                    # “Q1,” said S, an official, “q2.”: the quotation continues after its attribution
                    attribution = sentence_attribution
                elif initial:
                    attribution = _post_attribution(text, span.close, next_open)
                    if attribution is None and (text[span.content_end - 1] in ",?!—–-" or
                                                text[span.close:span.close + 1] == ","):
                        attribution = _loose_post_attribution(
                            text, span.close, s_spans[position + 1].open if position + 1 < len(s_spans) else
                            next((s.open for s in spans if s.open >= span.close), p_end))
                    if attribution is None and cursor > s_start and sentence_attribution is not None:
                        attribution = sentence_attribution
                    if attribution is None and _FRAGMENT_CONTINUES.match(text, span.close, next_open) and \
                            not span.continued:
                        fragment = True  # “Q” by the shooting …, S said: a quoted fragment opening a clause
                else:
                    attribution = _pre_attribution(text, cursor if cursor > s_start else s_start, span.open)
                    if attribution is not None:
                        # a pre-attributed quote must run to the end of its sentence or be followed by
                        # its own continuation; otherwise it is a fragment of reported speech
                        rest = text[span.close:next_open]
                        if re.match(r"\s*(?:[—–]|--?\s)", rest):
                            rest = ""
                        if rest.strip(" \t\n.,;:!?”\"’'—–-)") and position + 1 >= len(s_spans):
                            attribution = None
                        elif rest.strip(" \t\n.,;:!?”\"’'—–-)") and not _cue_or_end(text, span.close, next_open):
                            attribution = None
                        if attribution is not None and attribution.speaker is not None and cursor == s_start:
                            lead = text[s_start:attribution.speaker[0]].rstrip()
                            if lead.endswith(",") and 2 <= len(lead.split()) <= 25 and \
                                    text[span.content_start:span.content_start + 1].islower() and \
                                    not _cues(text, s_start, attribution.speaker[0]) and \
                                    not _QUOTE_MARK.search(lead):
                                # "In cases of abortion, it said, “the woman is a victim.”": the lead-in
                                # paraphrases part of the same statement
                                lead_piece = _strip_content(text, s_start, s_start + len(lead))
                    if attribution is None and (re.search(r"[,?!—–-]$", text[span.content_start:span.content_end]) or
                                                text[span.close:span.close + 1] == ","):
                        # “Q,” S said after a lead-in: direct when the lead-in ends in punctuation
                        # ("telling Mic, “Q,” he said"), else a fragment of the clause (mixed)
                        lead = text[s_start:span.open].rstrip()
                        if lead[-1:] in (",", ":", ";", "—", "–", "-", "("):
                            attribution = _post_attribution(text, span.close, next_open)
                            if attribution is None and lead[-1:] == ",":
                                attribution = _loose_post_attribution(text, span.close, next_open)
                            if attribution is not None and lead[-1:] == "," and cursor == s_start and \
                                    len(lead.split()) <= 10 and not _cues(text, s_start, span.open):
                                # "Based on her actions that night, “Q,” S said": the lead-in paraphrases
                                # part of what was said, so the whole is mixed
                                lead_in_content = (s_start, span.close)
                    lead_lo = cursor if cursor > s_start else s_start
                    if attribution is None and text[lead_lo:span.open].rstrip()[-1:] in (",", ":") and \
                            _sentence_like(text, span) and not text[span.close:next_open].strip(
                                " \t\n.,;:!?”\"’')") and position + 1 >= len(s_spans):
                        # a full-clause quote introduced by a lead-in that ends with a comma or colon
                        # ("Husted continued by saying, “Q.”", "he demurred: “Q.”")
                        attribution = _lead_in_attribution(text, lead_lo, span.open)
                if attribution is None and initial and not fragment:
                    if span.group in group_attribution:
                        attribution = group_attribution[span.group]
                    elif span.continued and not (last_attribution is not None and last_attribution.speaker is not None
                                                 and cursor > p_start):
                        # a multi-paragraph quote: its attribution may come in a later paragraph
                        pending_groups.setdefault(span.group, []).append(
                            (_Found("direct", (span.content_start, span.content_end), _Attribution(None, None)),
                             last_attribution if last_attribution is not None and last_attribution.speaker else
                             (previous_paragraph_attribution if span.open == p_start else None)))
                        cursor = max(cursor, span.close)
                        continue
                    elif last_attribution is not None and last_attribution.speaker is not None:
                        attribution = last_attribution  # split quote: “Q1,” S said. “Q2.”
                    elif span.open == p_start and (colon_intro or previous_paragraph_attribution) is not None:
                        prior = colon_intro or previous_paragraph_attribution
                        attribution = _Attribution(prior.cue if prior is colon_intro or previous_colon else None,
                                                   prior.speaker, prior.appositives)
                if attribution is None and initial and span.open == p_start and \
                        not text[span.close:p_end].strip(" .") and index + 1 < len(paragraphs):
                    # a quoted paragraph signed on the next line: "- Bernie Sanders."
                    attribution = _dash_signature(text, *paragraphs[index + 1])
                if attribution is None:
                    cursor = max(cursor, span.close)
                    continue
                if attribution.cue:
                    used_cues.add(attribution.cue)
                if lead_piece is not None and lead_piece[1] - lead_piece[0] >= 3:
                    found.append(_Found("indirect", lead_piece, attribution))
                if lead_in_content is not None:
                    item = _Found("mixed", lead_in_content, attribution)
                else:
                    item = _Found("direct", (span.content_start, span.content_end), attribution)
                found.append(item)
                direct_in_sentence.append((span.open, span.close))
                if span.group not in group_attribution:
                    group_attribution[span.group] = attribution
                    for waiting, _fallback in pending_groups.pop(span.group, []):
                        waiting.attribution = attribution
                        found.append(waiting)
                sentence_attribution = attribution
                last_attribution = attribution
                paragraph_attribution = attribution
                paragraph_direct = attribution
                cursor = max(cursor, span.close)
            # reported speech: cues outside quotes not used by a direct quote
            for cue in _cues(text, s_start, s_end):
                if cue in used_cues or _in_spans(cue[0], s_spans):
                    continue
                if any(a <= cue[0] < b + 40 and not text[b:cue[0]].strip(" ,.—–-\n") for a, b in direct_in_sentence):
                    continue
                result = _reported(text, s_start, s_end, cue, s_spans, direct_in_sentence)
                if result is None:
                    continue
                if any(f.content[0] < result.content[1] and result.content[0] < f.content[1] for f in found[-6:]):
                    continue
                found.append(result)
                if not direct_in_sentence:
                    last_attribution = result.attribution
                    paragraph_attribution = result.attribution
            sentence_text = text[s_start:s_end].rstrip()
            if sentence_text.endswith(":"):
                cues = _cues(text, s_start, s_end)
                if cues:
                    speaker = _speaker_left(text, s_start, cues[-1][0])
                    if isinstance(speaker, tuple):
                        colon_intro = _Attribution(cues[-1], (speaker[0], speaker[1]), speaker[2])
                if colon_intro is None and index + 1 < len(paragraphs) and all_spans[index + 1] and \
                        all_spans[index + 1][0].open == paragraphs[index + 1][0] and not s_spans:
                    # "President Clinton released the following statement:" then a quoted paragraph
                    intro = _lead_in_attribution(text, s_start, s_end)
                    if intro.speaker is not None:
                        colon_intro = intro
            else:
                colon_intro = None
        previous_colon = colon_intro is not None
        if colon_intro is not None:
            previous_paragraph_attribution = colon_intro
        else:
            previous_paragraph_attribution = paragraph_direct or paragraph_attribution
        if paragraph_attribution is None and spans and not spans[-1].continued:
            previous_paragraph_attribution = None
    for waiting_list in pending_groups.values():
        for waiting, fallback in waiting_list:
            if fallback is not None:
                waiting.attribution = fallback
                found.append(waiting)
    found.sort(key=lambda f: (f.content[0], f.content[1]))
    return found


def _dash_signature(text: str, p_start: int, p_end: int) -> _Attribution | None:
    """A signature paragraph "- Name, …" or "—Name." under a quoted paragraph."""
    match = re.match(r"[-—–]{1,2}[ \t]*(?=[A-Z])", text[p_start:min(p_end, p_start + 4)])
    if match is None or p_end - p_start > 200:
        return None
    speaker = _speaker_right(text, p_start + match.end(), p_end)
    if speaker is None:
        return None
    dash = (p_start, p_start + match.end() - (len(match.group()) - len(match.group().rstrip())))
    return _Attribution(dash, speaker)


_HEADLINE = re.compile(r"[ \t]*([A-Z][^:\n“”\"‘]{1,80}?):[ \t]+[‘']([A-Z].*?)[’']?\.?[ \t]*$")


def _headline_quote(text: str, p_start: int, p_end: int) -> _Found | None:
    """A headline or tweet-style line ``Speaker: ‘Quote’`` in single quote
    marks ("Reid: ‘Never underestimate him.’"), which the pairing of double
    marks leaves alone."""
    match = _HEADLINE.fullmatch(text, p_start, p_end)
    if match is None or len(match.group(2).split()) < 2:
        return None
    colon = match.end(1)
    speaker = _speaker_left(text, p_start, colon)
    if not isinstance(speaker, tuple) or text[p_start:speaker[0]].strip():
        return None
    start, end = match.span(2)
    while end > start and text[end - 1] in " .’'":
        end -= 1
    if end - start < 3:
        return None
    return _Found("direct", (start, end), _Attribution((colon, colon + 1), (speaker[0], speaker[1]), speaker[2]))


def _reported(text: str, s_start: int, s_end: int, cue: tuple[int, int], spans: list[_Span],
              direct: list[tuple[int, int]]) -> _Found | None:
    kind = _cue_kind(text, cue)
    cue_text = text[cue[0]:cue[1]]
    if kind == "according":
        speaker = _speaker_right(text, cue[1], s_end)
        if speaker is None:
            return None
        before = text[s_start:cue[0]]
        if not before.strip(" \t\n(—–-"):
            comma = text.find(",", speaker[1], s_end)
            if comma < 0:
                return None
            start, end = _strip_content(text, comma + 1, s_end)
        else:
            start, end = _strip_content(text, s_start, cue[0])
            if any(a <= start and end <= b for a, b in direct):
                return None
        if end - start < 8:
            return None
        return _Found(_reported_kind(start, end, spans, text), (start, end),
                      _Attribution(cue, speaker))
    left = _speaker_left(text, s_start, cue[0])
    if left in ("negated", "passive"):
        return None
    attribution: _Attribution | None = None
    if isinstance(left, tuple):
        attribution = _Attribution(cue, (left[0], left[1]), left[2])
    elif cue_text.lower().endswith("ing") and text[max(s_start, cue[0] - 2):cue[0]].strip() in (",", "—"):
        subject = _subject_of_clause(text, s_start, cue[0])
        if subject:
            attribution = _Attribution(cue, subject)
    after = text[cue[1]:s_end]
    if attribution is None:
        # inverted: "…, said the ministry."
        if text[s_start:cue[0]].rstrip().endswith(","):
            speaker = _speaker_right(text, cue[1], s_end)
            if speaker and _ADVERBIAL_TAIL.match(text[speaker[1]:s_end]) or (
                    speaker and text[speaker[1]:s_end].lstrip().startswith(",")):
                comma = text[s_start:cue[0]].rstrip()
                start, end = _strip_content(text, s_start, s_start + len(comma) - 1)
                if end - start >= 8:
                    return _Found(_reported_kind(start, end, spans, text), (start, end),
                                  _Attribution(cue, speaker))
        return None
    # content after the cue, or before the attribution ("X, S said.")
    if _ADVERBIAL_TAIL.match(after):
        speaker_start = attribution.speaker[0]
        lead = text[s_start:speaker_start].rstrip()
        if not lead.endswith((",", "—", "–")) and not re.search(r"[,?!](?:''|[\"”’])$", lead):
            return None
        start, end = _strip_content(text, s_start, s_start + len(lead))
        if end - start < 8 or any(a <= start and end <= b + 1 for a, b in direct):
            return None
        return _Found(_reported_kind(start, end, spans, text), (start, end), attribution)
    content = _content_after_cue(text, cue, s_end)
    if content is None:
        return None
    start, end = content
    # stop before a later attribution (", according to …", ", accusing …") or a new clause (", while …")
    for later in _cues(text, start, end):
        if later[0] > start + 10 and not _in_spans(later[0], spans):
            comma = text.rfind(",", start, later[0])
            coordinated = re.search(r",?\s+(?:and|but)\s+(?:(?:also|then|later)\s+)?$", text[start:later[0]])
            if coordinated and _cue_kind(text, later) != "according":
                # "said X and warned that Y": the second cue has its own content
                end = _strip_content(text, start, start + coordinated.start())[1]
                break
            if _cue_kind(text, later) == "according":
                end = _strip_content(text, start, later[0])[1]
                break
            if comma > start + 5:
                end = _strip_content(text, start, comma)[1]
                break
    clause = re.search(r",\s+(?:while|whereas)\b", text[start:end])
    if clause:
        end = _strip_content(text, start, start + clause.start())[1]
    if end - start < 3:
        return None
    kind_name = _reported_kind(start, end, spans, text)
    return _Found(kind_name, (start, end), attribution)


# --------------------------------------------------------------------------
# Speaker resolution
# --------------------------------------------------------------------------

@dataclass
class _Speaker:
    name: str | None
    title: str | None
    affiliation: str | None
    kind: str                 # person | group | org | unknown
    gender: str | None = None
    surnames: tuple[str, ...] = ()


def _affiliation_from(text: str) -> str | None:
    for mention in find_actors(text):
        if mention.kind in ("state", "people", "organisation", "alliance"):
            return mention.country or mention.actor
    return None


_ORG_AFTER_PREP = re.compile(
    r"\b(?:at|of|with|for|from)\s+(?:the\s+)?((?:[A-Z][\w'’.\-&]*|of|for|and|on|the)(?:\s+(?:[A-Z][\w'’.\-&]*|of|for|and|on|the))*)")


def _analyse_mention(text: str, start: int, end: int, appositives: list[tuple[int, int]]) -> _Speaker:
    lex = _lexicons()
    mention = text[start:end]
    tokens = _tokens(mention, 0, len(mention))
    words = [t.text for t in tokens]
    lows = [w.lower() for w in words]
    if len(lows) == 1 and lows[0] in _PRONOUNS:
        return _Speaker(None, None, None, "pronoun", lex.noun_gender.get(lows[0]))
    appositive_text = " ".join(text[a:b] for a, b in appositives)
    post = re.search(r"\s(?:of|at|from|with)\s+(?:the\s+)?[A-Z]", mention)
    if post and post.start() > 0:
        head_part = mention[:post.start()].split()
        if len(head_part) >= 2 and head_part[-1][:1].isupper() and head_part[-1].lower() not in lex.title_role and \
                head_part[-1].lower() not in lex.noun_kind and not actor_entry(head_part[-1]):
            org = mention[post.start():].strip()
            org = re.sub(r"^(?:of|at|from|with)\s+(?:the\s+)?", "", org)
            inner = _analyse_mention(text, start, start + post.start(), appositives)
            if inner.kind == "person":
                inner.affiliation = inner.affiliation or _affiliation_from(org) or org
                return inner
    # drop determiners and a leading country ("South Korean", "North Korea's")
    i = 0
    while i < len(words) and lows[i] in _DETERMINERS:
        i += 1
    affiliation = None
    country_end = i
    for actor in find_actors(mention):
        if actor.start >= tokens[i].start if i < len(tokens) else False:
            if actor.kind in ("state", "people", "organisation", "alliance"):
                affiliation = affiliation or actor.country
            if actor.start == tokens[i].start and actor.kind in ("state", "people"):
                country_end_char = actor.end
                while country_end < len(tokens) and tokens[country_end].start < country_end_char:
                    country_end += 1
                if country_end < len(tokens) and tokens[country_end].text in ("'s", "’s"):
                    country_end += 1
    if affiliation is None and appositive_text:
        org = _ORG_AFTER_PREP.search(appositive_text)
        aff = _affiliation_from(appositive_text)
        if org and not actor_entry(org.group(1)) and len(org.group(1).split()) >= 2:
            affiliation = org.group(1).strip()
        else:
            affiliation = aff
    # person name: trailing capitalised tokens that are not title words
    core = tokens[country_end:]
    name_tokens: list[_Tok] = []
    for tok in reversed(core):
        low = tok.low.rstrip(",")
        if tok.text[:1].isupper() and low not in lex.title_role and low not in lex.noun_kind and not actor_entry(tok.text) \
                and low not in _CAPITAL_STOP and not re.search(r"['’]s$", tok.text) or (
                    re.fullmatch(r"[A-Z]\.", tok.text) and name_tokens) or (tok.text in ("Jr.", "III", "II", "IV")):
            name_tokens.insert(0, tok)
            continue
        break
    honorific_gender = None
    while name_tokens and name_tokens[0].low in _HONORIFICS:
        honorific_gender = _HONORIFIC_GENDER.get(name_tokens[0].low, honorific_gender)
        name_tokens.pop(0)
    title_tokens = core[:len(core) - len(name_tokens)] if name_tokens else core
    title_tokens = [t for t in title_tokens if t.low not in _HONORIFICS]
    has_head = any(lex.title_role.get(t.low.rstrip(",")) == "head" for t in title_tokens)
    gender = honorific_gender
    for t in title_tokens:
        gender = gender or lex.title_gender.get(t.low)
    title = " ".join(t.text for t in title_tokens) if has_head and title_tokens else None
    if name_tokens and len(name_tokens) <= 5 and (len(name_tokens) >= 2 or title or len(core) == 1 or honorific_gender):
        name = mention[name_tokens[0].start:name_tokens[-1].end]
        if title is None and appositive_text:
            title = _title_from_appositive(appositive_text)
        return _Speaker(name, title, affiliation, "person", gender,
                        tuple(t.text for t in name_tokens if len(t.text) > 1))
    head = lows[-1] if lows else ""
    head_base = re.sub(r"['’]s$", "", head)
    head_kind = lex.noun_kind.get(head_base, "")
    entry = actor_entry(mention) or actor_entry(" ".join(words[i:]))
    if head_kind == "group" and not entry:
        title = " ".join(w for w in lows[country_end:] if w not in _DETERMINERS) or None
        return _Speaker(None, title if title and len(title.split()) > 1 or lex.title_role.get(head_base) else None,
                        affiliation, "group")
    if entry is not None and entry.kind in ("organisation", "state", "alliance"):
        return _Speaker(entry.actor if entry.kind != "state" else entry.actor, None, entry.country, "org")
    if head_kind in ("org", "document") or (core and all(t.text[:1].isupper() for t in core)):
        # organisation names keep their state, without determiner or possessive:
        # "the Chinese Foreign Ministry" -> "Chinese Foreign Ministry", "Taiwan's defense ministry" -> "Taiwan defense ministry"
        name = re.sub(r"['’]s\b", "", mention[tokens[i].start:]) if i < len(tokens) else None
        if head_kind == "document":
            return _Speaker(None, None, affiliation, "document")
        return _Speaker(name or None, None, affiliation, "org" if head_kind != "group" else "group")
    if head_kind == "group" or head_base.endswith("s") and lex.title_role.get(head_base) == "head":
        title = " ".join(w for w in lows[country_end:] if w not in _DETERMINERS) or None
        return _Speaker(None, title, affiliation, "group")
    if head_kind == "person" or lex.title_role.get(head_base) == "head":
        title = " ".join(w for w in words[country_end:]) or None
        return _Speaker(None, title, affiliation, "role", gender)
    return _Speaker(None, None, affiliation, "unknown")


def _title_from_appositive(appositive: str) -> str | None:
    match = re.match(r"(?:a|an|the|his|her|its|their)\s+(.*)", appositive, re.IGNORECASE)
    if not match:
        return None
    phrase = re.split(r",|\bwho\b|\bwhich\b|\bthat\b", match.group(1))[0]
    phrase = re.split(r"\s+(?:at|with|for|from|in)\s+", phrase)[0].strip()
    if 0 < len(phrase.split()) <= 6:
        return phrase
    return None


def _resolve(text: str, found: list[_Found]) -> list[Quote]:
    history: list[_Speaker] = []
    quotes: list[Quote] = []
    by_span: dict[tuple[int, int], _Speaker] = {}
    order = sorted(range(len(found)), key=lambda k: (found[k].attribution.speaker or found[k].content)[0])
    resolved: dict[int, _Speaker] = {}
    for k in order:
        attribution = found[k].attribution
        if attribution.speaker is None:
            resolved[k] = _Speaker(None, None, None, "unknown")
            continue
        key = attribution.speaker
        if key in by_span:
            resolved[k] = by_span[key]
            continue
        speaker = _analyse_mention(text, key[0], key[1], attribution.appositives)
        speaker = _link(text, key[0], key[1], speaker, history)
        by_span[key] = speaker
        resolved[k] = speaker
        if speaker.name or speaker.kind in ("org",):
            history.append(speaker)
    for k, item in enumerate(found):
        start, end = item.content
        attribution = item.attribution
        speaker = resolved[k]
        cue = attribution.cue
        span = attribution.speaker
        quotes.append(Quote(
            kind=item.kind,
            content=text[start:end], content_start=start, content_end=end,
            cue=text[cue[0]:cue[1]] if cue else None, cue_start=cue[0] if cue else None, cue_end=cue[1] if cue else None,
            speaker=text[span[0]:span[1]] if span else None,
            speaker_start=span[0] if span else None, speaker_end=span[1] if span else None,
            speaker_name=speaker.name, speaker_title=speaker.title, speaker_affiliation=speaker.affiliation,
        ))
    return quotes


def _link(text: str, start: int, end: int, speaker: _Speaker, history: list[_Speaker]) -> _Speaker:
    """Resolve pronouns, surnames and descriptions against earlier speakers."""
    mention = text[start:end]
    low = mention.lower()
    if speaker.kind == "pronoun":
        wanted = "person" if low in ("he", "she", "i") else ("org" if low == "it" else None)
        for earlier in reversed(history):
            if wanted and earlier.kind != wanted:
                continue
            if wanted is None:
                return _Speaker(None, None, earlier.affiliation, "group")
            if speaker.gender and earlier.gender and speaker.gender != earlier.gender:
                continue
            if speaker.gender and earlier.gender is None:
                earlier.gender = speaker.gender
            return earlier
        if wanted == "person":
            titled = _earlier_titled_person(text, start)
            if titled is not None:
                return titled
        return speaker
    if speaker.kind == "person":
        tokens = mention.split()
        if len(speaker.name.split()) == 1:
            surname = speaker.name
            for earlier in reversed(history):
                if earlier.kind == "person" and earlier.name and surname in earlier.name.split():
                    return earlier
            full = _earlier_full_name(text, start, surname)
            if full:
                return full
        for earlier in history:
            if earlier.kind == "person" and earlier.name == speaker.name:
                earlier.title = earlier.title or speaker.title
                earlier.affiliation = earlier.affiliation or speaker.affiliation
                return earlier
        del tokens
        return speaker
    if speaker.kind == "role":
        head = low.split()[-1] if low.split() else ""
        for earlier in reversed(history):
            if earlier.title and head and head in earlier.title.lower():
                return earlier
        return speaker
    words_as_written = mention.split()
    if speaker.kind in ("org", "document") and words_as_written and words_as_written[0].lower() in (
            "the", "its", "this", "that") and not any(w[:1].isupper() for w in words_as_written[1:]):
        # "the ministry", "the agency", "the statement": the latest organisation speaker
        head = words_as_written[-1].lower()
        for earlier in reversed(history):
            if earlier.kind == "org" and earlier.name and head in earlier.name.lower():
                return earlier
        for earlier in reversed(history):
            if earlier.kind == "org" and earlier.name:
                return earlier
        return speaker
    if speaker.kind == "org" and speaker.name:
        words = speaker.name.lower().split()
        if len(words) <= 2:
            for earlier in reversed(history):
                if earlier.kind == "org" and earlier.name and words[-1] in earlier.name.lower().split() and \
                        earlier.name != speaker.name:
                    return earlier
    return speaker


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)+")


def _earlier_titled_person(text: str, before: int) -> _Speaker | None:
    """The nearest earlier mention of a titled person ("Defense Secretary Lloyd J.
    Austin III") within the 600 characters before a pronoun with no earlier speaker."""
    best = None
    for match in _CAPITALISED_RUN.finditer(text, max(0, before - 600), before):
        start = match.start()
        first = match.group().split()[0]
        if first.lower() in _CAPITAL_STOP:
            start += len(first)
            while start < match.end() and text[start].isspace():
                start += 1
        speaker = _analyse_mention(text, start, match.end(), [])
        if speaker.kind == "person" and speaker.title and speaker.name and len(speaker.name.split()) >= 2:
            best = speaker
    return best


_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’.\-]*\s+){1,5}$")
_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w\-]*(?![\w.]))+")


def _earlier_full_name(text: str, before: int, surname: str) -> _Speaker | None:
    """The nearest earlier full mention of ``surname`` ("Margaret Hale" for "Hale",
    "Ri Chol-man" for "Ri"), analysed as a speaker mention."""
    position = before
    floor = max(0, before - 4000)
    while True:
        position = text.rfind(surname, floor, position)
        if position < 0:
            return None
        end = position + len(surname)
        if (position and (text[position - 1].isalnum() or text[position - 1] == "-")) or (
                end < len(text) and (text[end].isalnum() or text[end] == "-")):
            continue
        left = _NAME_BEFORE.search(text, max(0, position - 80), position)
        right = _NAME_AFTER.match(text, end, min(len(text), end + 40))
        if left is None and right is None:
            continue
        start = left.start() if left else position
        stop = right.end() if right else end
        speaker = _analyse_mention(text, start, stop, [])
        if speaker.kind == "person" and speaker.name and len(speaker.name.split()) >= 2 and \
                surname in speaker.name.split():
            return speaker


# --------------------------------------------------------------------------
# Public function
# --------------------------------------------------------------------------

def extract_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, in order of their content.

    >>> q = extract_quotes("“The drills will go ahead,” said Pentagon spokeswoman Dana Whitcomb.")[0]
    >>> q.kind, q.content, q.cue, q.speaker_name, q.speaker_title, q.speaker_affiliation
    ('direct', 'The drills will go ahead,', 'said', 'Dana Whitcomb', 'Pentagon spokeswoman', 'United States')
    >>> extract_quotes("The so-called “peace” talks stalled.")
    []
    """
    if not text:
        return []
    return list(_quotes_of(text))


@lru_cache(maxsize=8)
def _quotes_of(text: str) -> tuple[Quote, ...]:
    """:func:`extract_quotes` of the last few texts, shared by the pipeline,
    rhetoric.extract.threats and rhetoric.sentiment.targeted, which all read one article's
    quotes (Quote objects are frozen, so sharing them is safe)."""
    return tuple(_resolve(text, _find(text)))

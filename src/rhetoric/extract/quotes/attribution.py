"""Attribution rules: the cue and speaker beside a direct quotation."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rhetoric.extract.quotes.cues import _cue_kind, _cue_lemma, _cues
from rhetoric.extract.quotes.lexicon import (
    _ADVERBIAL_TAIL,
    _CAPITAL_STOP,
    _CONNECTORS,
    _DETERMINERS,
    _PRE_CUE_SKIP,
    _PRONOUNS,
    _TELL_OBJECT,
    _THAT_AFTER_ADVERBIAL,
    _WEEKDAYS,
    _lexicons,
)
from rhetoric.extract.quotes.model import _Attribution, _Found
from rhetoric.extract.quotes.phrases import (
    _np_head,
    _quoted_as,
    _speaker_left,
    _speaker_right,
    _subject_of_clause,
    _tokens,
)
from rhetoric.extract.quotes.sentences import _abbreviation_before
from rhetoric.text.sentences import abbreviations
from rhetoric.text.quotemarks import QuoteSpan

if TYPE_CHECKING:
    from rhetoric.text.document import Document


def _strip_content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?—–-“" or (
            text[end - 1] in "\"”" and end - 2 >= start and text[end - 2].isspace())):
        end -= 1
    return start, end


def _post_attribution(doc: Document, lo: int, hi: int) -> _Attribution | None:
    """An attribution right after a quote: ", S said", ", said S", "S told …"."""
    text = doc.text
    cues = _cues(doc, lo, min(hi, lo + 220))
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
    quoted_as = _quoted_as(text, lo, cue[0])
    if quoted_as is not None:
        # "“Q,” a commander was quoted as saying by Tasnim"
        return _Attribution(cue, quoted_as)
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


def _loose_post_attribution(doc: Document, lo: int, hi: int) -> _Attribution | None:
    """A looser attribution after a sentence-opening quote that ends with its own
    comma, question or exclamation mark, where the speaker is a phrase the
    lexicons do not know ("“Q,” the bespectacled, 71-year-old diplomat said",
    "“Q,” said a longtime GOP data expert who …", "“Q?” Hannity pressed.")."""
    text = doc.text
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
    cues = _cues(doc, tokens[0].start, limit)
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


def _sentence_like(text: str, span: QuoteSpan) -> bool:
    """Is the quotation a clause of its own (≥ 4 words, opening like a sentence)?"""
    content = text[span.content_start:span.content_end]
    first = content.lstrip("[(.…'‘ ")[:1]
    return len(content.split()) >= 4 and (first.isupper() or first.isdigit())


def _lead_in_attribution(doc: Document, lo: int, hi: int) -> _Attribution:
    """The attribution in a lead-in that ends with a comma or colon before a
    full-clause quotation: a cue with its subject, or else the subject of the
    lead-in's clause ("Trump leaned in and boomed:"); the speaker is None when
    no subject is found (the quotation is still direct)."""
    text = doc.text
    lead_end = lo + len(text[lo:hi].rstrip()) - 1
    mark = (lead_end, lead_end + 1)
    cues = _cues(doc, lo, lead_end)
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
    known = abbreviations()
    for match in re.finditer(r"(\S*)\.(?=\s)", segment):
        word = match.group(1).lower().lstrip("(\"“'‘")
        if known.holds(word, segment[match.end():match.end() + 12].lstrip()) or len(word) == 1 or "." in word:
            continue
        return True
    return False


def _pre_attribution(doc: Document, lo: int, hi: int) -> _Attribution | None:
    """An attribution that introduces a quote: "S said, “", "S told reporters: “"."""
    text = doc.text
    lead = text[lo:hi]
    stripped = lead.rstrip()
    if not stripped:
        return None
    cues = _cues(doc, lo, hi)
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
    if _cue_lemma(cue_text) == "threaten" and not re.match(r"(?:to|that)\b", text[start:end]):
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

"""Per-article state for threat detection: sentences, quotations, speakers
and the resolution of a noun phrase ("he", "the ministry", "Moscow") to the
state it acts for."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from rhetoric.extract.threats.grammar import (
    ACCORDING_TO,
    ACTOR_KINDS,
    ATTRIBUTION_AFTER,
    ATTRIBUTION_BEFORE,
    LOCATIVE,
    NAME_STOP,
    NAME_TOKEN,
    ORGANISATION_NP,
    PRONOUN,
    QUOTE_MARK,
    QUOTES,
    SPEECH_BOUNDARY,
    TRIM_NP,
    Cue,
    canonical_state,
    compiled_grammar,
    frame_patterns,
    suffix_pattern,
    title_patterns,
)
from rhetoric.extract.threats.scan import starts_word, words
from rhetoric.text.actors import ActorMention, find_actors
from rhetoric.text.document import Document
from rhetoric.text.sentences import Sentence


_MODAL_ONLY = frozenset(("modal",))  # a clitic anchor ("’ll")


# two sides named together ("Seoul and Washington", "U.S.-South Korean", "the U.S., Japan")
_TOGETHER = re.compile(r"\s*(?:and|&|,|-|–|/)\s*(?:its\s+allies?\s+)?|"
                       r"\s*(?:,\s*)?(?:together|along)\s+with\s+(?:the\s+)?", re.IGNORECASE)


class ArticleContext:
    """Lazy per-text analysis shared by the threat and show-of-force passes.

    Sentences and actor mentions are computed per paragraph, only for the
    paragraphs that a candidate or a speaker lookup touches."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.paragraphs = document.paragraphs
        self._p_starts = [start for start, _end in self.paragraphs]
        self._p_sentences: dict[int, list[Sentence]] = {}
        self._p_actors: dict[int, list[ActorMention]] | None = None
        self._quotes: list[tuple[int, int]] | None = None
        self._names: dict[str, str | None] = {}
        self._spans: list[tuple[int, int]] | None = None
        self._subjects: dict[int, str | None] = {}
        self.modal_anchors: list[int] = []
        self.static_anchors: list[int] = []
        self.force_anchors: list[int] = []
        self._speech: list[Cue] = []
        self._words: list[tuple[int, str]] | None = None
        self._scan()

    def _scan(self) -> None:
        """One pass over the words: where each part of the grammar may apply."""
        grammar = compiled_grammar()
        anchors = grammar.anchors
        text = self.text
        lowered = text.lower()
        # One pass over the article's words (shared with the anchored rules),
        # keeping those that anchor some part of the grammar; then the
        # clitics ("we’ll") that end a word.
        hits: list[tuple[str, int, int]] = [
            (word, start, start + len(word)) for start, word in self.words
            if word in anchors and starts_word(text, start)]
        for ending, role in grammar.suffix_anchors:
            if ending in lowered and role == "modal":
                hits.extend(("", match.start(), match.end()) for match in suffix_pattern(ending).finditer(lowered))
        for word, start, end in hits:
            roles = anchors.get(word, _MODAL_ONLY)
            if "modal" in roles:
                self.modal_anchors.append(end)
            if "static" in roles:
                self.static_anchors.append(start)
            if "force" in roles:
                self.force_anchors.append(start)
            if "speech" in roles:
                if word == "according":
                    if lowered.startswith(" to", end):
                        self._speech.append(Cue(start, end + 3, "according to"))
                else:
                    self._speech.append(Cue(start, end, text[start:end]))
        self.modal_anchors.sort()
        self.static_anchors.sort()
        self.force_anchors.sort()
        self._speech.sort(key=Cue.start)
        self._speech_starts = [cue.start() for cue in self._speech]

    # paragraphs and sentences ---------------------------------------------
    @property
    def words(self) -> list[tuple[int, str]]:
        """(start, lower-cased word) for every word of the article, computed once."""
        if self._words is None:
            self._words = words(self.text)
        return self._words

    def paragraph_index(self, position: int) -> int:
        return bisect.bisect_right(self._p_starts, position) - 1

    def paragraph_bounds(self, position: int) -> tuple[int, int]:
        index = self.paragraph_index(position)
        return self.paragraphs[index] if index >= 0 else (0, 0)

    def paragraph_sentences(self, index: int) -> list[Sentence]:
        """The Document's sentences that start in paragraph ``index``."""
        found = self._p_sentences.get(index)
        if found is None:
            p_start, p_end = self.paragraphs[index]
            found = [s for s in self.document.sentences_overlapping(p_start, p_end) if p_start <= s.start < p_end]
            self._p_sentences[index] = found
        return found

    def exact_sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """(start of the first, end of the last) Document sentence holding [start, end)."""
        overlapping = self.document.sentences_overlapping(start, end)
        if not overlapping:
            return start, end
        return min(start, overlapping[0].start), max(end, overlapping[-1].end)

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
        """The Document's actor mentions in paragraph ``index``."""
        if self._p_actors is None:
            self._p_actors = {}
            for mention in self.document.actor_mentions:
                self._p_actors.setdefault(self.paragraph_index(mention.start), []).append(mention)
        return self._p_actors.get(index, [])

    def actors_in(self, start: int, end: int) -> list[ActorMention]:
        first, last = max(self.paragraph_index(start), 0), self.paragraph_index(max(start, end - 1))
        result = []
        for index in range(first, last + 1):
            result.extend(m for m in self.paragraph_actors(index) if m.start >= start and m.end <= end)
        return result

    def opponent_of(self, state: str, acting: Counter[str] | None = None) -> str | None:
        """The side the article sets against ``state``: among the states and
        bodies it names, not ``state`` nor named together with it ("Seoul and
        Washington", "U.S.-South Korean"), the one that acts most often in
        ``acting`` (how many threats and shows of force each side makes in
        the article), then the one named most often (at least twice); None
        when two tie.

        >>> ctx = ArticleContext(Document("Russia massed troops. Kyiv protested. Ukraine asked for help."))
        >>> ctx.opponent_of("Russia")
        'Ukraine'
        """
        acting = acting or Counter()
        mentions = [m for m in self.document.actor_mentions if m.kind in ("state", "people", "alliance")]
        partners = {state}
        for first, second in zip(mentions, mentions[1:]):
            pair = {canonical_state(first), canonical_state(second)}
            if state in pair and _TOGETHER.fullmatch(self.text[first.end:second.start]):
                partners |= pair
        named = Counter(canonical_state(m) for m in mentions if canonical_state(m) not in partners)
        ranked = sorted(((acting[side], count, side) for side, count in named.items() if count >= 2), reverse=True)
        return ranked[0][2] if ranked and (len(ranked) == 1 or ranked[0][:2] > ranked[1][:2]) else None

    def last_actor_before(self, position: int) -> str | None:
        index = self.paragraph_index(position)
        while index >= 0:
            for mention in reversed(self.paragraph_actors(index)):
                if mention.end <= position and mention.kind in ("state", "people", "organisation", "alliance") \
                        and not self.inside_quote(mention.start):
                    return canonical_state(mention)
            index -= 1
        return None

    def last_subject_before(self, position: int, limit: int = 6) -> str | None:
        """The state of the nearest sentence subject (an actor among the first
        words of a sentence, outside quotations) before ``position``."""
        mention = self.last_subject_mention_before(position, limit)
        return canonical_state(mention) if mention is not None else None

    def last_subject_mention_before(self, position: int, limit: int = 6) -> ActorMention | None:
        """The nearest sentence subject's actor mention before ``position``."""
        for current in self.sentences_before(position, limit):
            lead = current.text[:80]
            dash = max(lead.find("—"), lead.find("--"))
            offset = current.start + (dash + 2 if dash >= 0 else 0)
            head_end = min(position, current.end, offset + 60)
            for mention in self.actors_in(offset, head_end):
                if mention.kind in ACTOR_KINDS and not self.inside_quote(mention.start):
                    return mention
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
        found = self.document.quotes
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
            # The quote extractor's affiliation already weighs the mention, its
            # appositive and the article; re-resolving the speaker's words (with
            # the article's focus) only fills in when it found none.
            if quote.speaker_affiliation:
                country = quote.speaker_affiliation
            elif quote.speaker_start is not None and quote.speaker:
                country = self.resolve(quote.speaker, quote.speaker_start, use_focus=True)
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
        marks = [m.start() for m in QUOTE_MARK.finditer(text)]
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

    def same_quote(self, first: int, second: int) -> bool:
        """Whether two positions are inside one quotation span."""
        return any(start <= first < end and start <= second < end for start, end in self.quote_spans())

    def _opens(self, index: int) -> bool:
        before = self.text[index - 1] if index > 0 else " "
        return not before.isalnum()

    def _continues(self, previous_end: int, start: int) -> bool:
        between = self.text[previous_end:start]
        return len(between) < 400 and not re.search(r"\b(?:said|told|according to)\b", between)

    def _attributed_speaker(self, start: int, end: int) -> str | None:
        text = self.text
        after = text[end:end + 160].split("\n", 1)[0]
        match = ATTRIBUTION_AFTER.match(after)
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
        match = ATTRIBUTION_BEFORE.search(before)
        if match:
            np = match.group("np")
            parts = SPEECH_BOUNDARY.split(np)
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
    def speech_verbs(self) -> list[Cue]:
        return self._speech

    def speech_subject(self, verb: Cue) -> tuple[str, int]:
        """The noun phrase a speech verb is said by (text, start)."""
        text = self.text
        if verb.group().lower() == "according to":
            match = ACCORDING_TO.match(text, verb.start())
            if match:
                return match.group("np"), match.start("np")
            return "", verb.end()
        sentence = self.sentence_at(verb.start())
        left = sentence.start if sentence else max(0, verb.start() - 200)
        segment = text[left:verb.start()]
        cut = 0
        for match in SPEECH_BOUNDARY.finditer(segment):
            cut = match.end()
        np = segment[cut:]
        if not np.strip(" ," + QUOTES):
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
        mentions = [m for m in find_actors(np) if m.kind in ACTOR_KINDS]
        return canonical_state(mentions[0]) if mentions else None

    def resolve(self, np: str, np_start: int, use_focus: bool) -> str | None:
        """The state a speaker/subject noun phrase belongs to, "ANALYST", or None."""
        np = np.strip(" ,.:;" + QUOTES)
        if not np:
            return self.focus_before(np_start) if use_focus else None
        location = None
        match = LOCATIVE.match(np)
        if match:
            location = self._resolve_actors(match.group("place"))
            np = np[match.end():]
        parts = [part for part in np.split(",") if part.strip()]
        country = None
        if len(parts) > 1 and PRONOUN.match(parts[-1].strip()):
            # "When Defense Secretary X met …, he warned": the antecedent is
            # the titled person or named official earlier in the phrase.
            titles, table = title_patterns()
            found = titles.search(np)
            if found:
                return table[found.group()]
            parts = parts[-1:]
        for number, part in enumerate(parts[:3]):
            part = TRIM_NP.sub("", part).strip() if number == 0 else part
            if frame_patterns()["analyst"].search(part):
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
                                if m.kind in ACTOR_KINDS and not self.inside_quote(m.start)]
                    country = canonical_state(mentions[0]) if mentions else None
            if country is None and ORGANISATION_NP.search(np) and not PRONOUN.match(np):
                country = self.last_subject_before(np_start)
            if country is None:
                country = self.focus_before(np_start)
        return country

    def _resolve_part(self, part: str, np_start: int) -> str | None:
        country = self._resolve_actors(part)
        if country is None:
            country = self._resolve_names(part, np_start)
        if country is None:
            titles, table = title_patterns()
            found = titles.search(part)
            country = table[found.group()] if found else None
        return country

    def _resolve_names(self, head: str, before: int) -> str | None:
        tokens = [t for t in NAME_TOKEN.findall(head) if t not in NAME_STOP]
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
        analyst = frame_patterns()["analyst"]
        if analyst.search(appos_text) or analyst.search(pre[-40:]):
            return "ANALYST"
        states = [m for m in find_actors(pre) if m.kind in ("state", "people")]
        if states:
            return canonical_state(states[0])
        country = self._resolve_actors(pre)
        if country is None and appos_text:
            country = self._resolve_actors(appos_text)
        if country is None:
            titles, table = title_patterns()
            found = titles.search(pre)
            country = table[found.group()] if found else None
        return country

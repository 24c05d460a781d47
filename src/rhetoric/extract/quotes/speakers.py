"""Speaker analysis (title, name, affiliation) and resolution against earlier speakers."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from functools import cached_property, lru_cache

from rhetoric.lexicons import read_lexicon_lines
from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.actors import actor_entry, find_actors, state_adjective
from rhetoric.text.datelines import capital_dateline_state, is_dateline
from rhetoric.text.sentences import abbreviations
from rhetoric.extract.quotes.lexicon import (
    _CAPITAL_STOP,
    _DETERMINERS,
    _HONORIFICS,
    _HONORIFIC_GENDER,
    _PRONOUNS,
    _lexicons,
)
from rhetoric.extract.quotes.model import Quote, _Found
from rhetoric.extract.quotes.phrases import _PARTICLE_NAME, NAME_PARTICLES, SOURCE_NEAR, _Tok, _tokens


@dataclass
class _Speaker:
    name: str | None
    title: str | None
    affiliation: str | None
    kind: str                 # person | role | group | org | document | source | pronoun | unknown
    gender: str | None = None
    surnames: tuple[str, ...] = ()
    last_at: int = -1         # where the article last names this speaker (a speaker span's start)


def _blocks_name(word: str) -> bool:
    """A word that cannot be part of a person's name: an actor that is not a person."""
    entry = actor_entry(word)
    return entry is not None and entry.kind != "person"


@lru_cache(maxsize=1)
def _office_heads() -> frozenset[str]:
    return frozenset(read_lexicon_lines("office_heads.txt"))


def _holds_office(title: str | None) -> bool:
    return bool(title) and any(word.strip(",.").lower() in _office_heads() for word in title.split())


@lru_cache(maxsize=1)
def _office_titles() -> tuple[tuple[str, str], ...]:
    return tuple((row[0].lower(), row[1]) for row in read_lexicon_table("official_titles.tsv") if len(row) >= 2)


def _office_country(title: str) -> str | None:
    """The state of a title that names one state's office ("Defense Secretary")."""
    low = f" {title.lower()} "
    for office, country in _office_titles():
        if f" {office} " in low:
            return country
    return None


def _article_state(text: str) -> str:
    """The state an article is about: named in at least half of its state
    mentions, and at least three times; else ""."""
    counts: dict[str, int] = {}
    for mention in find_actors(text):
        if mention.kind in ("state", "people"):
            counts[mention.country] = counts.get(mention.country, 0) + 1
    if not counts:
        return ""
    best = max(sorted(counts), key=counts.__getitem__)
    return best if counts[best] >= 3 and 2 * counts[best] >= sum(counts.values()) else ""


def _affiliation_from(text: str, context: str | None = None) -> str | None:
    """The state or body the first actor named in ``text`` acts for (a short
    form, "the Joint Chiefs", resolved from the article ``context``)."""
    for mention in find_actors(text, context=context):
        if mention.kind in ("state", "people", "organisation", "alliance"):
            return mention.country or mention.actor
    return None


_ORG_AFTER_PREP = re.compile(
    r"\b(?:at|of|with|for|from)\s+(?:the\s+)?((?:[A-Z][\w'’.\-&]*|of|for|and|on|the)(?:\s+(?:[A-Z][\w'’.\-&]*|of|for|and|on|the))*)")


_ROLE_TO = re.compile(r"(?<=[a-z])\s(?:to|for)\s+(?:the\s+)?[A-Z]")


# title words that are also surnames, read as the surname after a given name
# ("Charlie King", "Erik Prince", "Mark Judge"), not after a state ("Saudi King")
_SURNAME_TITLES = frozenset({"king", "prince", "judge", "bishop", "dean", "marshal"})
# roles that speak or work for a body, which a capitalised modifier names
# ("a Twitter spokesman", "an ADL official"); not a politician's place ("the
# Florida senator") or a person followed ("a Trump supporter", "a Clinton aide")
_SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson spokespeople representative representatives official officials "
                        "executive executives employee employees reporter reporters correspondent researcher researchers "
                        "analyst analysts lawyer lawyers attorney attorneys engineer engineers staffer staffers".split())


def _analyse_mention(text: str, start: int, end: int, appositives: list[tuple[int, int]]) -> _Speaker:
    lex = _lexicons()
    mention = text[start:end]
    tokens = _tokens(mention, 0, len(mention))
    words = [t.text for t in tokens]
    lows = [w.lower() for w in words]
    if len(lows) == 1 and lows[0] in _PRONOUNS:
        return _Speaker(None, None, None, "pronoun", lex.noun_gender.get(lows[0]))
    near = SOURCE_NEAR.search(mention)
    if near is not None and (near.start() == 0 or mention[near.start() - 1] in " ,"):
        # "sources close to the Kremlin": unnamed; placed with the state of whom they are close to
        placed = [m.country for m in find_actors(near.group("near"), context=text)
                  if m.kind in ("state", "people", "organisation", "alliance", "person") and m.country]
        source = " ".join(w.lower() for w in near.group("source").split() if w.lower() not in _DETERMINERS)
        return _Speaker(None, source, placed[0] if placed else None, "source")
    appositive_text = " ".join(text[a:b] for a, b in appositives)
    post = re.search(r"\s(?:of|at|from|with)\s+(?:the\s+)?[A-Z]", mention) or \
        _ROLE_TO.search(mention)  # "a senior adviser to President Putin": the adviser speaks
    if post and post.start() > 0:
        head_part = mention[:post.start()].split()
        if len(head_part) >= 2 and head_part[-1][:1].isupper() and head_part[-1].lower() not in lex.title_role and \
                head_part[-1].lower() not in lex.noun_kind and not actor_entry(head_part[-1]):
            org = mention[post.start():].strip()
            org = re.sub(r"^(?:of|at|from|with)\s+(?:the\s+)?", "", org)
            inner = _analyse_mention(text, start, start + post.start(), appositives)
            if inner.kind == "person":
                inner.affiliation = inner.affiliation or _affiliation_from(org, text) or org
                return inner
        head = head_part[-1].lower() if head_part else ""
        org = re.sub(r"^(?:of|at|from|with|to|for)\s+(?:the\s+)?", "", mention[post.start():].strip())
        org_words = org.split()
        titled_office = head_part and head_part[-1][:1].isupper() and lex.title_role.get(head) == "head" and \
            all(w.lower() in lex.title_role for w in head_part[1:] if w[:1].isupper()) and \
            (len(org_words) <= 2 or actor_entry(" ".join(org_words)) is not None) and \
            not _PORTFOLIO.fullmatch(" ".join(org_words))
        if head_part and (head_part[-1][:1].islower() or titled_office) and (lex.noun_kind.get(head) == "person" or
                                                                          lex.title_role.get(head) == "head") and \
                not any(w[:1].isupper() and w.lower() not in lex.title_role for w in head_part[1:]):
            # "the Prime Minister of Crimea" (an office of a place, no name after it) is a role too
            # "A woman worker of the Pyongyang Textile Mill": the worker speaks, the mill is where
            title = " ".join(w for w in head_part if w.lower() not in _DETERMINERS)
            return _Speaker(None, title, _affiliation_from(org, text) or org, "role", lex.noun_gender.get(head))
    its_organ = _its_organ(text, start, mention)
    if its_organ is not None:
        return its_organ
    # drop determiners and a leading country ("South Korean", "North Korea's")
    i = 0
    while i < len(words) and lows[i] in _DETERMINERS:
        i += 1
    affiliation = None
    country_end = i
    leading_state = None
    for actor in find_actors(mention, context=text):
        if actor.start >= tokens[i].start if i < len(tokens) else False:
            if actor.kind in ("state", "people", "organisation", "alliance"):
                affiliation = affiliation or actor.country
            # leading states, the one nearest the name winning ("Ukraine Russian President Vladimir Putin")
            if country_end < len(tokens) and actor.start == tokens[country_end].start and actor.kind in ("state", "people"):
                leading_state = actor.country
                country_end_char = actor.end
                while country_end < len(tokens) and tokens[country_end].start < country_end_char:
                    country_end += 1
                if country_end < len(tokens) and tokens[country_end].text in ("'s", "’s"):
                    country_end += 1
    affiliation = leading_state or affiliation
    if affiliation is None and appositive_text:
        # a named organisation after a preposition ("professor of North Korean studies at
        # Hanbit University") wins over a state named as a topic
        organisations = [org.group(1).strip() for org in _ORG_AFTER_PREP.finditer(appositive_text)
                         if not actor_entry(org.group(1).strip()) and len(org.group(1).split()) >= 2
                         and not _affiliation_from(org.group(1))]
        affiliation = organisations[0] if organisations else _affiliation_from(appositive_text, text)
    # person name: trailing capitalised tokens that are not title words
    core = tokens[country_end:]
    name_tokens: list[_Tok] = []
    for position, tok in reversed(list(enumerate(core))):
        low = tok.low.rstrip(",")
        if low in NAME_PARTICLES and name_tokens and position and core[position - 1].text[:1].isupper():
            # "Pieter van Houten", "Ursula von der Leyen": a particle inside a name
            name_tokens.insert(0, tok)
            continue
        after_honorific = position > 0 and core[position - 1].low in _HONORIFICS and not name_tokens
        # a surname that is also a title word after a given name ("Charlie King", "Matthew Prince")
        prev = core[position - 1] if position > 0 else None
        after_honorific = after_honorific or (position == len(core) - 1 and low in _SURNAME_TITLES and
                                              prev is not None and
                                              prev.text[:1].isupper() and prev.low not in lex.title_role and
                                              prev.low not in lex.noun_kind and prev.low not in _CAPITAL_STOP and
                                              prev.low not in _HONORIFICS and not actor_entry(prev.text) and
                                              not _blocks_name(prev.text))
        if (tok.text[:1].isupper() or _PARTICLE_NAME.match(tok.text)) and (
                low not in lex.title_role or after_honorific) and \
                low not in lex.noun_kind and not _blocks_name(tok.text) \
                and low not in _CAPITAL_STOP and not re.search(r"['’]s$", tok.text) or (
                    re.fullmatch(r"[A-Z]\.", tok.text) and name_tokens) or (tok.text in ("Jr.", "III", "II", "IV")):
            name_tokens.insert(0, tok)
            continue
        break
    honorific_gender = None
    while name_tokens and name_tokens[0].low in _HONORIFICS:
        honorific_gender = _HONORIFIC_GENDER.get(name_tokens[0].low, honorific_gender)
        name_tokens.pop(0)
    before_name = len(core) - len(name_tokens) - 1
    if name_tokens and honorific_gender is None and before_name >= 0 and core[before_name].low in _HONORIFICS:
        honorific_gender = _HONORIFIC_GENDER.get(core[before_name].low)  # "Mr Vlasenko": the honorific stopped the name
    title_tokens = core[:len(core) - len(name_tokens)] if name_tokens else core
    title_tokens = [t for t in title_tokens if t.low not in _HONORIFICS]
    has_head = any(lex.title_role.get(t.low.rstrip(",")) == "head" for t in title_tokens)
    gender = honorific_gender
    for t in title_tokens:
        gender = gender or lex.title_gender.get(t.low)
    title = " ".join(t.text for t in title_tokens) if has_head and title_tokens else None
    if name_tokens and len(name_tokens) <= 5 and (len(name_tokens) >= 2 or title or len(core) == 1 or honorific_gender):
        name = " ".join(mention[name_tokens[0].start:name_tokens[-1].end].split())  # "Sergei\u00a0Lavrov"
        body = actor_entry(name)
        if body is not None and body.kind in ("organisation", "alliance") and not title:
            # a body the gazetteer knows by a two-word name ("Rodong Sinmun") is no person
            return _Speaker(body.actor, None, body.country, "org")
        if title is None and appositive_text:
            title = _title_from_appositive(appositive_text)
        known = actor_entry(name)
        if affiliation is None and known is not None and known.kind == "person":
            affiliation = known.country
        return _Speaker(name, title, affiliation, "person", gender,
                        tuple(t.text for t in name_tokens if len(t.text) > 1))
    head = lows[-1] if lows else ""
    head_base = re.sub(r"['’]s$", "", head)
    head_kind = lex.noun_kind.get(head_base, "")
    entry = actor_entry(mention) or actor_entry(" ".join(words[i:]))
    resolved = [m for m in find_actors(mention, context=text) if m.start == tokens[i].start and m.end == len(mention)] \
        if i < len(tokens) else []
    if entry is not None and entry.candidates:
        # a short form ("the Joint Chiefs of Staff"): keep its words, take its state from the article
        if not resolved:
            return _Speaker(" ".join(words[i:]), None, None, "org")
        return _Speaker(" ".join(words[i:]), None, resolved[0].country, "org")
    if head_kind == "group" and not entry:
        title = " ".join(w for w in lows[country_end:] if w not in _DETERMINERS) or None
        return _Speaker(None, title if title and len(title.split()) > 1 or lex.title_role.get(head_base) else None,
                        affiliation, "group")
    if entry is not None and entry.kind in ("organisation", "state", "alliance"):
        return _Speaker(entry.actor if entry.kind != "state" else entry.actor, None, entry.country, "org")
    if head_kind in ("org", "document") or (core and all(t.text[:1].isupper() for t in core)):
        # organisation names without determiner; a leading state's possessive becomes its adjective
        # for an organ every state has, and goes for a named organ (see _organ_name)
        name = mention[tokens[i].start:] if i < len(tokens) else None
        if name and country_end > i:
            name = _organ_name(mention, tokens, country_end, leading_state) or name
        if head_kind == "document":
            return _Speaker(None, None, affiliation, "document")
        return _Speaker(name or None, None, affiliation, "org" if head_kind != "group" else "group")
    if head_kind == "group" or head_base.endswith("s") and lex.title_role.get(head_base) == "head":
        title = " ".join(w for w in lows[country_end:] if w not in _DETERMINERS) or None
        return _Speaker(None, title, affiliation, "group")
    if head_kind == "person" or lex.title_role.get(head_base) == "head":
        title = " ".join(w for w in words[country_end:]) or None
        modifiers = words[country_end:-1]
        if affiliation is None and i > 0 and modifiers and head_base in _SPEAKS_FOR and all(
                w[:1].isupper() and w.lower() not in lex.title_role and w.lower() not in lex.noun_kind
                for w in modifiers):
            # "A Twitter spokesman": the capitalised modifier names the body it speaks for
            affiliation = " ".join(modifiers)
        return _Speaker(None, title, affiliation, "role", gender)
    return _Speaker(None, None, affiliation, "unknown")


@lru_cache(maxsize=1)
def _generic_organ_words() -> frozenset[str]:
    return frozenset(read_lexicon_lines("generic_organs.txt"))


_ITS = re.compile(r"[Ii]ts\s+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?”])\s+")


def _its_organ(text: str, start: int, mention: str) -> _Speaker | None:
    """"Its foreign ministry" after a sentence about a state: that state's
    organ, named with its adjective ("North Korean foreign ministry"). The
    state is the first one named (the subject, as a rule) earlier in the
    sentence, else in the sentence before."""
    match = _ITS.match(mention)
    organ = mention[match.end():] if match else ""
    if not organ or not all(word.lower() in _generic_organ_words() for word in re.findall(r"[\w\-]+", organ)):
        return None
    pieces = _SENTENCE_BREAK.split(text[max(0, start - 400):start])
    state = None
    for piece in reversed(pieces[-2:]):
        states = [m for m in find_actors(piece, context=text) if m.kind in ("state", "people")]
        if states:
            state = states[0].country
            break
    if state is None:
        return None
    adjective = state_adjective(state)
    return _Speaker(f"{adjective or state} {organ}", None, state, "org")


def _organ_name(mention: str, tokens: list[_Tok], country_end: int, state: str | None) -> str | None:
    """The name of an organisation written after its state ("South Korea's
    Defense Ministry" -> "South Korean Defense Ministry", "South Korea's Joint
    Chiefs of Staff" -> "Joint Chiefs of Staff"); None when the state is not
    a possessive or nothing follows it."""
    if state is None or country_end >= len(tokens) or not re.search(r"['’]s$", tokens[country_end - 1].text):
        return None
    organ = mention[tokens[country_end].start:].strip()
    if not all(word.lower() in _generic_organ_words() for word in re.findall(r"[\w\-]+", organ)):
        return organ  # a named organ identifies itself; the state is its affiliation
    adjective = state_adjective(state)
    return f"{adjective} {organ}" if adjective else f"{state} {organ}"


def _title_from_appositive(appositive: str) -> str | None:
    match = re.match(r"(?:a|an|the|his|her|its|their)\s+(.*)", appositive, re.IGNORECASE)
    if not match:
        return None
    phrase = re.split(r",|\bwho\b|\bwhich\b|\bthat\b", match.group(1))[0]
    phrase = re.split(r"\s+(?:at|with|for|from|in)\s+", phrase)[0].strip()
    phrase = _AGE.sub("", phrase).strip()  # "a 46-year-old (father of two)": an age is no title
    if 0 < len(phrase.split()) <= 6:
        return phrase
    return None


_AGE = re.compile(r"^\d+[- ]year[- ]old\b", re.IGNORECASE)


def _headline_end(text: str) -> int:
    """The end of a headline line (a first line followed by a blank line,
    without closing punctuation), or 0 when the text opens with none."""
    end = text.find("\n\n")
    if end <= 0 or "\n" in text[:end] or end > 300 or text[:end].rstrip()[-1:] in ".!?:\"”’'":
        return 0
    return end


def _clean_speaker_span(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The speaker span without what precedes a line break in it ("OSCE\\n\\nThe SMM"
    -> "The SMM"); None for a dateline."""
    start, end = span
    newline = text.rfind("\n", start, end)
    if newline >= 0:
        start = newline + 1
        while start < end and text[start].isspace():
            start += 1
    if start >= end or is_dateline(text, start, end):
        return None
    return start, end


def _resolve(text: str, found: list[_Found]) -> list[Quote]:
    headline = _headline_end(text)
    if headline:
        # a headline with a speech verb ("Putin warns ...") is a headline, not a quote
        found = [item for item in found if not (item.attribution.cue and item.attribution.cue[1] <= headline
                                                and text[item.attribution.cue[0]:item.attribution.cue[1]][:1].isalpha())]
    found = [_with_speaker(item, _clean_speaker_span(text, item.attribution.speaker))
             if item.attribution.speaker else item for item in found]
    states = None
    dateline: str | None = None
    history: list[_Speaker] = []
    quotes: list[Quote] = []
    by_span: dict[tuple[int, int], _Speaker] = {}
    order = sorted(range(len(found)), key=lambda k: (found[k].attribution.speaker or found[k].content)[0])
    narrative = _Narrative(text, sorted(item.content for item in found if item.kind == "direct"))
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
        speaker = _named_in_appositive(text, speaker, attribution.appositives) or speaker
        speaker = _link(text, key[0], key[1], speaker, history, narrative)
        if speaker.affiliation is None and speaker.kind in ("person", "role") and _holds_office(speaker.title):
            # "Defense Secretary Margaret Hale" in an article about U.S. policy: the article's state
            states = _article_state(text) if states is None else states
            if dateline is None:
                dateline = capital_dateline_state(text)
            speaker.affiliation = _office_country(speaker.title) or \
                _place_of_speech(text, attribution.cue, key) or dateline or states or None
        speaker.last_at = max(speaker.last_at, key[0])
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
            speaker_name=_one_spaced(speaker.name), speaker_title=_one_spaced(speaker.title),
            speaker_affiliation=speaker.affiliation,
        ))
    return quotes


def _one_spaced(name: str | None) -> str | None:
    """A name with its spaces as single plain spaces ("Vladimir\u00a0Putin" is "Vladimir Putin")."""
    return " ".join(name.split()) if name else name


_SPOKEN_IN = re.compile(r"\s+(?:on\s+[A-Z]\w+\s+|\w+\s+reporters\s+|\w+\s+)?in\s+([A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+)?)")


def _place_of_speech(text: str, cue: tuple[int, int] | None, speaker: tuple[int, int]) -> str | None:
    """The state whose capital or seat of government an office holder speaks
    in ("Defense Minister Kim Sun-ho said in Seoul", "told reporters in
    Kyiv"): the place after the cue and speaker, when the gazetteer gives it as
    a state's name or seat."""
    if cue is None:
        return None
    match = _SPOKEN_IN.match(text, max(cue[1], speaker[1]))
    if match is None:
        return None
    mentions = find_actors(match.group(1), context=text)
    return mentions[0].country if mentions and mentions[0].kind == "state" and mentions[0].start == 0 else None


def _named_in_appositive(text: str, speaker: _Speaker, appositives: list[tuple[int, int]]) -> _Speaker | None:
    """A role named by its appositive ("the head of the service, Rimantas
    Vaitkus, told ...") is that person, with the role as title."""
    misread = speaker.kind == "person" and speaker.name is not None and _blocks_name(speaker.name)
    if not misread and (speaker.kind not in ("role", "unknown", "org") or (speaker.name and speaker.kind != "org")):
        return None  # ("ambassador to the United Nations" read as a person "United Nations" is a role)
    for start, end in appositives:
        named = _analyse_mention(text, start, end, [])
        if named.kind == "person" and named.name and len(named.name.split()) >= 2 and \
                _without_honorific(text[start:end].strip()) == named.name:
            named.title = named.title or speaker.title or (speaker.name if speaker.kind == "org" else None)
            named.affiliation = named.affiliation or speaker.affiliation
            return named
    return None


# a ministry's portfolio completes a title ("Secretary of State", "Minister of
# Defence", "Chief of Staff"); it is not where the office is
_PORTFOLIO = re.compile(r"(?:the\s+)?(?:state|defen[cs]e|staff|justice|interior|finance|health|foreign\s+affairs|"
                        r"home\s+affairs|internal\s+affairs|energy|education|treasury|agriculture|labou?r|commerce|"
                        r"trade|transport|war|navy|army|air\s+force|information|culture|security)", re.IGNORECASE)


def _without_honorific(phrase: str) -> str:
    """ "Mr Sergei Aksyonov" -> "Sergei Aksyonov"."""
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in _HONORIFICS:
        words.pop(0)
    return " ".join(words)


def _with_speaker(item: _Found, span: tuple[int, int] | None) -> _Found:
    if span == item.attribution.speaker:
        return item
    return replace(item, attribution=replace(item.attribution, speaker=span))


def _link(text: str, start: int, end: int, speaker: _Speaker, history: list[_Speaker],
          narrative: _Narrative | None = None) -> _Speaker:
    """Resolve pronouns, surnames and descriptions against earlier speakers
    (``narrative``: the article's quotations and words, for pronouns)."""
    mention = text[start:end]
    low = mention.lower()
    if speaker.kind == "pronoun":
        wanted = "person" if low in ("he", "she", "i") else ("org" if low == "it" else None)
        if wanted == "person" and low != "i":
            named = _person_named_since(text, start, speaker, history, narrative or _Narrative(text, []))
            if named is not None:
                return named
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
            found = _earlier_full_name(text, start, surname)
            if found:
                full, appositive_state = found
                full.affiliation = full.affiliation or appositive_state
                return full
        for earlier in history:
            if earlier.kind == "person" and earlier.name == speaker.name:
                earlier.title = earlier.title or speaker.title
                earlier.affiliation = earlier.affiliation or speaker.affiliation
                return earlier
        if speaker.name and len(speaker.name.split()) == 2:
            # "Castro Diaz-Balart said" after "Fidel Castro Diaz-Balart, scientific
            # adviser of the State Council of Cuba": a double surname, the full name before
            for earlier in reversed(history):
                if earlier.kind == "person" and earlier.name and earlier.name.endswith(" " + speaker.name):
                    return earlier
            found = _earlier_full_name(text, start, speaker.name)
            full, appositive_state = found if found else (None, None)
            given = full.name[:-len(speaker.name)].split() if full and full.name else []
            if full and 1 <= len(given) <= 2 and all(_GIVEN_NAME.fullmatch(word) for word in given):
                # the name only: the mention's own title and affiliation stand (the
                # earlier mention's window may hold another state: "…, voiced support for U.S. …"),
                # else the state its appositive names
                full.title = speaker.title or full.title
                full.affiliation = speaker.affiliation or appositive_state
                return full
        del tokens
        return speaker
    words = low.split()
    if speaker.kind == "org" and len(words) == 2 and words[0] == "the" and _lexicons().title_role.get(words[1]) == "head":
        speaker = _Speaker(None, mention.split()[1], None, "role")  # "the Chancellor", "The President": an office
    if speaker.kind == "role":
        head = low.split()[-1] if low.split() else ""
        for earlier in reversed(history):
            if earlier.title and head and head in earlier.title.lower():
                return earlier
        if head and mention.split()[0].lower() == "the" and _lexicons().title_role.get(head) == "head":
            # "said the Chancellor" after "reported Chancellor Angela Merkel": the holder named before
            holder = _earlier_titled_person(text, start, head=head, reach=3000)
            if holder is not None:
                return holder
        return speaker
    words_as_written = mention.split()
    if speaker.kind in ("org", "document") and words_as_written and words_as_written[0].lower() in (
            "the", "its", "this", "that") and not any(w[:1].isupper() for w in words_as_written[1:]) and \
            (speaker.name is None or speaker.name.lower() == " ".join(words_as_written[1:]).lower()):
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


_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*)+")  # on one line
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w'’\-]+\b")
_NAME_RUN = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’\-]*)+")  # on one line
_PRONOUN_REACH = 400  # characters before "he"/"she" searched for the person last named


_CLAUSE_START = re.compile(r"(?:^|[.!?:;”\"’]\s*|\n\s*)$")


_SUBJECT_FOLLOWS = re.compile(r",|[ \t]+[a-z]")
_NAME_IN_COMMAS = re.compile(r",[ \t]+([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)+),")
# a sentence's subject that describes a person without naming one ("A 29-year-old Berlin woman received ...")
_DESCRIBED_PERSON = re.compile(
    r"(?:A|An|One)[ \t]+(?:[\w'’-]+[ \t]+){0,4}?(?P<noun>woman|man|mother|father|resident|worker|student|"
    r"soldier|voter|supporter|protester|refugee|teenager|girl|boy|widow|farmer|shopkeeper|veteran)(?=,|[ \t]+[a-z])")
_ROLE_THEN_NAME = re.compile(r"[ \t]+([a-z][a-z\-]*)[ \t]+[A-Z][\w'’\-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’\-]*)+")


_WORD_BEFORE_PERIOD = re.compile(r"([\w.]+)\.\s*$")


def _introduces_person(text: str, start: int, end: int) -> bool:
    """A name written as news introduces a person: opening a sentence as its
    subject, followed by an appositive ("Evelyn Marsh, the former negotiator,
    ...") or by the rest of its clause ("Foreign Minister Sergei Lavrov met
    ..."), not as a possessive ("Putin's spokesman ...") nor after an
    abbreviation ("Gov. John Kasich", "A. E. Dick Howard")."""
    if text[end - 2:end] in ("'s", "’s") or _SUBJECT_FOLLOWS.match(text, end) is None:
        return False
    while True:
        opening = _CLAUSE_START.search(text, max(0, start - 3), start)
        if opening is None:
            return False
        ends_line = "\n" in opening.group()  # a new line always opens one ("8:55 p.m.\n\nHillary Clinton ...")
        word = _WORD_BEFORE_PERIOD.search(text, max(0, start - 20), start) \
            if "." in opening.group() and not ends_line else None
        if word is None or not (len(word.group(1)) == 1 or abbreviations().holds(word.group(1).lower())):
            return True
        start = word.start(1)  # "Sr. Enrica Rosanna" opens a sentence when "Sr." does


_WORD = re.compile(r"[\w'’\-]+")
# a clause that opens with a title before a name: capitalised words, then at most
# three lower-case words, the last the title ("Ukraine's security chief ", "Political analyst ")
_TITLE_OPENING = re.compile(r"(?:[A-Z][\w'’.\-]*[ \t]+)*(?:[a-z][\w\-]*[ \t]+){0,2}(?P<title>[a-z][\w\-]*)[ \t]+")
_OPENING_BEFORE = re.compile(r"(?:^|[.!?:;”\"]\s+|,[ \t]+|\n\s*)(?=[^.!?:;,\n]*$)")


def _title_opening(text: str, start: int, end: int) -> int | None:
    """A name after a lower-case title that opens its clause, as the clause's
    subject: "Ukraine's security chief Andriy Parubiy visited ...", not an
    object ("he met presidential candidate Donald Trump", "the exodus of
    former campaign manager Barry Bennett"). The start of the title phrase, or None."""
    opening = _OPENING_BEFORE.search(text, max(0, start - 120), start)
    if opening is None:
        return None
    segment = _TITLE_OPENING.fullmatch(text, opening.end(), start)
    if segment is None or _lexicons().title_role.get(segment.group("title")) != "head" or \
            text[end - 2:end] in ("'s", "’s") or _SUBJECT_FOLLOWS.match(text, end) is None:
        return None
    first = text[opening.end():start].split()[0]
    if first.lower() in _CAPITAL_STOP:
        return opening.end() + len(first) + 1  # "To Montclair State University professor ...": not the title's
    return opening.end()


class _Narrative:
    """What the pronoun search reads of one article, gathered once: where its
    direct quotations stand (their names are not the narrative's) and, when
    first asked, its words as written."""

    def __init__(self, text: str, quoted: list[tuple[int, int]]) -> None:
        self.text, self.quoted = text, quoted  # quoted: sorted, non-overlapping content spans

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(_WORD.findall(self.text))

    def quotes(self, position: int) -> bool:
        """Whether ``position`` lies inside a direct quotation."""
        index = bisect_right(self.quoted, (position, position)) - 1
        return index >= 0 and self.quoted[index][0] <= position < self.quoted[index][1]

    def common_word(self, word: str) -> bool:
        """A capitalised word that the article also writes in lower case
        ("Had", "Does", "Against") or an -ing form ("Entrusting") opens a
        sentence; it is not the first name of the person after it."""
        lower = word.lower()
        return lower.endswith("ing") or lower in self.words


def _past_word(text: str, start: int, end: int) -> int:
    """The start of the word after the one at ``start`` (within ``end``)."""
    start += len(text[start:end].split()[0])
    while start < end and text[start].isspace():
        start += 1
    return start


def _person_named_since(text: str, before: int, pronoun: _Speaker, history: list[_Speaker],
                        narrative: _Narrative) -> _Speaker | None:
    """The person last named before a "he"/"she" when the article names them
    after the latest person speaker ("Evelyn Marsh, the former negotiator, was
    unsurprised. 'Nobody negotiates in a hallway,' she said."): a full name, or
    the surname of an earlier speaker ("Back in the village, Choi ... She
    said"), within the 400 characters before the pronoun. None when no person
    is named since the latest person speaker or the gender disagrees."""
    people = [earlier for earlier in history if earlier.kind == "person"]
    floor = max([0, before - _PRONOUN_REACH] + [earlier.last_at + 1 for earlier in people[-1:]])
    best: tuple[int, _Speaker] | None = None
    for match in _NAME_RUN.finditer(text, floor, before):
        start = match.start()
        first = match.group().split()[0]
        if first.lower() in _CAPITAL_STOP or first.lower() in _DETERMINERS:
            start = _past_word(text, start, match.end())
        introduces = _introduces_person(text, start, match.end())
        titled_from = None if introduces else _title_opening(text, start, match.end())
        if not (introduces or titled_from is not None) or narrative.quotes(start):
            continue
        if narrative.common_word(text[start:match.end()].split()[0]):
            start = _past_word(text, start, match.end())
        end = match.end()
        role = _ROLE_THEN_NAME.match(text, end)
        if role and (_lexicons().title_role.get(role.group(1)) == "head" or
                     _lexicons().noun_kind.get(role.group(1)) == "person"):
            end = role.end()  # "Fox News White House correspondent Ed Henry": the person is Ed Henry
        found = _analyse_mention(text, start if titled_from is None else titled_from, end, [])
        if found.kind == "person" and found.name and len(found.name.split()) >= 2:
            known = next((p for p in people if p.name == found.name), None)
            best = (match.start(), known or found)
    surnames = {surname: earlier for earlier in people for surname in earlier.surnames}
    for match in _CAPITALISED_WORD.finditer(text, floor, before):
        if match.group() in surnames and (best is None or match.start() > best[0]) and \
                not narrative.quotes(match.start()):
            honorific = text[max(floor, match.start() - 6):match.start()].split()[-1:]
            gender = _HONORIFIC_GENDER.get(honorific[0].lower()) if honorific else None
            if not (pronoun.gender and gender and gender != pronoun.gender):  # "said Ms Geller ... he": not her
                best = (match.start(), surnames[match.group()])
    described = None
    for match in _DESCRIBED_PERSON.finditer(text, floor, before):
        if _CLAUSE_START.search(text, max(0, match.start() - 3), match.start()) and not narrative.quotes(match.start()):
            described = match
    if described is not None and (best is None or described.start() > best[0]):
        # "A 29-year-old Berlin woman ... “Filth out!” she said": someone described, not named
        gender = _lexicons().noun_gender.get(described.group("noun").lower())
        if not (pronoun.gender and gender and gender != pronoun.gender):
            named = _NAME_IN_COMMAS.match(text, described.end())
            if named is not None:  # "One local woman, Karen Robison, pulled ...": she is named after all
                found = _analyse_mention(text, named.start(1), named.end(1), [])
                if found.kind == "person" and found.name:
                    found.gender = found.gender or gender
                    return next((p for p in people if p.name == found.name), found)
            return _Speaker(None, None, None, "role", gender=gender, last_at=described.start())
    if best is None:
        return None
    person = best[1]
    if pronoun.gender and person.gender and pronoun.gender != person.gender:
        return None
    if pronoun.gender and person.gender is None:
        person.gender = pronoun.gender
    return person


def _earlier_titled_person(text: str, before: int, head: str | None = None, reach: int = 600) -> _Speaker | None:
    """The nearest earlier mention of a titled person ("Defense Secretary Lloyd J.
    Austin III") within the ``reach`` characters before a pronoun with no earlier
    speaker; with ``head``, only a title holding that word ("Chancellor")."""
    best = None
    for match in _CAPITALISED_RUN.finditer(text, max(0, before - reach), before):
        start = match.start()
        first = match.group().split()[0]
        if first.lower() in _CAPITAL_STOP:
            start += len(first)
            while start < match.end() and text[start].isspace():
                start += 1
        speaker = _analyse_mention(text, start, match.end(), [])
        if speaker.kind == "person" and speaker.title and speaker.name and len(speaker.name.split()) >= 2 and (
                head is None or _holds(speaker.title, head)) and not _ends_sentence(speaker.name):
            best = speaker
    return best


def _ends_sentence(name: str) -> bool:
    """A period after a name word that is no abbreviation: "Jim Yong Kim." ends a
    sentence; "Lloyd J. Austin", "Harry B. Harris Jr." do not."""
    return any(word.endswith(".") and len(word) > 2 and not abbreviations().holds(word[:-1].lower())
               for word in name.split())


def _holds(title: str, head: str) -> bool:
    """Whether ``title`` is an office of that head word and nothing else:
    "President", "Russian President", "Vice President" for "president", not
    "World Bank President" (another body's office)."""
    words = title.split()
    if not words or words[-1].lower() != head:
        return False
    lex = _lexicons()
    return all(w.lower() in lex.title_role or actor_entry(w) is not None for w in words[:-1])


# a name is written on one line, of words and initials ("Gonzalo P."; not "California." ending a sentence)
_NAME_BEFORE = re.compile(r"(?:(?:[A-Z]\.|[A-Z][\w'’\-]*)[ \t]+){1,5}$")
_NAME_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w\-]*\w(?![\w\-]|\.\w))+")  # "Park Seung-ho." keeps "-ho"


_GIVEN_NAME = re.compile(r"[A-Z][a-z’'-]+|[A-Z]\.")  # "Fidel", "Aung", "J.": not "EPA", "AFP"


def _title_cased_line(text: str, position: int) -> bool:
    """Whether the line holding ``position`` is title-cased (a headline or a subheading)."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    words = [w for w in text[line_start:line_end if line_end >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


# the appositive right after a name: "Fidel Castro Diaz-Balart, scientific adviser of
# the State Council of the Republic of Cuba, made the remarks"
_APPOSITIVE_AFTER = re.compile(r",\s+(?P<appositive>[^,;:“”\"()\n]{3,160}?),")


def _appositive_state(text: str, end: int) -> str | None:
    """The one state the appositive after a name (ending at ``end``) names, if exactly one."""
    if end < 0:
        return None
    appositive = _APPOSITIVE_AFTER.match(text, end)
    if appositive is None or _NOT_AN_APPOSITIVE.match(appositive.group("appositive")):
        return None
    phrase = appositive.group("appositive")
    states = {m.country for m in find_actors(phrase, context=text)
              if m.kind in ("state", "people", "organisation") and m.country
              and not _RELATION_BEFORE.search(phrase, 0, m.start)}
    return states.pop() if len(states) == 1 else None


# "…, will be capped off by …": a predicate, not an appositive
_NOT_AN_APPOSITIVE = re.compile(r"(?:will|would|is|was|are|were|has|have|had|said|says|can|could|may|might|who|which)\b",
                                re.IGNORECASE)
# a state the person relates to, not one they belong to ("aligned with Israeli ...", "a pro-Israel donor")
_RELATION_BEFORE = re.compile(r"(?:\b(?:with|to|toward|towards|against|about|on|over|visited|visiting)\s+"
                              r"(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,2}|\b(?:pro|anti)-)$", re.IGNORECASE)


def _earlier_full_name(text: str, before: int, surname: str) -> tuple[_Speaker, str | None] | None:
    """The nearest earlier full mention of ``surname`` ("Margaret Hale" for "Hale",
    "Ri Chol-man" for "Ri"), analysed as a speaker mention, and the one state
    its appositive names (or None)."""
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
        if len(surname.split()) > 1 and _title_cased_line(text, position):
            continue  # "America Ferrera Sent Donald Trump A Message": a headline's capitals join no name
        speaker = _analyse_mention(text, start, stop, [])
        if speaker.kind == "person" and speaker.name and len(speaker.name.split()) > len(surname.split()) and (
                surname in speaker.name.split() or speaker.name.endswith(" " + surname)):
            return speaker, _appositive_state(text, stop)

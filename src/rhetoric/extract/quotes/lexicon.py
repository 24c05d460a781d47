"""Lexicons and closed-class words of the quote extractor (speaker titles and nouns, grammar words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rhetoric.lexicons import read_lexicon_table
from rhetoric.text.sentences import abbreviations


@dataclass(frozen=True)
class _Lexicons:
    title_role: dict[str, str]        # lowercased word -> head | modifier
    title_gender: dict[str, str]
    noun_kind: dict[str, str]         # lowercased word -> person | group | org | document | pronoun-*
    noun_gender: dict[str, str]
    abbreviations: frozenset[str]    # unconditional abbreviations (rhetoric.text.sentences.abbreviations)


@lru_cache(maxsize=1)
def _lexicons() -> _Lexicons:
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
    return _Lexicons(title_role, title_gender, noun_kind, noun_gender, abbreviations().always)


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
    r"to|with|via|through|before|after|over|outside|inside|near|from|following|ahead\s+of)\b[^,;:“”\".!?]{0,90}?\s)?"
    r"(?:that\b|,)",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+(?:[\"”’»)\]]|'')*(?=\s+(?:''|``|[\"“‘'(\[]){0,2}[A-Z0-9])")
_FRAGMENT_CONTINUES = re.compile(
    r"\s*(?:by|is|was|are|were|has|have|had|for|in|of|on|to|and|or|as|will|would|could|should|can|may|might)\s")
_TRAILING = ".,;:!? \t\n\r\f\v—–-"

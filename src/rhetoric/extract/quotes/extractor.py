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

from typing import TYPE_CHECKING

from rhetoric.extract.quotes.finder import _find
from rhetoric.extract.quotes.model import Quote, QuoteKind
from rhetoric.extract.quotes.speakers import _resolve
from rhetoric.text.document import as_document

if TYPE_CHECKING:
    from rhetoric.text.document import Document

__all__ = ["Quote", "QuoteKind", "extract_quotes", "find_quotes", "USES"]

#: The Document layers the quote extractor reads.
USES = ("paragraphs", "quote_marks", "speech_cues")


def extract_quotes(text: str | Document) -> list[Quote]:
    """All quotations in ``text`` (a string or a :class:`~rhetoric.text.document.Document`),
    in order of their content.

    >>> q = extract_quotes("“The drills will go ahead,” said Pentagon spokeswoman Dana Whitcomb.")[0]
    >>> q.kind, q.content, q.cue, q.speaker_name, q.speaker_title, q.speaker_affiliation
    ('direct', 'The drills will go ahead,', 'said', 'Dana Whitcomb', 'Pentagon spokeswoman', 'United States')
    >>> extract_quotes("The so-called “peace” talks stalled.")
    []
    """
    return list(as_document(text).quotes)


def find_quotes(doc: Document) -> list[Quote]:
    """The quotations of a Document, computed (``doc.quotes`` calls this once)."""
    if not doc.text:
        return []
    return _resolve(doc.text, _find(doc))

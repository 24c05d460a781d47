"""Quoted officials: direct, indirect and mixed quotations with their speakers."""

from rhetoric.extract.quotes.extractor import USES, Quote, QuoteKind, extract_quotes

__all__ = ["Quote", "QuoteKind", "extract_quotes", "USES"]

"""Quoted officials: direct, indirect and mixed quotations with their speakers."""

from rhetoric.extract.quotes.extractor import Quote, extract_quotes

__all__ = ["Quote", "extract_quotes"]

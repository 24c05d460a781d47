"""Feature extractors over a Document: quotes, threats, devices, frames."""

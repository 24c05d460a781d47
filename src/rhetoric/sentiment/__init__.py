"""Sentiment: VADER scores of text, and sentiment toward actor mentions."""

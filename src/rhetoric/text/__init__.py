"""The text layer: one analysed :class:`~rhetoric.text.document.Document` per
article, with its paragraphs, sentences, quote marks and actor mentions."""

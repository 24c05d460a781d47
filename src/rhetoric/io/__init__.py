"""Input and output: reading corpora, writing tables atomically, execution engines."""

"""vaderSentiment's analyzer with three of its hot spots rewritten, same scores.

``SentimentIntensityAnalyzer.polarity_scores`` spends much of its time on
work whose result it does not need: it rebuilds the text character by
character to spell out emojis even when there are none, and for every
sentiment word it lower-cases the whole token list again, up to four times
(``_negation_check`` three times, ``_special_idioms_check`` once), to read
two or three tokens. :class:`FastAnalyzer` skips the rebuild when the text
holds no emoji and lower-cases only the tokens it reads; every rule,
constant and rounding is vaderSentiment's own (the other methods are
inherited). ``benchmarks/vader_shortcut_check.py`` compares it with the
reference on 48,000 news snippets.

>>> from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
>>> text = "It was not so bad, but never this good!!"
>>> FastAnalyzer().polarity_scores(text) == SentimentIntensityAnalyzer().polarity_scores(text)
True
"""

from __future__ import annotations

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    negated,
)

__all__ = ["FastAnalyzer"]


class FastAnalyzer(SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` with the same scores, faster."""

    def polarity_scores(self, text: str) -> dict[str, float]:
        if not isinstance(text, str) or not self.emojis.keys().isdisjoint(text):
            return super().polarity_scores(text)
        # Without emojis the reference's rebuilt text is the text itself; from here on
        # this is vaderSentiment 3.3.2's polarity_scores line for line.
        text = text.strip()
        sentitext = SentiText(text)
        sentiments: list[float] = []
        words_and_emoticons = sentitext.words_and_emoticons
        for i, item in enumerate(words_and_emoticons):
            valence = 0
            if item.lower() in BOOSTER_DICT:
                sentiments.append(valence)
                continue
            if (i < len(words_and_emoticons) - 1 and item.lower() == "kind" and
                    words_and_emoticons[i + 1].lower() == "of"):
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
        def low(k: int) -> str:
            return str(words_and_emoticons[k]).lower()

        if start_i == 0:
            if negated([low(i - (start_i + 1))]):
                valence = valence * N_SCALAR
        if start_i == 1:
            if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 2) == "without" and low(i - 1) == "doubt":
                valence = valence
            elif negated([low(i - (start_i + 1))]):
                valence = valence * N_SCALAR
        if start_i == 2:
            if low(i - 3) == "never" and (low(i - 2) == "so" or low(i - 2) == "this") or \
                    (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
                valence = valence
            elif negated([low(i - (start_i + 1))]):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: list[str], i: int) -> float:
        n = len(words_and_emoticons)

        def low(k: int) -> str:
            return str(words_and_emoticons[k]).lower()

        w0, w1, w2, w3 = low(i), low(i - 1), low(i - 2), low(i - 3)
        onezero = "{0} {1}".format(w1, w0)
        twoonezero = "{0} {1} {2}".format(w2, w1, w0)
        twoone = "{0} {1}".format(w2, w1)
        threetwoone = "{0} {1} {2}".format(w3, w2, w1)
        threetwo = "{0} {1}".format(w3, w2)
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if n - 1 > i:
            zeroone = "{0} {1}".format(w0, low(i + 1))
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = "{0} {1} {2}".format(w0, low(i + 1), low(i + 2))
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

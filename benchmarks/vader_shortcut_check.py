"""Proof that rhetoric's VADER scores are vaderSentiment's own.

rhetoric.sentiment.vader gives a text none of whose tokens is in VADER's
lexicon (and that holds no emoji) compound 0 / neu 1 without running
``polarity_scores``, and otherwise runs rhetoric.sentiment.fastvader's
FastAnalyzer (three hot spots rewritten). This script scores NewsMTSC
sentences and random 1-7 word windows of them (the kind of text actor
sentiment scores around a mention) with rhetoric and with the reference
``SentimentIntensityAnalyzer`` (base and domain lexicon) and prints how many
differ (must be 0).

    python benchmarks/vader_shortcut_check.py [/work/shared/datasets/newsmtsc/train.jsonl] [--n 6000]
"""
import argparse
import json
import random
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from rhetoric.sentiment.vader import _sentiment, _words_without_valence, analyzer, domain_analyzer


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", nargs="?", default="/work/shared/datasets/newsmtsc/train.jsonl")
    parser.add_argument("--n", type=int, default=6000)
    args = parser.parse_args(argv)
    with open(args.jsonl, encoding="utf-8") as handle:
        pool = [json.loads(line)["sentence_normalized"] for line in handle][:args.n]
    rng = random.Random(1)
    snippets = ["", "   ", ":)", "no", "NO WAY", "kind of", "but", "!!!", "\U0001F600 fine", "war",
                "It was not so bad, but never this good!!", "without doubt the best", "the bomb", "kiss of death",
                "not the least bit happy", "at least good", "sort of nice", "never so happy?? really???"]
    for sentence in pool:
        words = sentence.split()
        snippets.append(sentence)
        for _ in range(3):
            a = rng.randrange(len(words))
            snippets.append(" ".join(words[a:a + rng.randrange(1, 8)]))
    reference = SentimentIntensityAnalyzer()
    reference_domain = SentimentIntensityAnalyzer()
    reference_domain.lexicon = domain_analyzer().lexicon
    differ = shortcut = 0
    for text in snippets:
        for domain in (False, True):
            vader = domain_analyzer() if domain else analyzer()
            shortcut += _words_without_valence(vader, text) is not None
            ref = (reference_domain if domain else reference).polarity_scores(text)
            got = _sentiment(text, domain)
            if (got.compound, got.pos, got.neu, got.neg) != (ref["compound"], ref["pos"], ref["neu"], ref["neg"]):
                differ += 1
                print("DIFFERS", repr(text), domain, got, ref)
    print(f"{2 * len(snippets)} texts scored; {shortcut} by the shortcut; {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

import pytest

from rhetoric.evaluate import greedy_match, prf, score_sample_gold

from conftest import SAMPLE_ARTICLES, SAMPLE_GOLD


def test_mutual_rule_needs_half_of_both_spans():
    assert greedy_match([(0, 100)], [(0, 40)], rule="mutual50") == []      # 40% of the prediction
    assert greedy_match([(0, 100)], [(0, 40)], rule="shorter50") == [(0, 0)]
    assert greedy_match([(0, 10)], [(5, 15)], rule="mutual50") == [(0, 0)]  # exactly half of each


def test_matching_is_one_to_one_largest_overlap_first():
    predicted = [(0, 10), (0, 12)]
    gold = [(0, 12)]
    assert greedy_match(predicted, gold) == [(1, 0)]
    assert greedy_match([], gold) == [] and greedy_match(predicted, []) == []
    with pytest.raises(ValueError, match="unknown matching rule"):
        greedy_match(predicted, gold, rule="any")


def test_prf():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(3, 4, 6) == (0.75, 0.5, 0.6)


def test_sample_gold_scores_are_high_and_stated():
    scores = score_sample_gold(SAMPLE_ARTICLES, SAMPLE_GOLD)
    quotes, threats = scores["quotes"], scores["threats"]
    # 140 threats: the DMZ mine-laying added on 2026-12-03 (data/raw/sample/README.md, Corrections)
    assert quotes["gold"] == 412 and threats["gold"] == 140
    assert quotes["precision"] >= 0.94 and quotes["recall"] >= 0.86
    assert threats["precision"] >= 0.90 and threats["recall"] >= 0.85 and threats["actor_agrees"] >= 0.85

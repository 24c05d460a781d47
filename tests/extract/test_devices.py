"""Tests for rhetoric.extract.devices: every device kind with positives and
negatives, the seed phrases, exact offsets and odd input."""

from __future__ import annotations

import pytest

from rhetoric import load_corpus
from rhetoric.extract.devices import DEVICE_KINDS, Device, extract_devices
from rhetoric.lexicons import lexicon_text

from conftest import BOMBER_ARTICLE, SAMPLE_ARTICLES, TALKS_ARTICLE

LEXICONS = (
    "devices_loaded_language.txt",
    "devices_name_calling.tsv",
    "devices_appeal_to_fear.tsv",
    "devices_exaggeration.txt",
    "devices_hedges_boosters.tsv",
)


def spans(text: str, kind: str) -> list[str]:
    return [d.text for d in extract_devices(text) if d.device == kind]


def test_device_kinds_are_the_contract() -> None:
    assert DEVICE_KINDS == ("loaded_language", "name_calling", "appeal_to_fear", "exaggeration", "hedge", "booster")


# ------------------------------------------------------------ name calling

def test_seed_compound_label_with_actor_name() -> None:
    text = ("Pyongyang seethes against the “surprise nuclear strike drill”, accusing "
            "“gangster-like U.S. imperialists” of seeking to ignite a nuclear war.")
    found = [d for d in extract_devices(text) if d.device == "name_calling"]
    assert [d.text for d in found] == ["gangster-like U.S. imperialists"]
    assert found[0].start == text.index("gangster-like")
    assert found[0].end == text.index("” of seeking")
    assert found[0].evidence == ("gangster-like", "imperialists")


def test_seed_labels_warmongers_traitors_puppet_regime() -> None:
    text = "State media called the allied commanders warmongers and traitors who serve a puppet regime."
    assert spans(text, "name_calling") == ["warmongers", "traitors", "puppet regime"]
    puppet = [d for d in extract_devices(text) if d.text == "puppet regime"][0]
    assert puppet.evidence == ("puppet", "regime")


def test_modifier_before_person_noun_or_name() -> None:
    text = "He attacked corrupt politicians and Crooked Hillary at the rally."
    assert spans(text, "name_calling") == ["corrupt politicians", "Crooked Hillary"]


def test_label_given_in_quotes_after_dubbed() -> None:
    text = 'Critics dubbed the envoy a "paper tiger" after the talks.'
    assert spans(text, "name_calling") == ["paper tiger"]


def test_so_called_and_general_labels() -> None:
    assert spans("The so-called experts were wrong.", "name_calling") == ["so-called experts"]
    assert spans("He was branded a race-baiter by radical leftists.", "name_calling") == ["race-baiter", "leftists"]


def test_label_noun_is_not_also_loaded_but_its_modifier_may_be() -> None:
    text = "The warmongers sent vicious thugs."
    found = {(d.device, d.text) for d in extract_devices(text)}
    assert ("name_calling", "warmongers") in found
    assert ("loaded_language", "warmongers") not in found
    assert ("name_calling", "vicious thugs") in found and ("loaded_language", "vicious") in found


def test_name_calling_negatives() -> None:
    text = ("The Kim Jong-un government launched a missile, and the defense ministry's "
            "leaders met South Korean officials in Seoul.")
    assert spans(text, "name_calling") == []
    assert spans("Two soldiers called for calm.", "name_calling") == []


# --------------------------------------------------------- loaded language

def test_loaded_language_merges_adjacent_cues() -> None:
    text = "The ridiculous, pathetic and laughable statement was disgusting."
    found = [d for d in extract_devices(text) if d.device == "loaded_language"]
    assert [d.text for d in found] == ["ridiculous, pathetic and laughable", "disgusting"]
    assert found[0].evidence == ("ridiculous", "pathetic", "laughable")


def test_loaded_language_keeps_intensifier() -> None:
    assert spans("That plan is utterly absurd.", "loaded_language") == ["utterly absurd"]


def test_loaded_language_general_emotive_words() -> None:
    text = "It was a relentless, destructive onslaught, a baffling fiasco."
    assert spans(text, "loaded_language") == ["relentless, destructive onslaught", "baffling fiasco"]


def test_loaded_language_pruned_words_are_plain_news() -> None:
    # dropped for low precision on the PTC tune half (see the lexicon header)
    text = "The court heard the fraud case about a scandal over corruption and propaganda."
    assert spans(text, "loaded_language") == []


def test_loaded_language_negative_plain_report() -> None:
    text = "North Korea fired a ballistic missile into the sea on Saturday, the Joint Chiefs of Staff said."
    assert spans(text, "loaded_language") == []


# ---------------------------------------------------------- appeal to fear

def test_appeal_to_fear_harm_with_future_cue() -> None:
    text = "If we do nothing, a nuclear war will wipe out millions of people. Talks resume Monday."
    found = [d for d in extract_devices(text) if d.device == "appeal_to_fear"]
    assert [d.text for d in found] == ["If we do nothing, a nuclear war will wipe out millions of people"]
    assert "wipe out" in found[0].evidence and "will" in found[0].evidence


def test_appeal_to_fear_named_fear() -> None:
    assert spans("The region sits on a powder keg.", "appeal_to_fear") == ["The region sits on a powder keg"]


def test_appeal_to_fear_negatives() -> None:
    # harm without a future/conditional cue, and a future without harm
    assert spans("The war ended in a catastrophe for both armies in 1953.", "appeal_to_fear") == []
    assert spans("The ministers will meet again in June.", "appeal_to_fear") == []


# ------------------------------------------------------------ exaggeration

def test_exaggeration_superlative_absolute_and_minimiser() -> None:
    text = ("It was the greatest parade in history. Every single soldier marched. "
            "The fine is merely a drop in the bucket.")
    assert spans(text, "exaggeration") == [
        "greatest parade in history", "Every single soldier marched", "a drop in the bucket",
    ]


def test_exaggeration_most_plus_adjective_but_not_most_recent() -> None:
    assert spans("This was the most reckless act.", "exaggeration") == ["most reckless act"]
    assert spans("The most recent launch was in May.", "exaggeration") == []


# ------------------------------------------------------- hedges, boosters

def test_seed_hedges() -> None:
    text = ("The missile may have flown 900 km, and it reportedly landed at sea. It appears to be "
            "a new type. The launch could signal a test and allegedly used solid fuel.")
    found = [d for d in extract_devices(text) if d.device == "hedge"]
    assert [d.text for d in found] == ["may", "reportedly", "appears to", "could", "allegedly"]
    for device in found:
        assert text[device.start:device.end] == device.text


def test_seed_boosters() -> None:
    text = "This is clearly a violation, and the ministry will undoubtedly respond. It is certainly true."
    assert spans(text, "booster") == ["clearly", "undoubtedly", "certainly"]


def test_hedge_negatives_month_may_and_plain_about() -> None:
    assert spans("In May the talks resumed.", "hedge") == []
    assert spans("They talked about the weather.", "hedge") == []
    assert spans("About 300 troops joined the drill.", "hedge") == ["About 300"]


# ---------------------------------------------------------- general rules

@pytest.mark.parametrize("text", [
    "", " ", "\x00\x01\x02", "“”“ \" ' ‘", "....!!!???", "a" * 5000, "—", "\n\n\n",
    "traitors", "may", "“warmongers", "the most", "If", "U.S.", "called", "dubbed them \"",
    "Crooked", "so-called", "🙂 puppet 🙂 regime", "ıstanbul İSTANBUL ǅ", "about 1,600.",
])
def test_odd_input_never_raises_and_offsets_hold(text: str) -> None:
    for device in extract_devices(text):
        assert text[device.start:device.end] == device.text
        assert device.device in DEVICE_KINDS


def test_non_string_input_is_empty() -> None:
    assert extract_devices(None) == []  # type: ignore[arg-type]


def test_offsets_exact_and_output_deterministic_on_sample_corpus() -> None:
    articles = load_corpus(SAMPLE_ARTICLES).articles
    assert len(articles) > 0
    kinds = set()
    for text in articles["text"]:
        first = extract_devices(text)
        assert first == extract_devices(text)
        assert first == sorted(first, key=lambda d: d.start)
        for device in first:
            assert isinstance(device, Device)
            assert text[device.start:device.end] == device.text
            assert device.evidence and all(device.evidence)
            kinds.add(device.device)
    assert {"hedge", "name_calling"} <= kinds


def test_fixture_articles() -> None:
    bomber = extract_devices(BOMBER_ARTICLE)
    assert ("name_calling", "gangster-like U.S. imperialists") in {(d.device, d.text) for d in bomber}
    talks = extract_devices(TALKS_ARTICLE)
    assert [d for d in talks if d.device in ("name_calling", "loaded_language", "appeal_to_fear")] == []


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicons_have_cited_headers(name: str) -> None:
    header = "\n".join(line for line in lexicon_text(name).splitlines() if line.startswith("#"))
    assert "Source:" in header and "Licence: CC0" in header
    assert any(ref in header for ref in ("Hyland", "Da San Martino"))


def test_a_hedged_number_keeps_its_thousands():
    found = [(d.device, d.text) for d in extract_devices("About 1,000 people gathered, and some 10,000 more came.")]
    assert found == [("hedge", "About 1,000"), ("hedge", "some 10,000")]

"""The world gazetteer, ambiguity resolution and the user actors table (issue 12)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from rhetoric.text.actors import (ActorsFileError, actor_named, canonical_country, dominant_states,
                                  find_actors, load_actors_file, use_actors)
from rhetoric.text.document import Document


def actors(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(m.text, m.actor) for m in find_actors(text, **kwargs)]


# --------------------------------------------------------------------------
# coverage beyond the Korean peninsula
# --------------------------------------------------------------------------

@pytest.mark.parametrize("text, actor", [
    ("Jordan closed its airspace.", "Jordan"),
    ("Israel struck targets overnight.", "Israel"),
    ("Turkey and Hungary blocked the vote.", "Turkey"),
    ("Libya's rival governments met.", "Libya"),
    ("Portugal sent two frigates.", "Portugal"),
    ("Canada imposed sanctions.", "Canada"),
    ("Kiev accused Moscow.", "Ukraine"),
    ("Kyiv accused Moscow.", "Ukraine"),
    ("The OSCE sent monitors.", "OSCE"),
    ("Obama spoke on Friday.", "Barack Obama"),
    ("Downing Street declined to comment.", "United Kingdom"),
    ("The Kremlin denied it.", "Russia"),
    ("Hezbollah fired rockets.", "Hezbollah"),
    ("Czechia protested.", "Czech Republic"),  # an ISO name from pycountry
    ("Kyrgyz Republic officials", "Kyrgyzstan"),
])
def test_states_organisations_groups_and_leaders_are_known(text, actor):
    assert find_actors(text)[0].actor == actor


def test_names_typeset_with_no_break_spaces_are_found_as_written():
    # many news sites put U+00A0 inside names; the mention keeps the text as written
    assert actors("The Black\u00a0Sea Fleet left. The United\u00a0States warned.") == [
        ("Black\u00a0Sea Fleet", "Black Sea Fleet"), ("United\u00a0States", "United States")]


def test_demonyms_capitals_and_codes():
    mentions = find_actors("Ukrainians fled to Warsaw as Polish and Romanian troops massed.")
    assert [(m.text, m.actor, m.kind, m.code) for m in mentions] == [
        ("Ukrainians", "Ukraine", "people", "UKR"), ("Warsaw", "Poland", "state", "POL"),
        ("Polish", "Poland", "people", "POL"), ("Romanian", "Romania", "people", "ROU")]


def test_hyphenated_compounds_name_the_actor():
    assert actors("The U.S.-led coalition met Kremlin-backed forces and US-South Korean drills.") == [
        ("U.S.", "United States"), ("Kremlin", "Russia"), ("US", "United States"), ("South Korean", "South Korea")]


def test_former_states_and_cold_war_alliances_of_another_decade():
    # a 1960s-1990s corpus: former states keep their ISO 3166-3 codes; the
    # Soviet Union is Russia, as CAMEO codes it; "Warsaw" inside the Pact's name is no Poland
    mentions = find_actors("Warsaw Pact and Red Army units massed on the Czechoslovak border; "
                           "East Germany and the Yugoslav army watched, and the Soviet Union warned.")
    assert [(m.text, m.country, m.code) for m in mentions] == [
        ("Warsaw Pact", "Warsaw Pact", ""), ("Red Army", "Russia", "RUS"), ("Czechoslovak", "Czechoslovakia", "CSK"),
        ("East Germany", "East Germany", "DDR"), ("Yugoslav", "Yugoslavia", "YUG"), ("Soviet Union", "Russia", "RUS")]


def test_leaders_of_other_decades_belong_to_their_states():
    mentions = find_actors("Khrushchev met Castro; later Saddam Hussein, Milosevic and Gaddafi defied the West, "
                           "and Colonel Assimi Goita took power in Bamako.")
    assert [(m.text, m.kind, m.country) for m in mentions if m.kind == "person"] == [
        ("Khrushchev", "person", "Russia"), ("Saddam Hussein", "person", "Iraq"),
        ("Milosevic", "person", "Yugoslavia"), ("Gaddafi", "person", "Libya"), ("Assimi Goita", "person", "Mali")]


def test_igos_and_their_organs_belong_to_the_body():
    assert canonical_country("UN Security Council") == "United Nations"
    assert canonical_country("the G7") == "G7"
    assert canonical_country("Arab League") == "Arab League"
    assert actor_named("NATO").kind == "alliance"


def test_a_ship_prefix_names_its_navy_and_state():
    assert [(m.text, m.country) for m in find_actors("HMS Defender and HMCS Regina sailed past USS Ross.")] == [
        ("HMS", "United Kingdom"), ("HMCS", "Canada"), ("USS", "United States")]


# --------------------------------------------------------------------------
# ambiguity
# --------------------------------------------------------------------------

def test_short_forms_are_never_read_inside_longer_names():
    assert actors("Officials in Seoul spoke of the North Atlantic and the North Caucasus.") == [("Seoul", "South Korea")]
    assert actors("Seoul and Pyongyang argued over the South Stream pipeline.") == [
        ("Seoul", "South Korea"), ("Pyongyang", "North Korea")]


def test_the_west_is_a_bloc_but_not_a_compass_point_nor_part_of_a_name():
    assert actors("Western leaders warned Moscow, and the West threatened sanctions.") == [
        ("Western leaders", "the West"), ("Moscow", "Russia"), ("the West", "the West")]
    assert actors("Troops moved to the west of the country and the Western Military District drilled.") == []
    assert actors("Settlers in the West Bank protested.") == [("West Bank", "Palestine")]


def test_short_forms_resolve_from_the_article_context():
    assert actors("Seoul said the North fired a missile.") == [("Seoul", "South Korea"), ("the North", "North Korea")]
    assert actors("Tehran and Riyadh traded barbs. The Kingdom recalled its envoy.") == [
        ("Tehran", "Iran"), ("Riyadh", "Saudi Arabia"), ("The Kingdom", "Saudi Arabia")]
    assert actors("London said the Kingdom would not yield.")[-1] == ("the Kingdom", "United Kingdom")
    assert actors("Beijing warned Taipei. The island held drills.")[-1] == ("The island", "Taiwan")
    # no state in context supports a reading: no actor at all
    assert actors("The Kingdom recalled its envoy.") == []


def test_context_of_a_fragment_is_the_whole_article():
    article = "Saudi Arabia and Qatar quarrelled for months.\n\nOn Monday the Kingdom closed the border."
    paragraph = article.split("\n\n")[1]
    assert actors(paragraph) == []
    assert actors(paragraph, context=article) == [("the Kingdom", "Saudi Arabia")]
    assert find_actors(Document(article))[-1].actor == "Saudi Arabia"


def test_self_defense_forces_are_japans_only_in_a_japanese_context():
    assert actors("Crimea's Self-Defense Forces blocked the airport in Simferopol.") == []
    assert actors("Japan said its Self-Defense Forces were on alert.") == [
        ("Japan", "Japan"), ("Self-Defense Forces", "Japan Self-Defense Forces")]


def test_organisation_and_place_names_win_over_a_state_inside_them():
    assert actors("The Washington Post and the Kyiv Post reported it.") == []
    assert actors("Chad Wolf visited Latin America and New Mexico.") == []
    assert actors("Ships crossed the Indian Ocean.") == []
    assert actors("The Organization of American States met.") == [
        ("Organization of American States", "Organization of American States")]
    assert actors("Russian Navy ships entered port.") == [("Russian", "Russia")]


def test_given_name_like_states_still_match_on_their_own():
    assert actors("Troops from Chad and Niger joined.") == [("Chad", "Chad"), ("Niger", "Niger")]
    assert actors("Michael Jordan said nothing.") == []


def test_dominant_states():
    text = "Kyiv said Moscow lied. Russian troops massed. Russia denied it. NATO met."
    assert dominant_states(text) == ["Russia", "Ukraine"]  # NATO is no state
    assert dominant_states(text, 1) == ["Russia"]


# --------------------------------------------------------------------------
# the user's own actors
# --------------------------------------------------------------------------

def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_user_actors_extend_the_gazetteer_and_win_on_equal_aliases(tmp_path):
    path = write(tmp_path / "mine.tsv", "# Sahel actors\nalias\tactor\tkind\tcountry\n"
                                         "FAMa\tMalian Armed Forces\torganisation\tMali\n"
                                         "Kremlin\tKremlin\torganisation\tRussia\n")
    entries = load_actors_file(path)
    with use_actors(entries):
        assert [(m.actor, m.kind, m.country, m.code) for m in find_actors("The FAMa and the Kremlin spoke.")] == [
            ("Malian Armed Forces", "organisation", "Mali", "MLI"), ("Kremlin", "organisation", "Russia", "RUS")]
    assert find_actors("The FAMa spoke.") == []


@pytest.mark.parametrize("content, message", [
    ("alias\tactor\n", "row 1: the first row must be the header"),
    ("alias\tactor\tkind\tcountry\nX\tY\tbogus\tZ\n", "row 2: kind 'bogus' is not one of"),
    ("alias\tactor\tkind\tcountry\n\tY\tstate\tZ\n", "row 2: alias and actor must not be empty"),
    ("alias\tactor\tkind\tcountry\nX\tY\tstate\tZ\textra\n", "row 2: expected 4 tab-separated columns"),
    ("# only a comment\n", "no header row"),
])
def test_bad_user_actors_are_named_by_file_and_row(tmp_path, content, message):
    path = write(tmp_path / "bad.tsv", content)
    with pytest.raises(ActorsFileError, match=message) as info:
        load_actors_file(path)
    assert "bad.tsv" in str(info.value)


def test_a_byte_order_mark_before_the_header_is_accepted(tmp_path):
    path = tmp_path / "excel.tsv"
    path.write_bytes("\ufeffalias\tactor\tkind\tcountry\nFAMa\tMalian Armed Forces\torganisation\tMali\n".encode())
    assert [(e.alias, e.country) for e in load_actors_file(path)] == [("FAMa", "Mali")]


def test_missing_user_actors_file(tmp_path):
    with pytest.raises(ActorsFileError, match="does not exist"):
        load_actors_file(tmp_path / "nope.tsv")


def test_pipeline_uses_actors_beside_the_corpus_and_records_their_hash(tmp_path):
    from rhetoric.pipeline import extract_corpus

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The FAMa said the convoy reached Menaka."}) + "\n")
    write(tmp_path / "actors.tsv", "alias\tactor\tkind\tcountry\nFAMa\tMalian Armed Forces\torganisation\tMali\n")
    extract_corpus(corpus, tmp_path / "out", jobs=1)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["parameters"]["actors"]["file"] == "actors.tsv"
    assert manifest["parameters"]["actors"]["entries"] == 1
    assert len(manifest["parameters"]["actors"]["sha256"]) == 64
    sentiment = pd.read_parquet(tmp_path / "out" / "actor_sentiment.parquet")
    assert sentiment["actor"].tolist() == ["Malian Armed Forces"]
    # an explicit file wins; without any, nothing is recorded
    (tmp_path / "actors.tsv").unlink()
    extract_corpus(corpus, tmp_path / "out2", jobs=1)
    assert json.loads((tmp_path / "out2" / "manifest.json").read_text())["parameters"]["actors"] is None


def test_cli_reports_a_bad_actors_file_without_traceback(tmp_path, capsys):
    from rhetoric.cli import main

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Seoul protested."}) + "\n")
    bad = write(tmp_path / "bad.tsv", "alias\tactor\tkind\tcountry\nX\tY\tbogus\tZ\n")
    code = main(["extract", str(corpus), "-o", str(tmp_path / "out"), "--actors", str(bad), "-q"])
    error = capsys.readouterr().err
    assert code == 2 and "bad.tsv, row 2" in error and "Traceback" not in error
    assert not (tmp_path / "out" / "manifest.json").exists()


def test_user_entries_reach_worker_processes(tmp_path):
    from rhetoric.pipeline import analyze

    path = write(tmp_path / "mine.tsv", "alias\tactor\tkind\tcountry\nFAMa\tMalian Armed Forces\torganisation\tMali\n")
    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(70)], "text": ["The FAMa said the convoy arrived."] * 70})
    tables = analyze(frame, jobs=2, chunk_size=32, actors=path)
    assert set(tables.actor_sentiment["actor"]) == {"Malian Armed Forces"}
    assert len(tables.actor_sentiment) == 70

"""Officials: one row a person across a corpus (issue 12), and the speaker fixes it needs."""

from __future__ import annotations

import pandas as pd

from rhetoric.extract.officials import OfficialsAggregator
from rhetoric.extract.quotes import extract_quotes
from rhetoric.pipeline import analyze


def row(doc_id, name, title=None, affiliation=None, compound=0.0):
    return {"doc_id": doc_id, "speaker_name": name, "speaker_title": title, "speaker_affiliation": affiliation,
            "compound": compound}


def officials(rows):
    aggregator = OfficialsAggregator()
    aggregator.add(rows)
    return {r["speaker_name"]: r for r in aggregator.rows()}


def test_name_variants_of_one_person_merge():
    table = officials([row("a", "Russian President Vladimir Putin"), row("b", "President Putin"),
                       row("c", "Mr. Putin"), row("c", "Putin"), row("d", "Vladimir V. Putin", "President")])
    assert list(table) == ["Vladimir Putin"]
    putin = table["Vladimir Putin"]
    assert putin["name_variants"] == ["Mr. Putin", "President Putin", "Putin", "Russian President Vladimir Putin",
                                      "Vladimir V. Putin"]
    assert (putin["n_quotes"], putin["n_docs"], putin["affiliation"], putin["titles"]) == (5, 4, "Russia", ["President"])


def test_surnames_join_an_unknown_full_name_by_corpus_evidence():
    table = officials([row("a", "Margaret Hale", "Defense Secretary", "United States"), row("a", "Margaret Hale"),
                       row("b", "Hale"), row("c", "Mrs. Hale")])
    assert table["Margaret Hale"]["n_quotes"] == 4 and table["Margaret Hale"]["n_docs"] == 3
    assert table["Margaret Hale"]["affiliation"] == "United States"


def test_a_surname_shared_by_two_people_stays_apart():
    table = officials([row("a", "John Smith"), row("b", "Jane Smith"), row("c", "Smith")])
    assert sorted(table) == ["Jane Smith", "John Smith", "Smith"]


def test_transliterations_and_initials_of_given_names_merge():
    table = officials([row("a", "Vitali Klitschko"), row("b", "Vitaly Klitschko"), row("b", "Vitaly Klitschko"),
                       row("c", "V. Klitschko")])
    assert list(table) == ["Vitaly Klitschko"] and table["Vitaly Klitschko"]["n_quotes"] == 4


def test_organisations_are_not_merged_by_their_words():
    table = officials([row("a", "Defense Ministry"), row("b", "Russia Foreign Ministry"), row("c", "Red Cross")])
    assert sorted(table) == ["Defense Ministry", "Red Cross", "Russia Foreign Ministry"]


def test_pipeline_officials_table_lists_each_person_once():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "Putin warns Kiev\n\n“We will not allow it,” Russian President Vladimir Putin said on Monday. "
        "“Nobody wants a war,” Putin added.",
        "Moscow talks\n\n“The door is open,” President Putin told reporters in Moscow."]})
    table = analyze(frame, jobs=1).officials
    people = table[table["speaker_name"].str.contains("Putin")]
    assert people["speaker_name"].tolist() == ["Vladimir Putin"]
    assert people.iloc[0]["n_quotes"] == 3 and people.iloc[0]["n_docs"] == 2
    assert people.iloc[0]["affiliation"] == "Russia"


def test_an_official_takes_the_state_the_article_describes():
    # no state in the speaker span; the article describes him as Putin's adviser
    frame = pd.DataFrame({"doc_id": ["a"], "text": [
        "Adviser speaks\n\nSergei Glazyev, Mr Putin's chief adviser, spoke on Monday. "
        "“We are ready for any scenario,” Glazyev said."]})
    tables = analyze(frame, jobs=1)
    quote = tables.quotes.iloc[0]
    assert quote["speaker_affiliation"] is None or pd.isna(quote["speaker_affiliation"])
    assert (quote["speaker_state"], quote["speaker_state_rule"]) == ("Russia", "description")
    glazyev = tables.officials[tables.officials["speaker_name"] == "Sergei Glazyev"].iloc[0]
    assert glazyev["affiliation"] == "Russia"


# --------------------------------------------------------------------------
# speakers
# --------------------------------------------------------------------------

def test_headline_with_a_speech_verb_is_not_a_quote():
    quotes = extract_quotes("Putin warns West over sanctions\n\n“We will answer,” Putin said.")
    assert [q.content for q in quotes] == ["We will answer,"]


def test_a_dateline_is_not_a_speaker():
    quotes = extract_quotes("KIEV (Reuters) - The parliament voted to remove the president, officials said.")
    assert all(q.speaker != "KIEV" for q in quotes)
    quotes = extract_quotes("VALDAI — Russia will respond to any threat, the foreign minister said.")
    assert all((q.speaker or "").upper() != q.speaker for q in quotes)


def test_speaker_names_never_contain_line_breaks():
    text = "Monitors of the OSCE\n\nThe SMM said the ceasefire was broken twice."
    for quote in extract_quotes(text):
        assert "\n" not in (quote.speaker_name or "") and "\n" not in (quote.speaker or "")


def test_a_worker_of_a_mill_keeps_worker_as_head():
    q = extract_quotes("“We will fulfil the plan,” a woman worker of the Pyongyang Textile Mill said.")[0]
    assert q.speaker_name is None
    assert q.speaker_title == "woman worker"
    assert q.speaker_affiliation == "North Korea"


def test_a_professor_takes_the_university_not_the_topic():
    q = extract_quotes("“It is a signal,” said Kwon Do-yeon, a professor of North Korean studies at Hanbit University.")[0]
    assert (q.speaker_name, q.speaker_affiliation) == ("Kwon Do-yeon", "Hanbit University")


def test_a_known_leader_keeps_his_name_and_state():
    q = extract_quotes("“We are ready,” President Putin said.")[0]
    assert (q.speaker_name, q.speaker_title, q.speaker_affiliation) == ("Putin", "President", "Russia")


def test_the_nearest_state_before_the_name_is_the_affiliation():
    q = extract_quotes("“Enough,” Ukraine Russian President Vladimir Putin said.")[0]
    assert (q.speaker_name, q.speaker_affiliation) == ("Vladimir Putin", "Russia")


def test_an_office_title_takes_the_state_the_article_is_about():
    text = ("Canada will send two frigates. Ottawa said the Canadian navy was ready. Canada's allies agreed.\n\n"
            "“We are prepared,” Defence Minister Anita Anand said.")
    q = extract_quotes(text)[-1]
    assert (q.speaker_name, q.speaker_affiliation) == ("Anita Anand", "Canada")
    # a profession is not an office: no state from the article
    q = extract_quotes(text.replace("Defence Minister", "economist"))[-1]
    assert q.speaker_affiliation is None


def test_an_office_of_a_place_is_a_role_and_its_appositive_names_the_person():
    quote = extract_quotes('"We will restore historic justice," the newly installed Prime Minister of Crimea, '
                           'Mr Sergei Aksyonov, told the crowd.')[0]
    assert (quote.speaker_name, quote.speaker_affiliation) == ("Sergei Aksyonov", "Crimea")
    assert quote.speaker_title.endswith("Prime Minister")
    # a portfolio completes the title: no place, no person
    quote = extract_quotes('"It is over," the Secretary of State told reporters.')[0]
    assert (quote.speaker_name, quote.speaker_affiliation) == (None, None)


def test_an_honorific_and_a_surname_is_the_person_named_before():
    quotes = extract_quotes('Mr Anton Vlasenko, 32, said they were afraid. '
                            '"The Kalashnikov is the symbol of Russian democracy," Mr Vlasenko said.')
    assert [q.speaker_name for q in quotes] == ["Anton Vlasenko", "Anton Vlasenko"]


def test_an_age_is_not_a_title():
    quote = extract_quotes('"We are here to honour Ukraine," said Mr Svyatoslav Regushevsky, '
                           'a 46-year-old who brought his son to the rally.')[0]
    assert (quote.speaker_name, quote.speaker_title) == ("Svyatoslav Regushevsky", None)
    quote = extract_quotes('"We are here," said Oleh Petrenko, a 46-year-old teacher from Lviv.')[0]
    assert quote.speaker_title == "teacher"

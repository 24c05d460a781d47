from rhetoric.text.sentences import count_tokens, split_paragraphs, split_sentences, word_spans


def test_issue_example_is_exactly_two_sentences():
    text = ("The U.S. Air Force said Nov. 2 that Defense Secretary Lloyd J. Austin III met Lee Jong-sup. "
            "He warned that any attack would fail.")
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The U.S. Air Force said Nov. 2 that Defense Secretary Lloyd J. Austin III met Lee Jong-sup.",
        "He warned that any attack would fail.",
    ]
    assert [(s.start, s.end) for s in sentences] == [(0, 91), (92, 129)]


def test_offsets_index_the_text_and_ids_count_up():
    text = "Headline without period\n\nGen. Park spoke. Sen. Moore replied: \u201cNo.\u201d  Rep. Lee left.\n"
    sentences = split_sentences(text)
    assert [s.sent_id for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert text[s.start:s.end] == s.text
    assert [s.text for s in sentences] == [
        "Headline without period",
        "Gen. Park spoke.",
        "Sen. Moore replied: \u201cNo.\u201d",
        "Rep. Lee left.",
    ]


def test_abbreviations_from_the_shipped_list_do_not_split():
    for text in [
        "The U.N. Security Council met in New York. China abstained.",
        "Lt. Gen. Paul Kim and Col. Ana Diaz of the U.K. delegation arrived. Talks began.",
        "Resolution No. 2397 caps oil imports. It passed in 2017.",
        "Dr. Hugh Hill, a doctor at St. Mary's, said the wounded were treated. Two died.",
    ]:
        assert len(split_sentences(text)) == 2, text


def test_number_only_abbreviation_still_ends_a_sentence_before_a_word():
    assert [s.text for s in split_sentences("Seoul said no. Tokyo agreed.")] == ["Seoul said no.", "Tokyo agreed."]


def test_empty_and_blank_text_have_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []
    assert split_paragraphs("\n\n") == []


def test_word_spans_and_token_count():
    text = "North Korea\u2019s missiles flew 1,600 km, officials said."
    assert [text[a:b] for a, b in word_spans(text)][:3] == ["North", "Korea\u2019s", "missiles"]
    assert count_tokens(text) == 8  # North, Korea’s, missiles, flew, 1,600, km, officials, said
    assert count_tokens("") == 0

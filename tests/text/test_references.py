"""Actor references resolved within the article (rhetoric.text.references)."""

from rhetoric.text.document import Document
from rhetoric.text.references import ActorReference, actor_references


def _refs(text):
    return [(r.text, r.state, r.via) for r in actor_references(Document(text))]


def test_first_person_in_a_quote_takes_the_speakers_state():
    text = "“We will respond firmly,” said South Korean Defense Minister Park Seung-ho."
    assert ("We", "South Korea", "first_person") in _refs(text)


def test_a_pronoun_subject_takes_the_state_of_the_person_quoted_before():
    text = ("Sergei Lavrov, the Russian foreign minister, said talks had failed.\n\n"
            "Protesters gathered outside. He warned that the sanctions would be answered.")
    he = [r for r in actor_references(Document(text)) if r.text == "He"]
    assert he and he[0].state == "Russia" and he[0].via in ("pronoun", "speaker")


def test_a_pronoun_inside_a_quotation_is_not_resolved_as_a_subject():
    text = ("Sergei Lavrov, the Russian foreign minister, said talks had failed. "
            "“He cannot be trusted,” a diplomat said.")
    assert not [r for r in actor_references(Document(text)) if r.text == "He" and r.via == "pronoun"]


def test_descriptions_resolve_to_the_state_of_their_sentence_or_the_article():
    text = ("Ukraine said Russian troops had crossed the border. Kyiv asked for help. "
            "Officials said the government would write to the Secretary-General.")
    refs = _refs(text)
    assert ("the government", "Ukraine", "description") in refs
    # the Secretary-General is the UN's only when the article names the UN
    assert not any(r[0] == "the Secretary-General" for r in refs)
    with_un = _refs(text + " The United Nations promised aid.")
    assert ("the Secretary-General", "United Nations", "description") in with_un


def test_a_description_followed_by_of_is_left_to_the_name_after_it():
    refs = _refs("Russia warned. The government of Ukraine protested.")
    assert not any(r[0].lower() == "the government" for r in refs)


def test_references_never_overlap_names_and_are_in_text_order():
    text = "Russia warned Kyiv. “Our army is ready,” said Russian Defense Minister Sergei Shoigu."
    doc = Document(text)
    refs = actor_references(doc)
    assert all(isinstance(r, ActorReference) and text[r.start:r.end] == r.text for r in refs)
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    assert not any(r.start < m.end and r.end > m.start for r in refs for m in doc.actor_mentions)
    assert ("Our", "Russia", "first_person") in _refs(text)


def test_the_articles_state_counts_its_organs_and_leaders():
    text = ("Russian bankers met in Moscow. The FBI said the Pentagon and the State Department were told. "
            "The government was taking a harsh position.")
    assert ("The government", "United States", "description") in _refs(text)


def test_the_document_layer_holds_the_same_references_once():
    doc = Document("Sergei Lavrov, the Russian foreign minister, said: “We will respond.” He left.")
    assert doc.actor_references == actor_references(doc) and doc.actor_references is doc.actor_references

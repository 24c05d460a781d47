"""Actor references resolved within the article (rhetoric.text.references)."""

from rhetoric.text.document import Document
from rhetoric.text.discourse import Discourse
from rhetoric.text.references import REFERENCE_RULES, ActorReference, actor_references


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


def test_a_pronoun_inside_a_quotation_is_someone_other_than_its_speaker():
    # Updated with the pronoun rule of issue 12: "he" inside a quotation used to be left
    # alone; it now resolves like any "he", except that it never refers to the quote's
    # own speaker (who would say "I"). Here the diplomat speaks of Lavrov.
    text = ("Sergei Lavrov, the Russian foreign minister, said talks had failed. "
            "“He cannot be trusted,” a Ukrainian diplomat said.")
    he = [r for r in actor_references(Document(text)) if r.text == "He"]
    assert [(r.state, r.via) for r in he] == [("Russia", "pronoun")]
    alone = "“He cannot be trusted,” said Oleh Petrenko, a Ukrainian diplomat."
    assert not [r for r in actor_references(Document(alone)) if r.text == "He"]


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


# --------------------------------------------------------------------------
# issue 12: speakers' states, names, pronouns, pairs, descriptions, forces, groups
# --------------------------------------------------------------------------

def test_a_speaker_without_affiliation_takes_the_state_of_their_description():
    text = ("Oleh Petrenko, a Ukrainian volunteer, spoke by phone from the front line. "
            "“We will hold the line,” he said. “We are ready for anything.”")
    doc = Document(text)
    assert Discourse(doc).speaker_states == [("Ukraine", "description"), ("Ukraine", "description")]
    refs = _refs(text)
    assert refs.count(("We", "Ukraine", "first_person")) == 2  # the quote continued in the next sentence too
    assert ("he", "Ukraine", "speaker") in refs and ("Oleh Petrenko", "Ukraine", "name") in refs


def test_a_possessor_before_a_title_gives_the_speaker_state():
    text = "Trump’s ambassador to the U.N., Nikki Haley, spoke about Iran. “We will act,” Haley said."
    assert ("We", "United States", "first_person") in _refs(text)
    verb = "Nikki Haley, gave a speech about Iran. “We will act,” Haley said."  # no appositive: no state
    assert not [r for r in _refs(verb) if r[0] == "We"]


def test_a_nationality_before_a_rank_and_name_gives_the_speaker_state():
    text = "The Ukrainian commander, Colonel Ivan Petrenko, met reporters. “We are looking for them too,” he added."
    refs = _refs(text)
    assert ("We", "Ukraine", "first_person") in refs and ("he", "Ukraine", "speaker") in refs


def test_a_group_word_describing_a_speaker_gives_the_group():
    text = "Denis Pushilin, a separatist leader, said they would not leave. “We will stay here,” he said."
    assert ("We", "separatists", "first_person") in _refs(text)
    titled = "Rebel commander Igor Strelkov spoke. “We will not surrender,” Strelkov said."
    assert ("We", "rebels", "first_person") in _refs(titled)


def test_a_speaker_without_any_description_takes_the_state_of_the_dateline():
    text = "SIMFEROPOL, Ukraine (AFP) - Hundreds rallied on Sunday. “We are not afraid,” said Ivan Bondar, a teacher."
    assert Discourse(Document(text)).speaker_states == [("Ukraine", "dateline")]
    assert ("We", "Ukraine", "first_person") in _refs(text)


def test_a_quoted_persons_name_written_again_takes_their_state():
    text = ("Adam Osmanov, a Ukrainian volunteer, said the town had fallen. "
            "Osmanov was wounded in May. Osmanov Street was renamed.")
    names = [(r.start, r.state) for r in actor_references(Document(text)) if r.via == "name"]
    assert names == [(text.index("Osmanov was"), "Ukraine")]  # the speaker span is rule "speaker"; not "Osmanov Street"


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause():
    text = "Trump met Kim Jong Un in Singapore. Trump's move to meet him drew criticism."
    assert _refs(text) == [("him", "North Korea", "pronoun")]


def test_he_and_she_agree_in_gender_with_their_antecedent():
    text = ("“Talks failed,” said Olena Kovalenko, a Ukrainian lawmaker. "
            "Mr Lavrov, the Russian foreign minister, left Geneva. She stayed.")
    she = [r for r in actor_references(Document(text)) if r.text == "She"]
    assert [r.state for r in she] == ["Ukraine"]  # "Mr Lavrov" is a man
    assert [r.state for r in actor_references(Document(text.replace("She", "He"))) if r.text == "He"] == ["Russia"]


def test_they_refers_to_a_group_not_to_a_state_nor_past_a_nearer_plural_noun():
    text = ("The separatists in the east have their own fighters, loyal to Moscow. "
            "“They are looking for us,” said Oleh Petrenko, a Ukrainian volunteer.")
    refs = _refs(text)
    assert ("their", "separatists", "pronoun") in refs and ("They", "separatists", "pronoun") in refs
    assert ("us", "Ukraine", "first_person") in refs
    assert _refs("Ukraine sent aid. They said it would help.") == []  # a state is "it"
    assert _refs("Russians fled to Kyiv. Thousands of demonstrators gathered, their hands raised.") == []


def test_the_two_men_are_the_two_persons_named_last():
    text = "Trump met Kim Jong Un in Singapore. The meeting came months after the two men traded taunts."
    assert _refs(text) == [("the two men", "North Korea", "pair"), ("the two men", "United States", "pair")]
    assert ("both countries", "Japan", "pair") in _refs("China and Japan signed a deal that both countries praised.")


def test_descriptions_take_modifiers_and_possessives():
    refs = _refs("Ukraine protested on Monday. The interim government said its army was ready.")
    assert refs == [("The interim government", "Ukraine", "description"), ("its army", "Ukraine", "description")]
    assert _refs("Russia warned. The gov’t denied it.") == [("The gov’t", "Russia", "description")]
    assert _refs("Russia warned. The government in Kyiv denied it.") == [("The government", "Ukraine", "description")]
    # a modifier list, not any word: "the fighting between government" is no description
    assert not [r for r in _refs("Russia warned. The fighting between government forces went on.")
                if r[2] == "description"]


def test_gunmen_and_self_defence_forces_are_the_separatists_side_unless_a_named_state_owns_them():
    assert _refs("Pro-Russian separatists seized the airport. The separatists said the gunmen were not theirs.") \
        == [("gunmen", "separatists", "group")]
    assert _refs("Japan's Self-Defense Forces held drills. Tokyo said the forces would respond.") == [
        ("forces", "Japan", "forces")]


def test_a_side_word_is_not_the_state_a_description_refers_to():
    # "pro-Russian" names a side: "the parliament" they seized is not Russia's
    assert _refs("Ukraine is in turmoil. Pro-Russian separatists seized the parliament.") == [
        ("the parliament", "Ukraine", "description")]


def test_forces_belong_to_the_state_named_after_or_before_them():
    assert _refs("Rapid action by the forces of the Russian Federation followed.") == [("forces", "Russia", "forces")]
    assert _refs("Russia massed tanks near the border. Within hours, 2,000 troops were deployed.") == [
        ("tanks", "Russia", "forces"), ("troops", "Russia", "forces")]
    # whose forces a side word or a name gives is not said: no reference
    assert _refs("Kyiv protested. Pro-Russian forces took the airport.") == []
    # (Crimea's "self-defense forces" are a militia by name: the group rule labels them, not as Kyiv's)
    assert _refs("Kyiv protested. Self-Defense forces took the airport.") == [("Self-Defense forces", "militias", "group")]
    # a capitalised determiner is no name; a leader's troops are his state's
    assert _refs("Russia massed tanks near the border. The soldiers had been there for weeks.") == [
        ("tanks", "Russia", "forces"), ("soldiers", "Russia", "forces")]
    assert _refs("Erdogan ordered drills on Monday. Some 3,000 troops took part.") == [("troops", "Turkey", "forces")]
    # the owner may stand two sentences back, not three
    assert _refs("Russia announced drills on Monday. They began at dawn. Some 40,000 troops took part.") == [
        ("troops", "Russia", "forces")]
    assert _refs("Russia announced drills. They began at dawn. Rain fell. Some 40,000 troops took part.") == []


def test_group_nouns_take_the_groups_label():
    assert _refs("Kyiv protested. Rebel fighters and militants blocked the road.") == [
        ("Rebel", "rebels", "group"), ("militants", "militants", "group")]
    assert _refs("Kyiv protested. Armed men in unmarked uniforms took the airport.") == [
        ("Armed men", "gunmen", "group")]


def test_government_forces_are_the_state_whose_government_the_article_is_about():
    assert _refs("Kiev launched an operation in the east. Government forces surrounded the town.") == [
        ("Government forces", "Ukraine", "forces")]
    assert _refs("The Syrian army shelled Homs. Regime troops then entered the city.") == [
        ("Regime troops", "Syria", "forces")]


def test_every_reference_keeps_its_offsets_text_and_rule():
    text = ("SIMFEROPOL, Ukraine (AFP) - Oleh Petrenko, a Ukrainian volunteer, said troops had left. "
            "“They are gone,” he said. The two countries denied it.")
    doc = Document(text)
    for reference in actor_references(doc):
        assert text[reference.start:reference.end] == reference.text
        assert reference.via in {name for name, _ in REFERENCE_RULES}


def test_it_refers_to_a_state_only_as_the_subject_of_a_speech_verb():
    refs = _refs("North Korea fired a missile on Monday. It warned that talks were over.")
    assert refs == [("It", "North Korea", "pronoun")]
    assert _refs("Russia sent aid. It was raining when the convoy arrived.") == []


def test_first_person_of_a_pronoun_speaker_takes_the_state_the_pronoun_refers_to():
    # the quote's speaker "She" has no name or affiliation of its own; "She"
    # refers to the British prime minister, so "We" in the quote is the UK
    refs = actor_references('British Prime Minister Theresa May visited the mosque on Friday. '
                            'She added: "We condemn all extremism."')
    assert [(r.text, r.state, r.via) for r in refs] == [
        ("She", "United Kingdom", "pronoun"), ("We", "United Kingdom", "first_person")]


def test_rebels_of_an_article_about_separatists_are_those_separatists():
    ukraine = Document("Pro-Russian separatists seized the town hall in Sloviansk. Kiev said the separatists "
                       "were armed by Moscow. The rebels later fired on a checkpoint. The militants refused to leave.")
    assert [(r.text, r.state) for r in ukraine.actor_references if r.via == "group"] == [
        ("rebels", "separatists"), ("militants", "separatists")]
    syria = Document("Syrian rebels shelled the city. The rebels said they would fight on.")
    assert {r.state for r in syria.actor_references if r.via == "group"} == {"rebels"}

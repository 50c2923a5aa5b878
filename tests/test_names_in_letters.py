"""Names in letters and diaries that the first rounds of issue 14 missed: titles written in
lower case or short before a particle, short particles, a hyphenated name whose first part
the register knows (docs/names-and-dates.md). Positive and negative cases, table-driven."""

from __future__ import annotations

import pytest

from teiedition.convert.names import NameIndex, find_names
from teiedition.register import read_register

REGISTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>
<listPerson>
  <person xml:id="gelais"><persName>Anne de Saint-Gelais</persName></person>
  <person xml:id="coulanges"><persName>Philippe de Coulanges</persName></person>
  <person xml:id="reymann"><persName>Johanna Reymann</persName></person>
</listPerson>
<listPlace>
  <place xml:id="paris"><placeName>Paris</placeName></place>
</listPlace>
</standOff></TEI>""".encode()


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.build(read_register(REGISTER, path="register.xml"))


def found(text: str, index: NameIndex, language: str = "fr") -> list[tuple[str, str | None]]:
    return [(text[s.start:s.end], s.entry.id if s.entry else None)
            for s in find_names(text, index, set(), language=language, titled=True)]


@pytest.mark.parametrize("text, expected", [
    # a title in lower case, as French and Italian write it, before a particle and a name
    ("La duchesse de Villeroi devient fort jolie", [("Villeroi", None)]),
    ("où avoient dîné M. le cardinal de Bouillon, et", [("Bouillon", None)]),
    ("chez madame de Coulanges", [("de Coulanges", "coulanges")]),
    ("Le Satire del Duca di Bracciano", [("Bracciano", None)]),
    ("il marchese di Roccalta scrive", [("Roccalta", None)]),
    # a title that also begins names of things, before a particle
    ("le Prince de Condé arrive", [("Condé", None)]),
    # short titles and short particles
    ("bei der Fr v. Zillinghardt", [("Zillinghardt", None)]),
    ("und auch Frau v Perreire", [("Perreire", None)]),
    ("wird Gf. Thun kommen", [("Thun", None)]),
    # a hyphenated name whose first part begins a register name: the register's if it matches
    ("Dernièrement M. de Saint-Géran fut", [("Saint-Géran", None)]),
    ("Dernièrement M. de Saint-Gelais fut", [("de Saint-Gelais", "gelais")]),
    # not persons: a title in lower case without a particle, a short one, a word after it
    ("the general European war", []),
    ("le don de Dieu", []),
    ("fra di Loro", []),
    ("madame la duchesse", []),
    ("the Prince Edward Island", []),
    ("St. de Paris", [("Paris", "paris")]),
    # the register's word after a title is left to the register's rules
    ("Frau v Reymann", [("Reymann", "reymann")]),
])
def test_persons_after_titles(text: str, expected, index: NameIndex) -> None:
    assert found(text, index) == expected


SEXES = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
  <person xml:id="b-hofland" sex="F"><persName>Barbara Hofland</persName></person>
  <person xml:id="t-hofland"><sex value="1"/><persName>Thomas Hofland</persName></person>
  <person xml:id="j-pachta"><persName>Josephine Gräfin von Pachta</persName></person>
  <person xml:id="h-pachta"><persName>Johann Graf Pachta</persName></person>
  <person xml:id="a-knebel"><persName>Anna Knebel</persName></person>
  <person xml:id="k-knebel"><persName>Karl Knebel</persName></person>
  <person xml:id="f-otto"><sex>female</sex><persName>Amöne Otto</persName></person>
  <person xml:id="g-otto"><sex>weiblich</sex><persName>Georgine Otto</persName></person>
</listPerson></standOff></TEI>""".encode()


@pytest.fixture(scope="module")
def sexes() -> NameIndex:
    return NameIndex.build(read_register(SEXES, path="register.xml"))


@pytest.mark.parametrize("text, expected", [
    # a gendered title chooses the one person of that sex among those who share a form
    ("Mrs. Hofland and Mr. Hofland to dinner", [("Hofland", "b-hofland"),
                                                ("Hofland", "t-hofland")]),
    # the sex may come from a title in the register's name
    ("die Frau von Pachta und Graf Pachta", [("von Pachta", "j-pachta"),
                                             ("Pachta", "h-pachta")]),
    # ... and the title before the form overrules who was named before
    ("Barbara Hofland came; Mr. Hofland stayed.", [("Barbara Hofland", "b-hofland"),
                                                   ("Hofland", "t-hofland")]),
    # no title, or a title of either sex, or no sex recorded: still ambiguous
    ("Hofland talked; Dr. Hofland too", []),
    ("der Fräulein Knebel", []),
    # a title of the sex of both does not choose
    ("Frau Otto kam", []),
])
def test_a_gendered_title_chooses_among_persons_who_share_a_form(
        text: str, expected, sexes: NameIndex) -> None:
    assert found(text, sexes, "de") == expected


SPELLINGS = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
  <person xml:id="hopital"><persName>de L'Hôpital</persName></person>
  <person xml:id="goldschmidt"><persName>Caroline Goldschmidt</persName></person>
  <person xml:id="brandes"><persName>Georg Brandes</persName></person>
  <person xml:id="brahm"><persName>Otto Brahm</persName></person>
  <person xml:id="k-woltmann"><persName>Karl von Woltmann</persName></person>
  <person xml:id="c-woltmann"><persName>Karoline Woltmann</persName></person>
</listPerson><listPlace>
  <place xml:id="bayreuth"><placeName>Bayreuth (Baireuth, Baireut) (Stadt)</placeName></place>
</listPlace></standOff></TEI>""".encode()


@pytest.fixture(scope="module")
def spellings() -> NameIndex:
    return NameIndex.build(read_register(SPELLINGS, path="register.xml"))


@pytest.mark.parametrize("text, expected", [
    # a spelling close to two of one entry's names (Bayreuth, Baireuth) names that entry
    ("da S in Bareuth waren", [("Bareuth", "bayreuth")]),
    # the register's article in capitals, written and elided in lower case after a title
    ("mère remariée à M. de l'Hôpital s'est", [("de l'Hôpital", "hopital")]),
    ("à l'Hôpital général", []),
    # a long beginning of one person's surname with a dot, without a mention before
    ("Deiner Jungen der Goldschm. meinen Arm", [("Goldschm.", "goldschmidt")]),
    # not: a short one without a mention before, one that two persons' surnames begin with
    ("Br. erzählt.", []),
    ("höre die Woltm. an", []),
    # not without its dot
    ("die Goldschm Frage", []),
])
def test_other_spellings_of_register_names(text: str, expected, spellings: NameIndex) -> None:
    assert found(text, spellings, "de") == expected


COUPLES = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
  <person xml:id="armand" sex="M"><persName>Armand de Pracontal</persName></person>
  <person xml:id="jeanne" sex="F"><persName>Jeanne de Pracontal</persName></person>
  <person xml:id="john-hall" sex="M"><persName>John Hall</persName></person>
  <person xml:id="brinon" sex="F"><persName>Marie de Brinon-Senneterre</persName></person>
  <person xml:id="collina"><persName>Bonifacio Collina</persName></person>
</listPerson></standOff></TEI>""".encode()


@pytest.fixture(scope="module")
def couples() -> NameIndex:
    return NameIndex.build(read_register(COUPLES, path="register.xml"))


@pytest.mark.parametrize("text, expected", [
    # two titles joined before one name: the first names a person of that name too, the one
    # of its sex
    ("Monsieur et madame de Pracontal partent", [("Monsieur", "armand"),
                                                 ("de Pracontal", "jeanne")]),
    ("Mr. and Mrs. Hall came", [("Mr.", "john-hall"), ("Hall", None)]),
    # a person the register does not know: both without ref
    ("le goût de M. et de madame de Nevers", [("M.", None), ("Nevers", None)]),
    ("Herr und Frau Diel kamen", [("Herr", None), ("Diel", None)]),
    # not a couple: one title, or words between the titles
    ("Mr. Hall and his wife", [("Hall", "john-hall")]),
    ("Sir, and Mrs. Hall", [("Hall", None)]),
    # a word that begins a register name is the register's only where a name matches
    ("madame de Brinon et sa fille", [("Brinon", None)]),
    # ... and the beginning of its surname with a dot is left to its rules: not a name
    ("Signor Co. Ippolito", []),
])
def test_couples_and_the_register_s_words(text: str, expected, couples: NameIndex) -> None:
    assert found(text, couples) == expected


DOCUMENT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
  <person xml:id="gerhart"><persName>Gerhart Hauptmann</persName></person>
  <person xml:id="margarete"><persName>Margarete Hauptmann</persName></person>
</listPerson></standOff></TEI>""".encode()


def tagged(text: str) -> list[tuple[str, str | None]]:
    from teiedition import Provenance, convert, minimal_metadata
    from teiedition.tei import TEI_NS
    tree = convert(text, minimal_metadata("letter"), Provenance("l.txt", "2026-01-15", "0.1.0"),
                   register=read_register(DOCUMENT, path="register.xml")).tree
    return [("".join(e.itertext()), e.get("ref"))
            for e in tree.find(f".//{{{TEI_NS}}}body").iter(f"{{{TEI_NS}}}persName")]


@pytest.mark.parametrize("text, expected", [
    # a form two persons share names the one the document names in full, before or after
    ("An Hauptmann:\n\nLieber Gerhart Hauptmann!\n\nGrüsse an Frau Grete.\n",
     [("Hauptmann", "#gerhart"), ("Gerhart Hauptmann", "#gerhart"), ("Grete", None)]),
    ("Lieber Gerhart Hauptmann!\n\nHauptmann schrieb.\n",
     [("Gerhart Hauptmann", "#gerhart"), ("Hauptmann", "#gerhart")]),
    # not when the document names both in full, or neither
    ("Hauptmann kam.\n\nGerhart Hauptmann und Margarete Hauptmann.\n",
     [("Gerhart Hauptmann", "#gerhart"), ("Margarete Hauptmann", "#margarete")]),
    ("Hauptmann kam.\n", []),
])
def test_a_shared_form_names_the_one_the_document_names_in_full(text: str, expected) -> None:
    assert tagged(text) == expected


def test_suggest_still_lists_a_form_the_paragraph_leaves_ambiguous() -> None:
    from teiedition.convert.suggest import suggest_names
    suggestions = suggest_names(["Hauptmann kam."],
                                read_register(DOCUMENT, path="register.xml"))
    assert [(s.name, s.ambiguous) for s in suggestions] == [
        ("Hauptmann", ("gerhart", "margarete"))]


CUT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
  <person xml:id="schlegel"><persName>Friedrich Schlegel</persName></person>
  <person xml:id="a-schlegel"><persName>August Wilhelm Schlegel</persName></person>
  <person xml:id="tremoille"><persName>Madeleine de Créquy</persName></person>
</listPerson><listPlace>
  <place xml:id="zoo"><placeName>Zoologischer Garten</placeName></place>
  <place xml:id="theresienwiese"><placeName>Theresienwiese</placeName></place>
</listPlace></standOff></TEI>""".encode()


@pytest.fixture(scope="module")
def cut() -> NameIndex:
    return NameIndex.build(read_register(CUT, path="register.xml"))


@pytest.mark.parametrize("text, expected", [
    # a name's first word written short with a dot, the rest as the register has it
    ("Kopenhagen.– Zool. Garten.– Bei Brandes", [("Zool. Garten", "zoo")]),
    ("ein Brief von Friedr. Schlegel", [("Friedr. Schlegel", "schlegel")]),
    # not: without the dot, with the rest missing, or a beginning of two letters (an initial)
    ("Zool Garten", []),
    ("die Zool. Sammlung", []),
    ("Fr. Schlegel", []),
    # a plural title before a particle and a name
    ("mesdames les duchesses de La Trémouille et d'Albret", [("Trémouille", None)]),
])
def test_names_written_short_and_after_plural_titles(text: str, expected, cut: NameIndex) -> None:
    assert found(text, cut, "de") == expected


@pytest.mark.parametrize("text, expected", [
    # the signature after a letter's closing formula, in the same paragraph
    ("Mit den besten Empfehlungen Ihr ganz ergebenster Harry Schumann Inhaber des Verlages",
     [("Harry Schumann", None)]),
    ("Best wishes, Yours sincerely Harry Schumann Owner of the publishing company",
     [("Harry Schumann", None)]),
    ("Votre très humble et très obéissant serviteur, Jean Dupont", [("Jean Dupont", None)]),
    ("Suo devotissimo servitore Pietro Canneti", [("Pietro Canneti", None)]),
    # not: a word of the formula without its possessive, one capitalised word, a noun
    ("it was truly Great Britain", []),
    ("Yours sincerely, Harry", []),
    ("Ihr ergebenster Diener", []),
    # the register's words are its own
    ("Yours truly, Johanna Reymann", [("Johanna Reymann", "reymann")]),
])
def test_a_signature_after_a_closing_formula(text: str, expected, index: NameIndex) -> None:
    assert found(text, index, "de") == expected


def test_a_signature_in_the_paragraph_after_the_closing_formula() -> None:
    from teiedition import Provenance, convert, minimal_metadata
    from teiedition.tei import TEI_NS
    tree = convert("Dear Sir,\n\nThanks.\n\nYours sincerely,\n\nHarry Schumann\n\nHarry Potter\n",
                   minimal_metadata("letter"), Provenance("l.txt", "2026-01-15", "0.1.0"),
                   register=read_register(REGISTER, path="register.xml")).tree
    assert [e.text for e in tree.find(f".//{{{TEI_NS}}}body").iter(f"{{{TEI_NS}}}persName")] \
        == ["Harry Schumann"]


@pytest.mark.parametrize("name, forms", [
    # a ruler's or a pope's number in words, by language
    ("Pio V", ["Pio Quinto", "Pio Cinq", "Pio the Fifth", "Pio der Fünfte"]),
    ("Louis XIV", ["Louis Quattordicesimo", "Louis Quatorze", "Louis Decimocuarto",
                   "Louis the Fourteenth", "Louis der Vierzehnte"]),
    # not a numeral: the usual forms
    ("Karl Vi", ["Vi", "K. Vi", "Karl"]),
])
def test_regnal_numbers_in_words(name: str, forms: list[str]) -> None:
    from teiedition.convert.shortforms import derive
    assert [f.text for f in derive(name)] == forms


@pytest.mark.parametrize("name, forms", [
    # a country by its kind after an adjective, then a particle: the name after it
    ("Vereinigte Staaten von Amerika", ["Amerika"]),
    ("United States of America", ["America"]),
    ("Königreich Sachsen", ["Sachsen"]),
    # not: an adjective and a kind without a particle, nor two names
    ("Vereinigte Staaten", []),
    ("Neue Welt von Amerika", []),
])
def test_places_by_their_kind(name: str, forms: list[str]) -> None:
    from teiedition.convert.shortforms import derive_place
    assert [f.text for f in derive_place(name)] == forms


@pytest.mark.parametrize("text, expected", [
    # a spelling one letter apart and an ending of the language after it: outside the tag
    ("die ich ehestens bei Uhlefelders mitspielen will", [("Uhlefelder", "uhlfelder")]),
    # not an ending the language has after such a word (German -n only after -e)
    ("bei Uhlefeldern", []),
])
def test_a_respelled_name_with_an_ending(text: str, expected) -> None:
    index = NameIndex.build(read_register("""<TEI xmlns="http://www.tei-c.org/ns/1.0">
      <standOff><listPerson><person xml:id="uhlfelder"><persName>Simon Uhlfelder</persName>
      </person></listPerson></standOff></TEI>""".encode(), path="register.xml"))
    assert found(text, index, "de") == expected


@pytest.mark.parametrize("text, expected", [
    # a surname after a word for a family names the family, not the person
    ("essendo l’Autor di Casa Orsini", []),
    ("die Familie Reymann kam", []),
    # the person elsewhere
    ("Johanna Reymann kam", [("Johanna Reymann", "reymann")]),
])
def test_a_family_is_not_a_person(text: str, expected) -> None:
    index = NameIndex.build(read_register("""<TEI xmlns="http://www.tei-c.org/ns/1.0">
      <standOff><listPerson>
      <person xml:id="orsini"><persName>Paolo Giordano Orsini</persName></person>
      <person xml:id="reymann"><persName>Johanna Reymann</persName></person>
      </listPerson></standOff></TEI>""".encode(), path="register.xml"))
    assert found(text, index, "it") == expected


NOBLES = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff><listPerson>
  <person xml:id="m-nevers" sex="M"><persName><forename>Philippe</forename>
    <surname>Mancini</surname><roleName>duc de Nevers</roleName></persName></person>
  <person xml:id="f-nevers" sex="F"><persName><forename>Diane</forename>
    <surname>Thianges</surname><roleName>duchesse de Nevers</roleName></persName></person>
  <person xml:id="cardinal"><persName><forename>Emmanuel</forename>
    <surname>La Tour</surname><roleName>cardinal de Bouillon</roleName></persName></person>
  <person xml:id="chevalier"><persName><forename>Frédéric</forename>
    <surname>Auvergne</surname><roleName>chevalier de Bouillon</roleName></persName></person>
  <person xml:id="dauphin"><persName><forename>Louis</forename><surname>Bourbon</surname>
    <addName type="nickname">Monseigneur</addName>
    <addName type="nickname">Grand Dauphin</addName></persName></person>
  <person xml:id="amici"><persName><roleName type="religious">Padre Lettore</roleName>
    <forename>Filippo</forename><surname>Amici</surname></persName></person>
</listPerson></standOff></TEI>""".encode()


@pytest.fixture(scope="module")
def nobles() -> NameIndex:
    return NameIndex.build(read_register(NOBLES, path="register.xml"))


@pytest.mark.parametrize("text, expected", [
    # a territorial designation of the register's roleName, after a title
    ("M. et madame de Nevers", [("M.", "m-nevers"), ("de Nevers", "f-nevers")]),
    # the title the register gives it chooses among those who share it
    ("M. le cardinal de Bouillon et le chevalier de Bouillon",
     [("de Bouillon", "cardinal"), ("de Bouillon", "chevalier")]),
    ("M. de Bouillon", []),  # a title that is neither's: still ambiguous
    # a nickname of capitalised words
    ("le Grand Dauphin est à Meudon", [("Grand Dauphin", "dauphin")]),
    # not: a designation without a title before it, a bare title of the register
    ("la ville de Nevers", []),
    ("il Padre Lettore mi scrisse", []),
])
def test_designations_and_nicknames_of_the_register(
        text: str, expected, nobles: NameIndex) -> None:
    assert found(text, nobles) == expected


@pytest.mark.parametrize("name, forms", [
    # a name in the scholarly transliteration of Cyrillic, as German, English, French write it
    ("Anton Pavlovič Čechov", ["Anton Pawlowitsch Tschechow", "Anton Pavlovich Chekhov",
                               "Anton Pavlovitch Tchekhov"]),
    ("Aleksandr Sergeevič Puškin", ["Aleksandr Sergeewitsch Puschkin",
                                    "Aleksandr Sergeevich Pushkin",
                                    "Aleksandr Sergeevitch Puchkin"]),
    # not a scholarly transliteration: nothing
    ("Nikolaj Gogol", []),
    ("Charles Chaplin", []),
])
def test_transliterations(name: str, forms: list[str]) -> None:
    from teiedition.convert.spellings import transliterations
    assert transliterations(name) == forms


def test_a_transliterated_surname_in_the_text() -> None:
    index = NameIndex.build(read_register("""<TEI xmlns="http://www.tei-c.org/ns/1.0">
      <standOff><listPerson><person xml:id="cechov"><persName><surname>Čechov</surname>
      <forename>Anton Pavlovič</forename></persName></person></listPerson></standOff>
      </TEI>""".encode(), path="register.xml"))
    assert found("sei wahrscheinlich mehr Tschechow, den ich las", index, "de") == [
        ("Tschechow", "cechov")]
    assert found("a play by Chekhov", index, "en") == [("Chekhov", "cechov")]

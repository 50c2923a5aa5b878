"""Short forms of persons' names, derived from the register's full names (issue 14).

Letters and diaries seldom write the full name the register holds: they say
``Talfourd``, ``Mr. Talfourd``, ``Sir W. Elford``, ``Mrs. Hofland``. From each
preferred and variant name of a person of two words or more these forms are
derived:

- ``surname``: the surname alone (``Talfourd``; with its particle too,
  ``van Beethoven`` beside ``Beethoven``);
- ``initials``: the initial of the first forename, and of all forenames, with
  the surname (``W. Elford``, ``S. T. Coleridge``);
- ``first``: the first forename and the surname without the middle names
  (``Samuel Coleridge``);
- ``forename``: the first forename alone (``Pauline``, ``Otto``): letters name
  family and friends so. Shared first names (``John``) are ambiguous and drop out.

A place named by its kind (``Château de Meudon``, ``Schloss Tegel``: the kinds are
:data:`PLACE_KINDS`) also goes by its name alone (``Meudon``); one located by a river,
lake or neighbour (``Lueg am Wolfgangsee``, ``Frankfurt an der Oder``, ``Kingston upon
Thames``: the words are :data:`LOCATORS`) by the part before them (``Lueg``).

A name with parenthesised additions (``Erlangen (Erlang)``, ``Bayreuth (Baireuth,
Baireut) (Stadt)``, registers often write other spellings and qualifiers so) goes
by the name without them (``Bayreuth``), and by each addition that is a spelling of
it (``Baireuth``: alike in most letters, :data:`SPELLING_LIKENESS`), not by the
others (``Stadt``, ``USA``).

The surname is the register's ``<surname>`` when it marks one, else the last
word. A title before a name (``Mr.``, ``Sir``, ``Frau``, kept in :data:`TITLES`)
is never part of a form: it stays outside the tag (ENCODING.md), but it tells
that a person follows. A form that is a person's name the register lists is
not derived (the editor's name wins); a form derived for two persons is not
tagged, unless exactly one of the persons who share it has been named before
in the document (the better-supported reading: ``Barbara Hofland`` ... ``Mrs.
Hofland``); it is reported (``ambiguous``), for ``teiedition suggest`` to list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..register import Entry, Register
from .spellings import transliterations

#: Titles and forms of address that stand before a person's name (lower-case, without a
#: dot), in the languages of the date grammar. Data: extend it for other texts.
TITLES = frozenset("""
mr mrs miss ms dr doctor sir lady lord rev revd reverend capt captain col colonel general
gen major lieut lieutenant lt president professor prof mister master madam dame judge
governor gov bishop archbishop father brother sister saint st count countess duke duchess
earl king queen prince princess baron baroness admiral commodore sergeant serjeant
herr frau fr fräulein frl fürst fürstin graf gf gräfin hofrat hofrath geheimrat doktor pfarrer
kaiser kaiserin könig königin prinz prinzessin freiherr freifrau baronin magister
monsieur madame mademoiselle mme mlle m mgr monseigneur abbé comte comtesse marquis marquise
duc duchesse père mère sœur maître cardinal maréchal maréchale chevalier président présidente
messieurs mesdames mesdemoiselles mm duchesses comtesses marquises
signor signore signora signorina don donna padre abate canonico conte contessa fra
duca duchessa marchese marchesa principe principessa barone baronessa cavaliere cav cardinale
""".split())
#: Titles that say a person's sex (``Mrs. Hofland``: the Hofland who is a woman, when the
#: register records the sex of the two Hoflands). Titles of either sex are not here, nor
#: abbreviations that stand for titles of both (``Fr.``: Frau, Father, Frère, Fra).
FEMALE_TITLES = frozenset("""
mrs miss ms lady madam dame countess duchess queen princess baroness sister frau
fräulein frl fürstin gräfin kaiserin königin prinzessin freifrau baronin madame mademoiselle
mme mlle comtesse marquise duchesse mère sœur maréchale signora signorina donna contessa
duchessa marchesa principessa baronessa""".split())
MALE_TITLES = frozenset("""
mr sir lord count duke earl king prince baron brother father herr graf gf fürst kaiser
könig prinz freiherr monsieur m comte marquis duc père maréchal chevalier signor signore
don padre abate conte duca marchese principe barone cavaliere cav""".split())
#: Words for a kind of place that texts leave out (``Meudon`` for ``Château de Meudon``).
PLACE_KINDS = frozenset("""
château chateau abbaye abbey priory prieuré castle palace palais hôtel hotel manor house
schloss burg kloster stift gut hof palazzo villa castello convento monastero chiesa
church église kirche cathedral cathédrale dom duomo fort fortress festung
staaten states staat state kingdom königreich royaume regno reino republic republik
république repubblica república empire reich kaiserreich duchy herzogtum duché ducato
grafschaft county comté contea fürstentum principality principauté principato province
provinz provincia
""".split())
#: Ordinals that name a ruler's or a pope's number in words (``Pio Quinto``, ``Louis
#: Quatorze``, ``Henry the Eighth``, ``Karl der Fünfte``) for the Roman numeral a register
#: writes (``Pio V``): 1 to 16, by language. Data: extend it.
REGNAL_ORDINALS = {
    "it": "Primo Secondo Terzo Quarto Quinto Sesto Settimo Ottavo Nono Decimo Undicesimo "
          "Dodicesimo Tredicesimo Quattordicesimo Quindicesimo Sedicesimo",
    "fr": "Premier Deux Trois Quatre Cinq Six Sept Huit Neuf Dix Onze Douze Treize Quatorze "
          "Quinze Seize",
    "es": "Primero Segundo Tercero Cuarto Quinto Sexto Séptimo Octavo Noveno Décimo Undécimo "
          "Duodécimo Decimotercero Decimocuarto Decimoquinto Decimosexto",
    "en": "the_First the_Second the_Third the_Fourth the_Fifth the_Sixth the_Seventh "
          "the_Eighth the_Ninth the_Tenth the_Eleventh the_Twelfth the_Thirteenth "
          "the_Fourteenth the_Fifteenth the_Sixteenth",
    "de": "der_Erste der_Zweite der_Dritte der_Vierte der_Fünfte der_Sechste der_Siebente "
          "der_Achte der_Neunte der_Zehnte der_Elfte der_Zwölfte der_Dreizehnte "
          "der_Vierzehnte der_Fünfzehnte der_Sechzehnte",
}
_ROMAN = {r: n for n, r in enumerate("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI"
                                     .split(), 1)}
#: Words that locate a place by a river, a lake or a neighbour (``Lueg am Wolfgangsee``).
LOCATORS = frozenset("am an im ob bei upon on sur sous lès les près in".split())
#: How alike (difflib's ratio) a parenthesised addition must be to a word of the name to be
#: another spelling of it: ``Erlang``/``Erlangen`` 0.86, ``Carlsbad``/``Karlsbad`` 0.88,
#: ``Meinungen``/``Meiningen`` 0.89; ``Stadt``/``Bayreuth`` 0.15.
SPELLING_LIKENESS = 0.75
_ADDITION = re.compile(r"\s*\(([^()]*)\)")
#: Words that join a surname to the forenames (``van``, ``de``, ``von``).
PARTICLES = frozenset("von van vom zu de du des la le der den ten ter di da del della dei "
                      "degli d' y".split())
#: At the start of a sentence a capital tells nothing: a surname or first name alone that
#: is also a common word there (``May I ...``, ``Will you``, ``August came``) is a name only
#: after a title or after the person has been named before.
SENTENCE_STARTS = frozenset(".!?…:;\"“‘«¿¡")
#: Common English words that begin sentences (shared with ``suggest``, which leaves them out).
COMMON_WORDS = frozenset("""
a about above according after again against all also although among an and another any
are as at because been before being between both but by can could did do does during each
either even every few for from further had has have having he her here his how however i if
in including instead into is it its just many may meanwhile might more moreover most much
my neither never nevertheless no nor not now of on once one only or other our over
perhaps rather same several she should since so some still such than that the their them
then there therefore these they this those though through thus to too toward towards under
unlike until upon very was we were what when where whether which while who whom whose why
will with within without would yet you your first second third last next new old early late
mid despite given whatever wherever whenever domestically internationally finally indeed
nonetheless consequently accordingly similarly likewise instead besides furthermore
""".split())


@dataclass(frozen=True)
class ShortForm:
    """A form derived from a person's name."""

    text: str
    rule: str  # "surname", "initials", "first"


def derive(name_text: str, surname: str | None = None) -> list[ShortForm]:
    """The short forms of one name (``William Elford`` -> ``Elford``, ``W. Elford``)."""
    words = [w for w in name_text.replace(",", " ").split()
             if w.lower().rstrip(".") not in TITLES]
    if len(words) == 2 and words[1] in _ROMAN:
        return regnal(words[0], _ROMAN[words[1]])
    extra: list[ShortForm] = []
    if surname and surname in name_text:
        last = surname.split()
        # The surname's words stand at the end of the name in natural order; of a double
        # surname (``Cinelli Calvoli``) texts often use the first alone.
        if words[-len(last):] == last:
            words = words[:-len(last)] + [" ".join(last)]
            if len(last) > 1 and last[0].lower() not in PARTICLES:
                extra.append(ShortForm(last[0], "surname"))
    # Of a hyphenated surname texts often use the last part (``Milewski`` of
    # ``Korwin-Milewski``).
    if len(words) > 1 and "-" in words[-1] and words[-1].rsplit("-", 1)[1][:1].isupper():
        extra.append(ShortForm(words[-1].rsplit("-", 1)[1], "surname"))
    if len(words) < 2:
        return []
    family = words[-1]
    particles: list[str] = []
    rest = words[:-1]
    while rest and rest[-1].lower() in PARTICLES:
        particles.insert(0, rest.pop())
    given = [w for w in rest if w.lower() not in PARTICLES]
    forms = [ShortForm(family, "surname"), *extra]
    if particles:
        forms.append(ShortForm(" ".join(particles + [family]), "surname"))
    if given and not _is_initial(given[0]):
        initials = [w[0] + "." for w in given if w[:1].isupper()]
        family = " ".join(particles + [family]) if particles else family
        if initials:
            forms.append(ShortForm(f"{initials[0]} {family}", "initials"))
        if len(initials) > 1:
            forms.append(ShortForm(" ".join(initials + [family]), "initials"))
        if len(given) > 1:
            forms.append(ShortForm(f"{given[0]} {family}", "first"))
        forms.append(ShortForm(given[0], "forename"))
    return [f for f in forms if f.text != name_text
            and (f.text[:1].isupper() or f.text.split()[0].lower() in PARTICLES)]


def designations(addition: str) -> list[ShortForm]:
    """The forms a person goes by from a ``roleName`` or ``addName`` of the register: a
    title and a territorial designation (``duchesse de Villeroy``, ``cardinal de
    Bouillon``, ``duc d'Albret, duc de Bouillon``) by the designation with its particle
    (``de Villeroy``: tagged after a title, as every form that begins with a particle); a
    nickname of capitalised words (``Grand Dauphin``) by itself. A bare title (``Padre
    Lettore``, ``Monseigneur``) gives nothing."""
    forms = []
    for part in addition.split(","):
        words = part.split()
        at = next((k for k, w in enumerate(words) if k and w.lower() in PARTICLES), None)
        if at is not None and at + 1 < len(words) and words[at + 1][:1].isupper() \
                and words[0].lower().rstrip(".") in TITLES:
            forms.append(ShortForm(" ".join(words[at:]), "designation"))
        elif len(words) > 1 and all(w[:1].isupper() and w.lower().rstrip(".") not in TITLES
                                    for w in words):
            forms.append(ShortForm(" ".join(words), "designation"))
    return forms


def regnal(name: str, number: int) -> list[ShortForm]:
    """A ruler's or a pope's name with the number in words (``Pio V``: ``Pio Quinto``,
    ``Pio Cinq``, ... one form per language of :data:`REGNAL_ORDINALS`)."""
    forms = (f"{name} {words.split()[number - 1].replace('_', ' ')}"
             for words in REGNAL_ORDINALS.values())
    return [ShortForm(text, "regnal") for text in dict.fromkeys(forms)]


def derive_place(name_text: str) -> list[ShortForm]:
    """The short form of a place named by its kind and its name (``Château de Meudon``,
    ``Abbaye de Saint-Martin``, ``Schloss Tegel``): the name alone."""
    words = name_text.split()
    located = next((k for k, w in enumerate(words[1:-1], 1) if w in LOCATORS), None)
    if located and all(w[:1].isupper() for w in words[:located]):
        return [ShortForm(" ".join(words[:located]), "place")]
    # The kind may follow an adjective (``Vereinigte Staaten von Amerika``, ``United States
    # of America``: ``Amerika``).
    kind = 0 if words and words[0].lower() in PLACE_KINDS else 1 \
        if len(words) > 2 and words[0][:1].isupper() and words[1].lower() in PLACE_KINDS \
        and (words[2].lower() in PARTICLES or words[2] == "of") else None
    if len(words) < 2 or kind is None:
        return []
    rest = words[kind + 1:]
    if rest[0].lower() in PARTICLES or rest[0].lower() == "of":
        rest = rest[1:]
    if rest and rest[0].startswith(("d'", "d’")):
        rest = [rest[0][2:]] + rest[1:]
    text = " ".join(rest)
    return [ShortForm(text, "place")] if text[:1].isupper() else []


def alternatives(name_text: str) -> list[ShortForm]:
    """The forms of a name with parenthesised additions: the name without them, and each
    addition that is a spelling of one of its words (``Erlangen (Erlang)``: ``Erlangen``,
    ``Erlang``)."""
    if "(" not in name_text:
        return []
    base = " ".join(_ADDITION.sub(" ", name_text).split())
    if not base or "(" in base or ")" in base:
        return []
    forms = [ShortForm(base, "spelling")]
    words = base.split()
    for addition in _ADDITION.findall(name_text):
        for other in (a.strip() for a in addition.split(",")):
            if other[:1].isupper() and len(other.split()) == len(words) and all(
                    SequenceMatcher(None, a.lower(), b.lower()).ratio() >= SPELLING_LIKENESS
                    for a, b in zip(other.split(), words, strict=True) if a != b):
                forms.append(ShortForm(other, "spelling"))
    return forms


def sex_of(entry: Entry) -> str | None:
    """A person's sex: the register's, else the one a title in the person's names says
    (``Josephine Gräfin von Pachta``), when they say only one."""
    if entry.sex:
        return entry.sex
    words = {w.lower().rstrip(".") for name in entry.names for w in name.text.split()}
    said = {"f" for w in words if w in FEMALE_TITLES and len(w) > 2} | {
        "m" for w in words if w in MALE_TITLES and len(w) > 2}
    return said.pop() if len(said) == 1 else None


def title_sex(title: str) -> str | None:
    """The sex a title says (``Mrs``: ``"f"``), or None."""
    lower = title.lower()
    return "f" if lower in FEMALE_TITLES else "m" if lower in MALE_TITLES else None


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


@dataclass
class ShortForms:
    """The short forms of a register: form -> the entry it stands for, and the forms that
    two or more entries share (form -> their ids)."""

    forms: list[tuple[str, Entry, str]] = field(default_factory=list)  # (form, entry, rule)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The entries behind each ambiguous form.
    sharers: list[tuple[str, tuple[Entry, ...]]] = field(default_factory=list)
    #: Designations by their title: (form, title) -> the ids of the persons so designated
    #: (``de Bouillon`` after ``cardinal``: the cardinal de Bouillon, not the chevalier).
    titled: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, register: Register) -> "ShortForms":
        # A name the register lists for an entry of the same kind wins over a derived form;
        # one of another kind does not (context decides, see names.py).
        listed = {(entry.kind, name.text) for entry in register.entries
                  for name in entry.names}
        claims: dict[tuple[str, str], dict[str, tuple[Entry, str]]] = {}
        titled: dict[tuple[str, str], set[str]] = {}
        for entry in register.entries:
            if entry.kind not in ("person", "place") or not entry.short_forms:
                continue
            for name in entry.names:
                if name.disabled:
                    continue
                spellings = alternatives(name.text)
                base = spellings[0].text if spellings else name.text
                forms = spellings + (derive(base, name.surname) if entry.kind == "person"
                                     else derive_place(base))
                # Another script's name as the texts' languages write it (``Tschechow``).
                for other in transliterations(base):
                    forms += [ShortForm(other, "spelling"), *(
                        derive(other) if entry.kind == "person" else derive_place(other))]
                if entry.kind == "person":
                    for addition in name.additions:
                        for form in designations(addition):
                            forms.append(form)
                            title = next((p.split()[0].lower() for p in addition.split(",")
                                          if " ".join(p.split()).endswith(form.text)), None)
                            if title:
                                titled.setdefault((form.text, title), set()).add(entry.id)
                for form in forms:
                    if (entry.kind, form.text) not in listed:
                        claims.setdefault((entry.kind, form.text), {}).setdefault(
                            entry.id, (entry, form.rule))
        result = cls(titled=titled)
        for (_, text), by_entry in claims.items():
            if len(by_entry) == 1:
                entry, rule = next(iter(by_entry.values()))
                result.forms.append((text, entry, rule))
            else:
                result.ambiguous[text] = result.ambiguous.get(text, ()) + tuple(by_entry)
                result.sharers.append((text, tuple(entry for entry, _ in by_entry.values())))
        return result

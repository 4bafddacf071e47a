"""The review reasons as a lawyer would, failure class by failure class: small statutes written here,
in both languages, each showing one way real laws word (or nearly word) a criterion."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.importers.document import import_document
from drafting.library.library import load_library
from drafting.errors import DraftingError
from drafting.review.verdicts import legal_order, review


@pytest.fixture(scope="module")
def library():
    return load_library()


def verdicts(tmp_path: Path, library, text: str, name: str = "ley.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = review(import_document(path).document, library, criteria="full")
    return {v.criterion: v for v in result.verdicts}


def status(found, criterion: str) -> str:
    return found[criterion].status


ES_HEAD = "LEY NÚM. 4-30 SOBRE DELITOS CONTRA LA NIÑEZ\nEL CONGRESO NACIONAL\nHA DADO LA SIGUIENTE LEY:\n"
EN_HEAD = "THE CHILD PROTECTION ACT, 2030\nAct No. 4 of 2030\nBE IT ENACTED by the Parliament of Westvale as follows:\n"


# ---------------------------------------------------------------- the material as the law words it

@pytest.mark.parametrize("offence", [
    "Artículo 1.- El que produzca o difunda toda representación de un menor de dieciocho años dedicado a actividades "
    "sexuales explícitas será sancionado con prisión de tres a seis años.",
    "Artículo 1.- El que venda material pornográfico en que aparezcan personas menores de edad será sancionado con "
    "prisión de dos a cuatro años.",
])
def test_an_offence_that_describes_the_material_instead_of_naming_it_es(tmp_path, library, offence):
    found = verdicts(tmp_path, library, ES_HEAD + offence + "\nArtículo 2.- Vigencia. Esta ley rige desde su publicación.\n")
    assert status(found, "specific") == "met"
    assert status(found, "definition") == "partial"  # described within the offence, defined nowhere


@pytest.mark.parametrize("offence", [
    "1. A person who knowingly distributes a visual depiction of a minor engaging in sexually explicit conduct commits "
    "an offence and is liable on conviction to imprisonment for ten years.",
    "1. A person who takes an indecent photograph of a child commits an offence and is liable on conviction to "
    "imprisonment for five years.",
    "1. A person who sells child pornography commits an offence and is liable on conviction to imprisonment for ten years.",
])
def test_an_offence_that_describes_the_material_instead_of_naming_it_en(tmp_path, library, offence):
    found = verdicts(tmp_path, library, EN_HEAD + offence + "\n2. This Act comes into force on publication.\n", "act.txt")
    assert status(found, "specific") == "met"


def test_a_definition_given_as_a_list_item_es(tmp_path, library):
    text = ES_HEAD + """Artículo 1.- Definiciones. Para los fines de esta ley se entiende por:
a) Niño, niña o adolescente: toda persona menor de dieciocho (18) años;
b) Pornografía infantil: toda representación de un niño, niña o adolescente dedicado a actividades sexuales explícitas.
Artículo 2.- Producción. El que produzca pornografía infantil será sancionado con prisión de cinco a diez años.
"""
    found = verdicts(tmp_path, library, text)
    assert status(found, "definition") == "met"
    assert found["definition"].evidence[0].num.startswith("1, b")
    assert status(found, "child-18") == "met" and "18" in found["child-18"].reason  # "dieciocho (18)"


def test_a_definition_in_a_definitions_section_en(tmp_path, library):
    text = EN_HEAD + """1. In this Act—
"child" means a person under the age of eighteen years;
"exploitation material" means any image of a child engaged in sexual activity.
2. A person who possesses exploitation material commits an offence and is liable on conviction to imprisonment.
"""
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "definition") == "met"
    assert status(found, "possession") == "met"  # the defined term is the material wherever the Act uses it
    assert status(found, "child-18") == "met"  # "eighteen", read as a number


# ---------------------------------------------------------------- the offence as a unit

def test_the_penalty_in_the_wrap_up_after_the_list_of_acts(tmp_path, library):
    text = EN_HEAD + """1. A person who—
(a) produces child pornography; or
(b) knowingly possesses child pornography,
commits an offence and is liable on conviction to imprisonment for a term not exceeding ten years.
"""
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "possession") == "met"
    assert found["possession"].evidence[0].num == "1(b)"


def test_the_penalty_in_another_paragraph_of_the_same_article(tmp_path, library):
    text = ES_HEAD + """Artículo 1.- Producción. El que produzca pornografía infantil será sancionado con prisión de cinco a diez años.
Párrafo I.- El que a sabiendas posea pornografía infantil recibirá la misma pena.
"""
    found = verdicts(tmp_path, library, text)
    assert status(found, "possession") == "met"


def test_the_penalty_in_an_article_that_cites_the_offence(tmp_path, library):
    text = ES_HEAD + """Artículo 1.- Posesión. Queda prohibido poseer pornografía infantil.
Artículo 2.- Sanción. Quien infrinja el artículo 1 será sancionado con prisión de uno a tres años.
"""
    found = verdicts(tmp_path, library, text)
    assert status(found, "possession") == "met"
    assert found["possession"].confidence != "high"  # the penalty sits elsewhere: for the reviewer to check


def test_a_list_of_violence_that_names_the_material_is_no_offence(tmp_path, library):
    text = ES_HEAD + """Artículo 1.- Objeto. Son formas de violencia contra la niñez la explotación sexual y la pornografía infantil.
Artículo 2.- Sanciones. Las infracciones a esta ley serán sancionadas con multa.
"""
    found = verdicts(tmp_path, library, text)
    assert status(found, "specific") == "missing"


# ---------------------------------------------------------------- restrictions, widened or not

def test_a_restriction_that_is_then_widened_restricts_nothing(tmp_path, library):
    narrow = ES_HEAD + ("Artículo 1.- Posesión. El que posea pornografía infantil en un sistema de información será "
                        "sancionado con prisión de uno a tres años.\n")
    wide = ES_HEAD + ("Artículo 1.- Posesión. El que posea pornografía infantil en un sistema de información, en un "
                      "dispositivo de almacenamiento o en cualquier otro soporte será sancionado con prisión de uno a tres años.\n")
    assert status(verdicts(tmp_path, library, narrow), "possession") == "partial"
    assert status(verdicts(tmp_path, library, wide, "ley2.txt"), "possession") == "met"


def test_possession_only_with_intent_to_distribute_is_not_simple_possession(tmp_path, library):
    text = EN_HEAD + ("1. A person who possesses child pornography with intent to distribute it commits an offence and is "
                      "liable on conviction to imprisonment.\n")
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "possession") == "missing" and status(found, "specific") == "met"


# ---------------------------------------------------------------- the general part reaches every offence

def test_general_rules_on_attempt_and_forfeiture_reach_every_offence(tmp_path, library):
    text = EN_HEAD + """1. A person who distributes child pornography commits an offence and is liable on conviction to imprisonment.
2. A person who attempts to commit any offence under this Act commits an offence and is liable to the same penalty.
3. On conviction for any offence under this Act the court shall order the forfeiture of any equipment used and of the proceeds of the offence.
"""
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "attempt") == "met" and found["attempt"].evidence[0].num == "2"
    assert status(found, "forfeiture") == "met"


def test_an_aggravation_of_data_crimes_is_not_one_of_these_offences(tmp_path, library):
    text = ES_HEAD + """Artículo 1.- Producción. El que produzca pornografía infantil será sancionado con prisión de cinco a diez años.
Artículo 2.- Acceso ilícito. El que acceda sin autorización a un sistema informático será sancionado con prisión de uno a dos años.
Artículo 3.- Agravantes. La pena del artículo 2 se aumentará en un tercio cuando el autor sea reincidente.
"""
    found = verdicts(tmp_path, library, text)
    assert status(found, "aggravation") == "partial"
    assert "not for the offences on the material" in found["aggravation"].reason


def test_jurisdiction_abroad_for_one_unrelated_offence(tmp_path, library):
    text = EN_HEAD + """1. A person who distributes child pornography commits an offence and is liable on conviction to imprisonment.
2. A citizen who commits an offence of bribery outside the Republic may be tried by the courts of the Republic.
"""
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "jurisdiction") == "partial"  # abroad, but not for the offences on the material


# ---------------------------------------------------------------- near misses

def test_keeping_data_secret_is_not_retaining_it(tmp_path, library):
    text = ES_HEAD + ("Artículo 1.- Confidencialidad. Los proveedores de servicios deberán guardar secreto sobre los datos "
                      "de sus usuarios y conservar su reserva.\n")
    assert status(verdicts(tmp_path, library, text), "data-retention") == "missing"


def test_trafficking_is_not_grooming(tmp_path, library):
    text = ES_HEAD + ("Artículo 1.- Trata. El que capte, traslade o acoja a un niño con fines de explotación será "
                      "sancionado con prisión de ocho a quince años.\n")
    assert status(verdicts(tmp_path, library, text), "grooming") == "missing"


def test_loss_of_office_is_not_forfeiture(tmp_path, library):
    text = EN_HEAD + """1. A person who distributes child pornography commits an offence and is liable on conviction to imprisonment.
2. A public officer convicted of an offence under this Act shall lose his office.
"""
    assert status(verdicts(tmp_path, library, text, "act.txt"), "forfeiture") == "missing"


def test_online_grooming_and_inducing_a_child(tmp_path, library):
    online = EN_HEAD + ("1. A person who, by means of the internet, communicates with a child for a sexual purpose commits "
                        "an offence and is liable on conviction to imprisonment.\n")
    induce = EN_HEAD + ("1. A person who induces a child to engage in sexual activity commits an offence and is liable on "
                        "conviction to imprisonment.\n")
    assert status(verdicts(tmp_path, library, online, "a.txt"), "grooming") == "met"
    assert status(verdicts(tmp_path, library, induce, "b.txt"), "grooming") == "partial"


# ---------------------------------------------------------------- amending laws

def test_an_amending_law_is_credited_with_what_it_inserts(tmp_path, library):
    text = ES_HEAD + """Artículo 1.- Se modifica el artículo 183-A del Código Penal, el cual queda así:
«Artículo 183-A.- Pornografía infantil. El que posea pornografía infantil será reprimido con pena privativa de libertad no menor de seis años.»
Artículo 2.- Vigencia. Esta ley rige desde su publicación.
"""
    found = verdicts(tmp_path, library, text)
    assert status(found, "possession") == "met"
    assert found["possession"].reason.startswith("Article 1 (replacing Artículo 183-A of the Código Penal)")


CL_ONE_ARTICLE = """LEY NÚM. 21.999
MODIFICA EL CÓDIGO PENAL EN MATERIA DE MATERIAL DE ABUSO SEXUAL INFANTIL
Teniendo presente que el H. Congreso Nacional ha dado su aprobación al siguiente
Proyecto de ley:
Artículo único.- Introdúcense las siguientes modificaciones en el Código Penal:
1) Reemplázase el artículo 366 quinquies por el siguiente:
"Artículo 366 quinquies.- El que almacene material de abuso sexual infantil, cualquiera sea su soporte, será castigado con presidio menor en su grado medio."
2) Agrégase el siguiente artículo 366 sexies:
"Artículo 366 sexies.- El que difunda material de abuso sexual infantil será castigado con presidio menor en su grado máximo."
3) Agrégase el siguiente artículo 366 septies:
"Artículo 366 septies.- Los proveedores de servicios de internet deberán informar al Ministerio Público de la existencia de material de abuso sexual infantil alojado en sus servidores, dentro de las cuarenta y ocho horas siguientes a su conocimiento."
"""


def test_each_article_a_one_article_law_inserts_is_an_article_of_its_own_es(tmp_path, library):
    found = verdicts(tmp_path, library, CL_ONE_ARTICLE)
    assert status(found, "possession") == "met"
    assert found["possession"].reason.startswith("Article único, 1) (replacing Artículo 366 quinquies of the Código Penal)")
    assert status(found, "isp-report") == "met"
    assert found["isp-report"].reason.startswith("Article único, 3) (inserting Artículo 366 septies in the Código Penal)")
    # the providers' duty is not an offence: it does not borrow the penalty of the articles inserted beside it
    assert [e.num for e in found["specific"].evidence] == ["único, 1)", "único, 2)"]
    assert status(found, "computer") == "partial"  # only dissemination, no computer, in an offence
    assert found["computer"].reason.startswith("Article único, 2) (inserting Artículo 366 sexies")


EN_AMENDING = """THE CRIMINAL CODE (AMENDMENT) ACT, 2031
Act No. 7 of 2031
BE IT ENACTED by the Parliament of Westvale as follows:
1. Short title
This Act may be cited as the Criminal Code (Amendment) Act, 2031.
2. Amendment of the Criminal Code
The Criminal Code is amended—
(a) by inserting after section 163.1 the following section:
"163.2 Possession of child sexual abuse material
A person who has in his possession child sexual abuse material commits an offence and is liable on conviction to imprisonment for a term not exceeding ten years.";
(b) by inserting after section 163.2 the following section:
"163.3 Duty of service providers
A service provider who becomes aware that its network is being used to host child sexual abuse material shall report that fact to the police without delay.";
"""


def test_each_section_an_amending_act_inserts_is_a_section_of_its_own_en(tmp_path, library):
    found = verdicts(tmp_path, library, EN_AMENDING, "act.txt")
    assert status(found, "possession") == "met"
    assert found["possession"].reason.startswith("Section 2(a) (inserting section 163.2 in the Criminal Code)")
    assert status(found, "isp-report") == "met" and found["isp-report"].evidence[0].num == "2(b)"
    assert "police" in found["isp-report"].evidence[0].quote
    # the network the providers' duty names is no offence on the material by computer
    assert status(found, "computer") == "missing"
    assert [e.num for e in found["specific"].evidence] == ["2(a)"]


# ---------------------------------------------------------------- one provision applied to another; "such material"

def test_a_subsection_read_into_the_one_it_names_and_such_material_en(tmp_path, library):
    text = EN_HEAD + """5. Possession of child abuse material
(1) A person who has in his possession child abuse material commits an offence and is liable on conviction to imprisonment for a term not exceeding 5 years.
(2) In subsection (1), a person has in his possession material to which he gains access by means of a computer, whether or not he downloads it.
(3) A person who advertises such material commits an offence and is liable on conviction to imprisonment for a term not exceeding 10 years.
6. Commencement
This Act comes into force on publication.
"""
    found = verdicts(tmp_path, library, text, "act.txt")
    computer = found["computer"]
    assert computer.status == "met" and computer.evidence[0].num == "5(1)"
    assert "by means of a computer" in computer.evidence[0].quote and "child abuse material" in computer.evidence[0].quote
    assert computer.confidence != "high"  # the computer is in another subsection: for the reviewer to read
    assert status(found, "advertising") == "met" and found["advertising"].evidence[0].num == "5(3)"


def test_such_material_needs_the_material_named_before_it_in_its_section_en(tmp_path, library):
    text = EN_HEAD + """5. Obscene publications
(1) A person who sells an obscene publication commits an offence and is liable on conviction to imprisonment for 2 years.
(2) A person who advertises such material commits an offence and is liable on conviction to imprisonment for 2 years.
6. Child abuse material
A person who has in his possession child abuse material commits an offence and is liable on conviction to imprisonment for 5 years.
7. Interpretation
In subsection (1), a person gains access to material by means of a computer if he views it on a screen.
"""
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "possession") == "met"
    assert status(found, "advertising") == "missing"  # the obscene publication is not the material
    assert status(found, "computer") == "missing"  # "subsection (1)" of another section is not section 6


def test_a_paragraph_read_into_the_one_it_names_and_the_material_referred_to_es(tmp_path, library):
    text = ES_HEAD + """Artículo 5.- El que almacene material pornográfico en cuya elaboración se hayan utilizado menores de dieciocho años será castigado con presidio menor en su grado medio.
Para los efectos del inciso anterior, se entenderá que almacena quien accede a sabiendas al material por medio de un sistema informático.
El que anuncie el referido material será castigado con la misma pena.
Artículo 6.- El que exhiba películas obscenas en lugares públicos será castigado con multa.
El que anuncie dicho material será castigado con la misma pena.
Artículo 7.- Esta ley rige desde su publicación.
"""
    found = verdicts(tmp_path, library, text)
    computer = found["computer"]
    assert computer.status == "met" and computer.evidence[0].num == "5, ¶1"
    assert "sistema informático" in computer.evidence[0].quote
    advertising = found["advertising"]
    assert advertising.status == "met"
    assert [e.num for e in advertising.evidence] == ["5, ¶3"]  # article 6's "dicho material" is obscene films


def test_the_first_paragraph_named_by_its_ordinal_es(tmp_path, library):
    text = ES_HEAD + """Artículo 5.- El que posea pornografía infantil será sancionado con prisión de uno a tres años.
El que la produzca será sancionado con prisión de tres a seis años.
Para los efectos del inciso primero, también posee quien la guarda en un dispositivo electrónico.
"""
    found = verdicts(tmp_path, library, text)
    assert status(found, "computer") == "met" and found["computer"].evidence[0].num == "5, ¶1"


# ---------------------------------------------------------------- several statutes of one country

def test_a_code_and_a_special_law_reviewed_as_one_legal_order(tmp_path, library):
    code = tmp_path / "codigo.txt"
    code.write_text("CÓDIGO PENAL\nArtículo 1.- El que posea pornografía infantil será sancionado con prisión de dos a "
                    "cuatro años.\nArtículo 2.- Vigencia. Este código rige desde su publicación.\n", encoding="utf-8")
    special = tmp_path / "ley.txt"
    special.write_text("LEY NÚM. 9-30 SOBRE SERVICIOS DE INTERNET\nArtículo 1.- Los proveedores de servicios de internet "
                       "deberán denunciar a la autoridad competente la pornografía infantil que detecten en sus "
                       "sistemas.\nArtículo 2.- Vigencia. Esta ley rige desde su publicación.\n", encoding="utf-8")
    documents = [import_document(code).document, import_document(special).document]
    alone = {v.criterion: v for v in review(documents[1], library, criteria="full").verdicts}
    together = {v.criterion: v for v in review(legal_order(documents), library, criteria="full").verdicts}
    assert alone["possession"].status == "missing" and together["possession"].status == "met"
    assert together["possession"].evidence[0].num.startswith("CÓDIGO PENAL, ")
    assert together["isp-report"].status != "missing"
    assert together["isp-report"].evidence[0].num.startswith("LEY NÚM. 9-30")
    # every provision keeps its own article number: the two "Artículo 1" are not merged
    assert together["possession"].reason.startswith("CÓDIGO PENAL, article 1")


def test_statutes_of_two_countries_are_not_one_legal_order(tmp_path, library):
    es = tmp_path / "ley.txt"
    es.write_text("LEY DEL PERÚ\nArtículo 1.- Objeto. Esta ley regula los servicios.\n", encoding="utf-8")
    en = tmp_path / "act.txt"
    en.write_text(EN_HEAD + "1. This Act comes into force on publication.\n", encoding="utf-8")
    with pytest.raises(DraftingError, match="share a language"):
        legal_order([import_document(es).document, import_document(en).document])


# ---------------------------------------------------------------- honesty

def test_low_confidence_verdicts_are_flagged_in_every_report(tmp_path, library):
    from dataclasses import replace as with_

    import docx

    from drafting.export.review_docx import review_document
    from drafting.export.review_html import review_html

    text = ES_HEAD + "Artículo 1.- El que posea pornografía infantil será sancionado con prisión de dos a cuatro años.\n"
    path = tmp_path / "ley.txt"
    path.write_text(text, encoding="utf-8")
    result = review(import_document(path).document, library)
    assert all(v.confidence in ("high", "medium", "low") for v in result.verdicts)
    shaky = with_(result, verdicts=(with_(result.verdicts[0], confidence="low"), *result.verdicts[1:]))
    first = shaky.verdicts[0]
    assert first.uncertain and first.check_note and not shaky.verdicts[1].check_note
    assert shaky.lines()[0].endswith("(check)") and not shaky.lines()[1].endswith("(check)")  # the CLI lines
    page = review_html(shaky)
    assert page.count('class="check-note"') == 1 and page.count('class="check"') == 2  # summary row and heading
    memo = review_document(shaky)
    assert memo.tables[0].rows[1].cells[1].text == f"{first.status} (check)"
    assert first.check_note in [p.text for p in memo.paragraphs]
    assert shaky.to_json()["criteria"][0]["confidence"] == "low"


def test_statutes_with_the_same_title_are_told_apart_by_their_files(tmp_path, library):
    paths = []
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("LEY ORGÁNICA\nArtículo 1.- Objeto. Esta ley regula los servicios de la red y las "
                                     "obligaciones de los proveedores.\n", encoding="utf-8")
        paths.append(tmp_path / name)
    order = legal_order([import_document(p).document for p in paths])
    assert [part.heading for part in order.body] == ["LEY ORGÁNICA (a.txt)", "LEY ORGÁNICA (b.txt)"]


# ---------------------------------------------------------------- wordings of other traditions

def test_contact_by_electronic_communications_against_sexual_integrity_is_grooming(tmp_path, library):
    text = ES_HEAD + ("Artículo 1.- Será penado con prisión de uno (1) a cinco (5) años el que, por medio de comunicaciones "
                      "electrónicas, contactare a una persona menor de edad con el propósito de cometer cualquier delito "
                      "contra su integridad sexual.\nArtículo 2.- Vigencia. Esta ley rige desde su publicación.\n")
    assert status(verdicts(tmp_path, library, text), "grooming") == "met"


def test_an_unlawful_act_punished_in_a_penalties_section_that_cites_it(tmp_path, library):
    text = ("REPUBLIC ACT No. 12001\nAN ACT ON CHILD SEXUAL ABUSE MATERIAL\n"
            "Be it enacted by the Senate and House of Representatives in Congress assembled:\n"
            "SECTION 1. Definition of Terms. – As used in this Act:\n"
            "(a) \"Child\" refers to a person below eighteen (18) years of age;\n"
            "(b) \"Child sexual abuse material\" refers to any depiction of a child in sexual activity.\n"
            "SEC. 2. Prohibited Acts. – It shall be unlawful for any person:\n"
            "(a) To produce child sexual abuse material;\n(b) To possess child sexual abuse material.\n"
            "SEC. 3. Penalties. – Any person found guilty of violating Section 2 shall suffer the penalty of "
            "imprisonment of twelve years.\n")
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "specific") == "met" and status(found, "possession") == "met"
    assert status(found, "child-18") == "met"  # "below eighteen (18) years of age"


def test_jurisdiction_over_an_offence_committed_by_a_citizen_outside_the_country(tmp_path, library):
    text = EN_HEAD + ("1. A person who possesses child pornography commits an offence and is liable on conviction to "
                      "imprisonment for ten years.\n2. A court has jurisdiction over an offence under this Act where the "
                      "offence is committed by a citizen of Westvale outside Westvale.\n")
    assert status(verdicts(tmp_path, library, text, "act.txt"), "jurisdiction") == "met"
    es = ES_HEAD + ("Artículo 1.- El que posea pornografía infantil será sancionado con prisión de dos a cuatro años.\n"
                    "Artículo 2.- Los tribunales nacionales conocerán de los delitos de esta ley cometidos por nacionales "
                    "de la República fuera del territorio.\n")
    assert status(verdicts(tmp_path, library, es), "jurisdiction") == "met"


# ---------------------------------------------------------------- evidence: operative provisions first

def test_a_purpose_article_is_cited_only_after_the_operative_provision_es(tmp_path, library):
    text = ES_HEAD + (
        "Artículo 1.- Objeto. La presente ley tiene por objeto garantizar que todo niño, niña o adolescente víctima de "
        "los delitos previstos en la presente ley reciba, de forma gratuita e inmediata, la asistencia médica, "
        "psicológica, social y jurídica que requiera para su recuperación y reintegración.\n"
        "Artículo 2.- El que produzca material de abuso sexual infantil será sancionado con prisión de tres a seis años.\n"
        "Artículo 3.- Derechos. Las víctimas menores de edad de los delitos de esta ley tendrán derecho a "
        "indemnización.\n")
    victim = verdicts(tmp_path, library, text)["victim"]
    assert victim.status == "met"
    assert victim.evidence[0].num.startswith("3"), victim.evidence


def test_a_purpose_section_is_cited_only_after_the_operative_provision_en(tmp_path, library):
    text = EN_HEAD + (
        "1. Purposes\nThe purposes of this Act are to ensure that every child who is a victim of an offence under this "
        "Act receives, free of charge and without delay, the medical, psychological, social and legal assistance that "
        "the child needs for their recovery and reintegration.\n"
        "2. A person who produces child sexual abuse material commits an offence and is liable on conviction to "
        "imprisonment for ten years.\n"
        "3. Compensation\nA child who is a victim of an offence under this Act is entitled to compensation.\n")
    victim = verdicts(tmp_path, library, text, "act.txt")["victim"]
    assert victim.status == "met"
    assert victim.evidence[0].num.startswith("3"), victim.evidence


# ---------------------------------------------------------------- 'It is an offence …'; defined terms that bring in computers

def test_it_is_an_offence_wording_and_a_defined_term_that_includes_computer_data_en(tmp_path, library):
    text = EN_HEAD + (
        "1. Possession\n(1) It is an offence for a person to have an indecent photograph of a child in the person's "
        "possession.\n(2) A person guilty of an offence under subsection (1) is liable on conviction to imprisonment "
        "for a term not exceeding 5 years.\n"
        "2. Interpretation\nIn this Act—\n“child” means a person under the age of 18;\n"
        "“photograph” includes a film and data stored on a computer disc or by other electronic means.\n")
    found = verdicts(tmp_path, library, text, "act.txt")
    assert status(found, "possession") == "met" and found["possession"].evidence[0].num.startswith("1")
    assert status(found, "child-18") == "met"  # the definition reaches the offence the Act now has
    assert status(found, "computer") == "met" and "photograph" in found["computer"].reason


def test_a_defined_term_that_includes_computer_data_es(tmp_path, library):
    text = ES_HEAD + (
        "Artículo 1.- Definiciones. Para los fines de esta ley se entiende por:\n"
        "a) Material: toda fotografía o película, incluidos los datos informáticos que la contengan.\n"
        "Artículo 2.- El que posea material en que aparezca una persona menor de dieciocho años en actividades "
        "sexuales explícitas será sancionado con prisión de uno a tres años.\n")
    found = verdicts(tmp_path, library, text)
    assert status(found, "computer") == "met"

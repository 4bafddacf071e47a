"""Numbering and layout styles of countries outside the development corpus, written here in our own
words: each shows one convention the importer must read from the evidence, not from a list of laws."""

from __future__ import annotations


from drafting.importers.document import import_document
from drafting.model.document import Document

from .styles import imported, labels


def load(text: str, name: str = "ley.txt") -> Document:
    return imported(text, name)


# ---------------------------------------------------------------- Spanish-speaking traditions

def test_degree_sign_and_dash_labels_with_an_insertion_introduced_by_el_siguiente(tmp_path):
    doc = load("""LEY 27.001
Código Penal. Se incorpora el contacto con menores por medios digitales.
Sancionada: Marzo 4 de 2021
El Senado y Cámara de Diputados reunidos en Congreso sancionan con fuerza de Ley:
ARTICULO 1° — Incorpórase como artículo 128 bis del Código Penal el siguiente:
Artículo 128 bis: La persona que, valiéndose de cualquier medio digital, entre en contacto con alguien menor de edad para cometer un delito sexual en su perjuicio será reprimida con prisión de uno (1) a cinco (5) años.
ARTICULO 2° — Comuníquese al Poder Ejecutivo.
DADA EN LA SALA DE SESIONES, A LOS CUATRO DIAS DEL MES DE MARZO DEL AÑO DOS MIL VEINTIUNO.
""")
    assert labels(doc) == ["ARTICULO 1° —", "ARTICULO 2° —"]  # the quoted 128 bis is not this law's article
    first, second = doc.units()
    assert first.children[0].kind == "quotedStructure" and first.children[0].children[0].num == "128 bis"
    assert second.heading == "" and second.text == "Comuníquese al Poder Ejecutivo."  # a sentence, not a heading
    assert doc.meta.number == "27.001" and doc.meta.date == "2021-03-04"
    assert doc.conclusions[0].text.startswith("DADA EN LA SALA")


def test_headings_in_brackets_and_a_closing_order_to_the_executive(tmp_path):
    doc = load("""LEY N° 412
LEY DE CUIDADO DIGITAL DE LA NIÑEZ
CAPÍTULO I
DISPOSICIONES GENERALES
ARTÍCULO 1. (OBJETO). Esta Ley protege a las niñas, niños y adolescentes en el uso de medios digitales.
ARTÍCULO 2. (DEFINICIONES). Para efectos de esta Ley se entiende por:
a) Material de abuso sexual infantil: toda imagen de una persona menor de dieciocho años en actividad sexual explícita.
b) Medio digital: todo dispositivo o red que trate datos.
ARTÍCULO 3. (TENENCIA). Quien tenga material de abuso sexual infantil será sancionado con privación de libertad de dos a cinco años.
Remítase al Órgano Ejecutivo para fines constitucionales.
""")
    assert [u.heading for u in doc.units()] == ["(OBJETO)", "(DEFINICIONES)", "(TENENCIA)"]
    assert doc.units()[0].text.startswith("Esta Ley protege")
    assert doc.units()[1].text == "Para efectos de esta Ley se entiende por:" and doc.units()[1].defines == ""
    assert [p.defines for p in doc.units()[1].children[0].children] == ["Material de abuso sexual infantil", "Medio digital"]
    assert doc.units()[2].children == () and doc.conclusions[0].text.startswith("Remítase")


def test_a_decree_with_one_article_and_a_transitional_provision_after_the_quotation(tmp_path):
    doc = load("""DECRETO por el que se reforma el Código Penal de la Federación.
Artículo Único.- Se reforma el artículo 210 del Código Penal de la Federación, para quedar como sigue:
Artículo 210.- Comete delito quien grabe o difunda imágenes sexuales de personas menores de dieciocho años. Se le impondrán de seis a diez años de prisión.
TRANSITORIO
Único.- El presente Decreto entra en vigor al día siguiente de su publicación.
""")
    article, transitional = doc.body
    assert article.num == "Único" and article.children[0].kind == "quotedStructure"
    assert article.children[0].children[0].text.endswith("de seis a diez años de prisión.")  # the quotation ends there
    assert transitional.kind == "hcontainer" and transitional.heading == "TRANSITORIO"
    assert transitional.children[0].label == "Único.-" and transitional.children[0].text.startswith("El presente Decreto")


def test_a_law_printed_inside_the_quotation_marks_of_its_promulgation(tmp_path):
    doc = load("""LEY NÚM. 21.555
MODIFICA EL CÓDIGO PENAL PARA PROTEGER A LA NIÑEZ
Teniendo presente que el Congreso Nacional ha dado su aprobación al siguiente
PROYECTO DE LEY:
"Artículo 1°.- Introdúcense las siguientes modificaciones en el Código Penal:
1) Sustitúyese el artículo 366 quinquies por el siguiente:
"Artículo 366 quinquies.- La persona que venda o exhiba material de abuso sexual infantil será castigada con presidio menor en su grado máximo.".
Artículo 2°.- Esta ley rige desde su publicación.".
Y por cuanto he tenido a bien aprobarlo; por tanto promúlguese y llévese a efecto como Ley de la República.
""")
    assert labels(doc) == ['"Artículo 1°.-', "Artículo 2°.-"]  # the opening mark kept as printed
    first = doc.units()[0]
    (point,) = first.children[0].children
    assert point.children[0].kind == "quotedStructure" and point.children[0].children[0].num == "366 quinquies"
    assert doc.meta.number == "21.555" and doc.conclusions[0].text.startswith("Y por cuanto")


# ---------------------------------------------------------------- English-speaking traditions

ACT = """THE CHILD ONLINE SAFETY ACT, 2031
ARRANGEMENT OF SECTIONS
Section
1—Short title.
2—Interpretation.
3—Possession of child sexual abuse material.
AN ACT of Parliament to protect children from abuse online
ENACTED by the Parliament of Kenya, as follows—
1. Short title
This Act may be cited as the Child Online Safety Act, 2031.
2. Interpretation
In this Act, unless the context otherwise requires—
"child" means a person under the age of eighteen years;
"child sexual abuse material" means any picture or recording of a child in sexual activity.
3. Possession of child sexual abuse material
(1) A person who has child sexual abuse material in their possession commits an offence.
(2) A person convicted of an offence under subsection (1) is liable to imprisonment for a term not exceeding ten years.
"""


def test_an_arrangement_of_sections_with_column_head_and_dash_entries(tmp_path):
    doc = load(ACT, "act.txt")
    assert [n.kind for n in doc.preface] == ["text", "toc", "text"]  # the toc stays where it is printed
    toc = doc.preface[1]
    assert toc.heading == "ARRANGEMENT OF SECTIONS" and [i.text for i in toc.children][1:] == [
        "1—Short title.", "2—Interpretation.", "3—Possession of child sexual abuse material."]
    assert [(u.num, u.heading) for u in doc.units()] == [
        ("1", "Short title"), ("2", "Interpretation"), ("3", "Possession of child sexual abuse material")]
    assert doc.units()[0].text == "This Act may be cited as the Child Online Safety Act, 2031."


def test_the_enacting_formula_is_not_the_first_sections_heading(tmp_path):
    doc = load(ACT, "act.txt")
    assert [n.kind for n in doc.preamble] == ["formula"] and doc.preamble[0].text.startswith("ENACTED by")
    assert doc.meta.country == "ke"


def test_definitions_after_an_intro_ending_in_a_dash_are_siblings(tmp_path):
    for dash in ("—", " -"):
        doc = load(ACT.replace("requires—", f"requires{dash}"), "act.txt")
        s2 = doc.units()[1]
        assert s2.text.endswith(f"requires{dash}")
        assert [(c.kind, c.defines, len(c.children)) for c in s2.children] == [
            ("paragraph", "child", 0), ("paragraph", "child sexual abuse material", 0)]


def test_sec_abbreviations_and_an_approval_line(tmp_path):
    doc = load("""REPUBLIC ACT No. 12001
AN ACT PUNISHING THE PRODUCTION AND POSSESSION OF CHILD SEXUAL ABUSE MATERIAL
Be it enacted by the Senate and House of Representatives in Congress assembled:
SECTION 1. Short Title. – This Act shall be known as the "Safe Children Online Act".
SEC. 2. Definition of Terms. – As used in this Act:
(a) "Child" refers to a person below eighteen (18) years of age;
(b) "Child sexual abuse material" refers to any depiction of a child in sexual activity.
SEC. 3. Prohibited Acts. – It shall be unlawful for any person to produce or possess child sexual abuse material.
SEC. 4. Effectivity. – This Act shall take effect fifteen (15) days after its publication.
Approved,
""", "ra.txt")
    assert [(u.num, u.heading) for u in doc.units()] == [
        ("1", "Short Title"), ("2", "Definition of Terms"), ("3", "Prohibited Acts"), ("4", "Effectivity")]
    assert doc.units()[3].children == () and [n.text for n in doc.conclusions] == ["Approved,"]


def test_parts_in_mixed_case_and_unpunctuated_section_numbers(tmp_path):
    doc = load("""Online Child Protection Act 2031
2031 CHAPTER 7
An Act to make provision about indecent images of children; and for connected purposes.
BE IT ENACTED by the King's most Excellent Majesty, by and with the advice and consent of Parliament, as follows:—
Part 1
Offences
1 Possession of indecent images
(1) It is an offence for a person to have an indecent photograph of a child in their possession.
(2) In this section "photograph" includes data stored electronically which can be shown as a photograph.
Part 2
General
2 Extent, commencement and short title
(1) This Act extends to England and Wales.
(2) This Act may be cited as the Online Child Protection Act 2031.
""", "act.txt")
    assert [(d.kind, d.label, d.heading) for d in doc.body] == [("part", "Part 1", "Offences"), ("part", "Part 2", "General")]
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("1", "Possession of indecent images"), ("2", "Extent, commencement and short title")]  # not the Part's heading
    assert doc.units()[0].children[1].defines == "photograph"  # "In this section "photograph" includes …"


def test_ordinal_articles_and_a_spanish_royal_promulgation(tmp_path):
    doc = load("""LEY 9/2031, de 3 de marzo, de protección de la infancia en el entorno digital.
A todos los que la presente vieren y entendieren.
Sabed: Que las Cortes Generales han aprobado y Yo vengo en sancionar la siguiente ley.
PREÁMBULO
La protección de la infancia exige poner al día el ordenamiento penal.
Artículo primero. Objeto.
Esta ley protege a las personas menores de edad frente al abuso sexual en línea.
Artículo segundo. Modificación del Código Penal.
Se modifica el apartado 5 del artículo 189, que queda redactado como sigue:
«5. Quien para su uso adquiera o posea pornografía infantil será castigado con la pena de tres meses a un año de prisión.»
Artículo tercero. Entrada en vigor.
Esta ley entra en vigor el día siguiente al de su publicación.
Por tanto,
Mando a todos que guarden y hagan guardar esta ley.
""")
    assert [(u.label, u.heading) for u in doc.units()] == [
        ("Artículo primero.", "Objeto"), ("Artículo segundo.", "Modificación del Código Penal"),
        ("Artículo tercero.", "Entrada en vigor")]
    assert doc.units()[1].children[0].kind == "quotedStructure"
    assert doc.preamble[0].kind == "formula" and doc.preamble[0].text.startswith("Sabed: Que las Cortes Generales")
    assert doc.preamble[1].heading == "PREÁMBULO" and doc.conclusions[0].text == "Por tanto,"
    assert doc.meta.number == "9/2031" and doc.meta.date == "2031-03-03"


def test_a_legal_portal_page_with_an_editors_note_and_a_site_title(tmp_path):
    doc = load("""<!DOCTYPE html><html lang="es"><head><title>Decreto 9-2031 | Portal Legal</title></head><body>
<div class="breadcrumb"><a href="/">Inicio</a> › Leyes</div>
<main>
<h1>DECRETO NÚMERO 9-2031</h1>
<p style="text-align:center"><b>EL CONGRESO DE LA REPÚBLICA</b></p>
<p style="text-align:center"><b>DECRETA:</b></p>
<p><b>ARTÍCULO 1. Objeto.</b> Esta Ley previene la explotación sexual de la niñez por medios digitales.</p>
<p><b>ARTÍCULO 2. Posesión.</b> Quien posea material pornográfico en el que aparezcan personas menores de edad será sancionado con prisión de dos a cuatro años.</p>
<p class="nota-editor">El artículo 2 fue reformado por el Decreto 3-2032.</p>
<p>Nota del editor: consulte también el Código Penal.</p>
<p><b>ARTÍCULO 3. Vigencia.</b> Este Decreto entra en vigencia ocho días después de su publicación.</p>
</main>
<footer>© 2031 Portal Legal</footer>
</body></html>
""", "decreto.html")
    assert doc.meta.title == "DECRETO NÚMERO 9-2031" and doc.meta.number == "9-2031"  # not the site's name
    art2 = doc.units()[1]
    assert art2.text.endswith("de dos a cuatro años.")
    assert [(c.kind, c.name) for c in art2.children] == [("note", "editorial"), ("note", "editorial")]
    assert not any("Inicio" in n.text for n in doc.preface if n.kind != "note")


def test_abbreviated_labels_decimal_insertions_and_inline_dash_headings(tmp_path):
    doc = load("""LEY ORGÁNICA REFORMATORIA DEL CÓDIGO PENAL
CONSIDERANDO:
Que la Constitución protege a la niñez;
En ejercicio de sus facultades, expide la siguiente:
LEY ORGÁNICA REFORMATORIA DEL CÓDIGO PENAL
Art. 1.- Agréguese a continuación del artículo 103 el siguiente artículo:
"Art. 103.1.- Tenencia.- La persona que posea material de abuso sexual infantil será sancionada con pena privativa de libertad de tres a cinco años."
Art. 2.- Vigencia.- Esta Ley rige desde su publicación en el Registro Oficial.
Dado en la ciudad de Quito, a los diez días del mes de mayo de dos mil treinta y uno.
""")
    assert labels(doc) == ["Art. 1.-", "Art. 2.-"]
    (quoted,) = doc.units()[0].children
    inserted = quoted.children[0]
    assert (inserted.label, inserted.num, inserted.heading) == ("Art. 103.1.-", "103.1", "Tenencia")
    assert inserted.text.startswith("La persona que posea")
    assert doc.units()[1].heading == "Vigencia" and doc.units()[1].text.startswith("Esta Ley rige")
    assert [n.kind for n in doc.preamble][-2:] == ["formula", "text"]


def test_sanciona_con_fuerza_de_ley_and_an_approval_line(tmp_path):
    doc = load("""LEY N° 7.001/2031
QUE CASTIGA LA TENENCIA DE MATERIAL DE ABUSO SEXUAL INFANTIL
EL CONGRESO DE LA NACIÓN SANCIONA CON FUERZA DE LEY:
Artículo 1º.- Tenencia. El que tuviere en su poder material de abuso sexual infantil será castigado con pena privativa de libertad de hasta cinco años.
Artículo 2º.- Comuníquese al Poder Ejecutivo.
Aprobado el Proyecto de Ley por la Cámara de Senadores, a los doce días del mes de abril del año dos mil treinta y uno.
""")
    assert [n.kind for n in doc.preamble] == ["formula"] and labels(doc) == ["Artículo 1º.-", "Artículo 2º.-"]
    assert doc.units()[1].text == "Comuníquese al Poder Ejecutivo." and doc.units()[1].children == ()
    assert doc.conclusions[0].text.startswith("Aprobado el Proyecto")


def test_a_quotation_is_read_from_the_layout_when_the_intro_is_worded_unusually(tmp_path):
    doc = load("""LEY NÚM. 77-31
Art. 1.- Los artículos 172 y 173 del Código Penal tendrán el contenido que se indica:
"Art. 172.- Pornografía infantil. El que produzca material de abuso sexual infantil será sancionado con prisión de tres a ocho años.
Art. 173.- Tenencia. El que posea material de abuso sexual infantil será sancionado con prisión de uno a tres años." (NR)
Art. 2.- Vigencia. Esta ley rige desde su publicación.
""")
    assert labels(doc) == ["Art. 1.-", "Art. 2.-"]  # 172 and 173 are the code's articles, quoted
    quoted = doc.units()[0].children[0]
    assert quoted.kind == "quotedStructure" and [a.num for a in quoted.children] == ["172", "173"]
    assert doc.units()[1].heading == "Vigencia"  # the quotation closed before it, editorial tag and all



def test_an_akoma_ntoso_web_rendering_with_paragraph_spans_and_number_cells(tmp_path):
    """Indigo-style HTML: every <span class="akn-p"> is a line of its own, and a subsection's number
    sits in its own span before its text."""
    doc = load("""<html><head><title>Child Online Safety Act, 2031 – Legislation Commons</title></head><body>
<nav><a href="/">Home</a> <a href="/legislation">Legislation</a></nav>
<div class="akn-act"><div class="akn-preface"><p class="akn-p">Child Online Safety Act, 2031</p><p class="akn-p">Act No. 7 of 2031</p></div>
<div class="akn-body">
<section class="akn-section" id="sec_1"><h3>1. Interpretation</h3><span class="akn-intro"><span class="akn-p">In this Act—</span></span>
<span class="akn-p">"child" means a person below the age of eighteen years;</span>
<span class="akn-p">"image" includes a film or a recording.</span></section>
<section class="akn-section" id="sec_2"><h3>2. Possession</h3>
<section class="akn-subsection"><span class="akn-num">(1)</span><span class="akn-content"><span class="akn-p">A person who possesses an indecent image of a child commits an offence.</span></span></section>
<section class="akn-subsection"><span class="akn-num">(2)</span><span class="akn-content"><span class="akn-p">Subsection (1) does not apply to an officer on duty.</span></span></section>
</section></div></div></body></html>""", "act.html")
    first, second = doc.units()
    assert first.text == "In this Act—" and [d.defines for d in first.children] == ["child", "image"]
    assert [(s.label, s.text) for s in second.children] == [
        ("(1)", "A person who possesses an indecent image of a child commits an offence."),
        ("(2)", "Subsection (1) does not apply to an officer on duty.")]
    assert second.wrap_up == ""


def test_a_government_legislation_site_with_camel_case_classes(tmp_path):
    """Class words written in camelCase ('breadcrumbNav', 'LegAnnotations', 'LegPartNo') mark the site's
    furniture, annotations and number cells as they do when written with hyphens; the Act's name is its
    title, not its long title."""
    doc = load("""<html><head><title>Online Safety of Children Act 2031</title></head><body>
<div id="breadcrumbNav"><a>Home</a> &gt; <a>Browse</a></div>
<h1 class="LegTitle">Online Safety of Children Act 2031</h1>
<h1 class="LegNo">2031 CHAPTER 12</h1>
<div class="LegLongTitle">An Act to make provision about indecent images of children; and for connected purposes.</div>
<p class="LegDateOfEnactment">[3rd May 2031]</p>
<p class="LegEnactingText">BE IT ENACTED by the King's most Excellent Majesty, by and with the advice and consent of the Lords Spiritual and Temporal, and Commons, as follows:—</p>
<h2><span class="LegPartNo">Part 1</span><span class="LegPartTitle">Offences</span></h2>
<h3>1 Possession of indecent images of children</h3>
<p><span class="LegP2No">(1)</span>It is an offence for a person to have an indecent photograph of a child in the person's possession.</p>
<div class="LegAnnotations"><p>Textual Amendments</p><p>F1 Words in s. 1(1) substituted by Criminal Justice Act 2033, s. 7</p></div>
<h3>2 Short title</h3>
<p>This Act may be cited as the Online Safety of Children Act 2031.</p>
<div id="footer">Crown copyright. Back to top</div></body></html>""", "act.html")
    assert (doc.meta.title, doc.meta.number, doc.meta.date, doc.meta.country) == (
        "Online Safety of Children Act 2031", "12", "2031-05-03", "gb")
    part = doc.body[0]
    assert (part.kind, part.label, part.heading) == ("part", "Part 1", "Offences")
    first, second = doc.units()
    assert first.children[0].label == "(1)" and first.children[0].text.startswith("It is an offence")
    assert [n.kind for n in first.children[1:]] == ["note", "note"]  # the annotations: kept, never law
    assert second.full_text() == "Short title This Act may be cited as the Online Safety of Children Act 2031."
    assert doc.preface[0].kind == "note"  # the breadcrumb


def test_a_statute_in_a_language_without_a_profile_is_said_to_be_one(tmp_path):
    path = tmp_path / "lei.txt"
    path.write_text("""LEI Nº 11.900, DE 25 DE NOVEMBRO DE 2031
Altera o Estatuto da Criança e do Adolescente.
O PRESIDENTE DA REPÚBLICA Faço saber que o Congresso Nacional decreta e eu sanciono a seguinte Lei:
Art. 1º O art. 241 da Lei nº 8.069 passa a vigorar com a seguinte redação:
"Art. 241. Vender ou expor à venda fotografia, vídeo ou outro registro que contenha cena de sexo explícito envolvendo criança ou adolescente:
Pena – reclusão, de 4 (quatro) a 8 (oito) anos, e multa." (NR)
Art. 2º Esta Lei entra em vigor na data de sua publicação.
""", encoding="utf-8")
    result = import_document(path)
    assert any("reads as Portuguese (pt)" in str(w) for w in result.warnings)
    assert [u.num for u in result.document.units()] == ["1", "2"]  # read as well as the Spanish conventions allow
    spanish = tmp_path / "ley.txt"
    spanish.write_text("LEY NÚM. 5-31\nArtículo 1.- El que posea material de abuso sexual infantil será sancionado "
                       "con prisión de uno a tres años.\nArtículo 2.- Esta ley entra en vigor desde su publicación en la "
                       "Gaceta Oficial de la República.\n", encoding="utf-8")
    assert not any("reads as" in str(w) for w in import_document(spanish).warnings)


def test_the_principal_act_is_the_act_the_law_names_so(tmp_path):
    doc = load("""FILMS AMENDMENT ACT 2031
The Parliament of Westland enacts as follows:
1 Title
This Act is the Films Amendment Act 2031.
2 Principal Act
This Act amends the Films, Videos, and Publications Act 1993 (the principal Act).
3 New section 131B inserted
After section 131A of the principal Act, insert:
"131B Possession of material involving children
(1) Every person commits an offence who possesses a publication that depicts a child engaged in sexually explicit conduct."
""", "act.txt")
    quoted = doc.units()[2].children[0]
    assert quoted.kind == "quotedStructure" and quoted.target == "Films, Videos, and Publications Act 1993"


def test_the_short_title_a_law_gives_itself_is_read(tmp_path):
    act = load("""AN ACT TO PROTECT CHILDREN FROM ONLINE SEXUAL EXPLOITATION
BE IT ENACTED by the Parliament of Westland as follows:
1. Short title
This Act may be cited as the Child Online Safety Act, 2031.
2. Possession
A person who possesses child sexual abuse material commits an offence.
""", "act.txt")
    assert act.meta.short_title == "Child Online Safety Act, 2031"
    ley = load("""LEY NÚM. 12-31
Artículo 1.- Denominación. La presente ley se denominará «Ley de Protección Digital de la Niñez».
Artículo 2.- El que posea material de abuso sexual infantil será sancionado con prisión de uno a tres años.
""")
    assert ley.meta.short_title == "Ley de Protección Digital de la Niñez"

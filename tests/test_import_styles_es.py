"""Spanish-speaking publishing styles of countries outside the development corpus, written here in our
own words: each statute follows the way that country's official gazette or its usual legal portal prints
laws (front matter, numbering, closings, editorial notes, page furniture), and is checked through import
and review. The conventions are read from the document's evidence or from profile data, never from a
list of laws."""

from __future__ import annotations


import pytest
from lxml import etree

from drafting import akn

from drafting.model.document import Document, Node
from drafting.review.verdicts import review

from .styles import imported, labels


def load(text: str, name: str = "ley.txt") -> Document:
    return imported(text, name)


def notes(node: Node) -> list[str]:
    return [c.text for c in node.children if c.kind == "note"]


def verdicts(doc: Document, library) -> dict[str, tuple[str, list[str]]]:
    """criterion → (status, the numbers of the provisions cited as evidence)."""
    result = review(doc, library, criteria="full")
    return {v.criterion: (v.status, [e.num for e in v.evidence]) for v in result.verdicts}


# ---------------------------------------------------------------- El Salvador

EL_SALVADOR = """ASAMBLEA LEGISLATIVA - REPUBLICA DE EL SALVADOR
DECRETO No. 260
LA ASAMBLEA LEGISLATIVA DE LA REPÚBLICA DE EL SALVADOR,
CONSIDERANDO:
I.- Que la Constitución reconoce a la persona humana como el origen y el fin de la actividad del Estado, y le impone proteger a la niñez.
II.- Que el uso de las tecnologías de la información ha dado lugar a conductas que atentan contra la indemnidad sexual de niñas, niños y adolescentes.
III.- Que es necesario contar con una ley especial que sancione los delitos cometidos por medio de sistemas informáticos.
POR TANTO,
en uso de sus facultades constitucionales y a iniciativa de los diputados Ana María Rivas y José Luis Portillo,
DECRETA la siguiente:
LEY ESPECIAL CONTRA LOS DELITOS INFORMÁTICOS Y CONEXOS
CAPÍTULO I
DISPOSICIONES GENERALES
Objeto de la Ley
Art. 1.- La presente Ley tiene por objeto proteger los bienes jurídicos de aquellas conductas delictivas cometidas por medio de las Tecnologías de la Información y la Comunicación.
Definiciones
Art. 2.- Para los efectos de la presente Ley se entenderá por:
a) Sistema Informático: todo dispositivo o grupo de dispositivos interconectados que realice el tratamiento automatizado de datos.
b) Niña, niño o adolescente: toda persona menor de dieciocho años de edad.
c) Material pornográfico infantil: toda representación, por cualquier medio, de una niña, niño o adolescente dedicado a actividades sexuales explícitas.
CAPÍTULO II
DE LOS DELITOS INFORMÁTICOS CONTRA NIÑAS, NIÑOS Y ADOLESCENTES
Pornografía a través del uso de Tecnologías de Información y la Comunicación
Art. 3.- El que por medio de las Tecnologías de la Información y la Comunicación fabricare, transfiriere, difundiere o comercializare material pornográfico infantil, será sancionado con prisión de cuatro a ocho años.
Tenencia de material pornográfico infantil
Art. 4.- El que poseyere en un sistema informático material pornográfico infantil, será sancionado con prisión de dos a cuatro años. (1)
INICIO DE NOTA:
EL PRESENTE ARTÍCULO FUE REFORMADO POR EL D.L. No. 305, SIN EMBARGO EL TEXTO ORIGINAL SE CONSERVA EN ESTA VERSIÓN POR NO HABERSE PUBLICADO LA REFORMA.
FIN DE NOTA
Deber de reportar
Art. 5.- Los proveedores de servicios de internet deberán informar a la Fiscalía General de la República de todo material pornográfico infantil que detecten en sus sistemas.
ASAMBLEA LEGISLATIVA - REPUBLICA DE EL SALVADOR
Vigencia
Art. 6.- El presente Decreto entrará en vigencia ocho días después de su publicación en el Diario Oficial.
DADO EN EL SALÓN AZUL DEL PALACIO LEGISLATIVO: San Salvador, a los cuatro días del mes de febrero del año dos mil dieciséis.
LORENA GUADALUPE PEÑA MENDOZA
PRESIDENTA
GUILLERMO ANTONIO OSORIO CHÁVEZ
PRIMER SECRETARIO
CASA PRESIDENCIAL: San Salvador, a los veinticuatro días del mes de febrero del año dos mil dieciséis.
PUBLÍQUESE,
SALVADOR SÁNCHEZ CERÉN,
Presidente de la República.
D. O. No. 40
Tomo No. 410
Fecha: 26 de febrero de 2016
REFORMAS:
(1) D.L. No. 305, del 18 de abril de 2024, publicado en el D.O. No. 80, Tomo 443, del 30 de abril de 2024.
SV/ielp
09/05/2024
"""


def test_el_salvador_margin_headings_roman_recitals_and_a_por_tanto_formula(tmp_path):
    doc = load(EL_SALVADOR)
    assert labels(doc) == ["Art. 1.-", "Art. 2.-", "Art. 3.-", "Art. 4.-", "Art. 5.-", "Art. 6.-"]
    # the heading on the line above each article is its heading, and the first chapter is in the body
    assert [u.heading for u in doc.units()] == [
        "Objeto de la Ley", "Definiciones", "Pornografía a través del uso de Tecnologías de Información y la Comunicación",
        "Tenencia de material pornográfico infantil", "Deber de reportar", "Vigencia"]
    assert [(d.kind, d.label, d.heading) for d in doc.body] == [
        ("chapter", "CAPÍTULO I", "DISPOSICIONES GENERALES"),
        ("chapter", "CAPÍTULO II", "DE LOS DELITOS INFORMÁTICOS CONTRA NIÑAS, NIÑOS Y ADOLESCENTES")]
    assert doc.units()[0].text.startswith("La presente Ley tiene por objeto") and doc.units()[0].children == ()
    # the roman-numbered considerandos are recitals, not structure; "POR TANTO, … DECRETA" is one formula
    recitals, formula, title = doc.preamble
    assert recitals.kind == "recitals" and [r.text[:6] for r in recitals.children] == ["I.- Qu", "II.- Q", "III.- "]
    assert formula.kind == "formula" and formula.text.startswith("POR TANTO, en uso de sus facultades")
    assert formula.text.endswith("DECRETA la siguiente:")
    assert title.text == "LEY ESPECIAL CONTRA LOS DELITOS INFORMÁTICOS Y CONEXOS"
    assert [p.defines for p in doc.units()[1].children[0].children] == [
        "Sistema Informático", "Niña, niño o adolescente", "Material pornográfico infantil"]


def test_el_salvador_notes_page_headers_and_the_closing(tmp_path):
    doc = load(EL_SALVADOR)
    art4, art5 = doc.units()[3], doc.units()[4]
    assert art4.text.endswith("de dos a cuatro años.")  # the reference mark "(1)" is not the law's text
    assert notes(art4) == ["(1)", "INICIO DE NOTA:", notes(art4)[2], "FIN DE NOTA"]
    assert all(not c.law for c in art4.children)
    # the running page header is debris wherever the page broke
    assert [(c.name, c.text) for c in art5.children] == [("debris", "ASAMBLEA LEGISLATIVA - REPUBLICA DE EL SALVADOR")]
    assert doc.preface[0].kind == "note" and doc.preface[1].text == "DECRETO No. 260"
    closing = [n.text for n in doc.conclusions if n.kind == "text"]
    assert closing[0].startswith("DADO EN EL SALÓN AZUL") and "PUBLÍQUESE," in closing
    assert [n.text for n in doc.conclusions if n.kind == "note"][:2] == [
        "REFORMAS:", "(1) D.L. No. 305, del 18 de abril de 2024, publicado en el D.O. No. 80, Tomo 443, del 30 de abril de 2024."]
    assert "REFORMAS" not in " ".join(u.full_text() for u in doc.units())
    # metadata: the number, and the date of passage written in words in the closing
    assert (doc.meta.number, doc.meta.date, doc.meta.country, doc.meta.doc_type) == ("260", "2016-02-04", "sv", "decree")


def test_el_salvador_review(tmp_path, library):
    found = verdicts(load(EL_SALVADOR), library)
    assert found["specific"] == ("met", ["3", "4"])
    assert found["definition"] == ("met", ["2, c)"])
    assert found["child-18"] == ("met", ["2, b)"])
    assert found["computer"][0] == "met" and found["computer"][1][0] == "3"
    assert found["possession"] == ("partial", ["4"])  # only "en un sistema informático"
    assert found["isp-report"] == ("met", ["5"])
    assert found["grooming"][0] == "missing" and found["attempt"][0] == "missing"


# ---------------------------------------------------------------- Guatemala

GUATEMALA = """DECRETO NÚMERO 9-2031
EL CONGRESO DE LA REPÚBLICA DE GUATEMALA
CONSIDERANDO:
Que el Estado de Guatemala garantiza la protección de la niñez y adolescencia, y se ha obligado internacionalmente a sancionar su explotación sexual.
CONSIDERANDO:
Que la difusión de material de abuso sexual infantil por medios electrónicos exige tipos penales actualizados.
POR TANTO:
En ejercicio de las atribuciones que le confiere el artículo 171 literal a) de la Constitución Política de la República de Guatemala,
DECRETA:
La siguiente:
LEY CONTRA LA EXPLOTACIÓN SEXUAL DE LA NIÑEZ EN LÍNEA
CAPÍTULO I
DISPOSICIONES GENERALES
Artículo 1. Objeto. La presente Ley tiene por objeto prevenir y sancionar la explotación sexual de niñas, niños y adolescentes por medios digitales.
Artículo 2. Definiciones. Para los efectos de esta Ley se entiende por:
a) Niña, niño o adolescente: toda persona desde su concepción hasta que cumple dieciocho años de edad.
b) Material de abuso sexual infantil: toda representación visual de una persona menor de edad en actividades sexuales explícitas, reales o simuladas.
Decreto Número 9-2031                                                Página 1 de 2
CAPÍTULO II
REFORMAS AL CÓDIGO PENAL
Artículo 3. Se adiciona el artículo 190 bis al Código Penal, Decreto Número 17-73 del Congreso de la República, el cual queda así:
"Artículo 190 bis. Posesión de material de abuso sexual infantil. Quien, a sabiendas, posea o adquiera material de abuso sexual infantil, será sancionado con prisión de dos a cuatro años."
Artículo 4. Se reforma el artículo 194 del Código Penal, Decreto Número 17-73 del Congreso de la República, el cual queda así:
"Artículo 194. Producción de material de abuso sexual infantil. Quien de cualquier forma y a través de cualquier medio produzca, fabrique, publique, difunda o comercialice material de abuso sexual infantil, será sancionado con prisión de seis a diez años.
La pena se aumentará en una tercera parte cuando el autor sea padre, tutor o encargado de la víctima."
CAPÍTULO III
DISPOSICIONES FINALES
Artículo 5. Obligación de reportar. Los proveedores de servicios de internet que operen en el país tienen la obligación de informar al Ministerio Público de cualquier material de abuso sexual infantil del que tengan conocimiento.
Artículo 6. Vigencia. El presente Decreto entrará en vigencia ocho días después de su publicación en el Diario Oficial.
REMÍTASE AL ORGANISMO EJECUTIVO PARA SU SANCIÓN, PROMULGACIÓN Y PUBLICACIÓN.
EMITIDO EN EL PALACIO DEL ORGANISMO LEGISLATIVO, EN LA CIUDAD DE GUATEMALA, EL DIECIOCHO DE MARZO DE DOS MIL TREINTA Y UNO.
MARÍA ELENA CASTILLO
PRESIDENTA
PALACIO NACIONAL: Guatemala, dos de abril del año dos mil treinta y uno.
PUBLÍQUESE Y CÚMPLASE
"""


def test_guatemala_repeated_considerandos_and_articles_quoted_into_the_penal_code(tmp_path):
    doc = load(GUATEMALA)
    assert labels(doc) == [f"Artículo {n}." for n in range(1, 7)]  # not 190 bis nor 194 of the Código Penal
    assert [u.heading for u in doc.units()] == ["Objeto", "Definiciones", "", "", "Obligación de reportar", "Vigencia"]
    recitals, formula, title = doc.preamble
    assert [r.text[:12] for r in recitals.children] == ["Que el Estad", "Que la difus"]  # no empty recital
    assert formula.text.startswith("POR TANTO: En ejercicio de las atribuciones") and formula.text.endswith("DECRETA: La siguiente:")
    assert title.text == "LEY CONTRA LA EXPLOTACIÓN SEXUAL DE LA NIÑEZ EN LÍNEA"
    art3, art4 = doc.units()[2], doc.units()[3]
    (inserted,) = art3.children
    assert (inserted.kind, inserted.name, inserted.target) == ("quotedStructure", "insert", "Código Penal")
    assert (inserted.children[0].label, inserted.children[0].heading) == (
        "Artículo 190 bis.", "Posesión de material de abuso sexual infantil")
    (replaced,) = art4.children
    assert replaced.name == "replace" and replaced.children[0].num == "194"
    assert [p.text[:8] for p in replaced.children[0].children] == ["Quien de", "La pena "]  # both paragraphs quoted
    # the page footer left by the print is debris, not a paragraph of article 2
    footer = [c for c in doc.units()[1].children if c.kind == "note"]
    assert [(c.name, c.text) for c in footer] == [("debris", "Decreto Número 9-2031 Página 1 de 2")]
    assert [n.text for n in doc.conclusions][:2] == [
        "REMÍTASE AL ORGANISMO EJECUTIVO PARA SU SANCIÓN, PROMULGACIÓN Y PUBLICACIÓN.",
        "EMITIDO EN EL PALACIO DEL ORGANISMO LEGISLATIVO, EN LA CIUDAD DE GUATEMALA, EL DIECIOCHO DE MARZO DE DOS MIL TREINTA Y UNO."]
    assert (doc.meta.number, doc.meta.date, doc.meta.country) == ("9-2031", "2031-03-18", "gt")


def test_guatemala_review_credits_the_inserted_articles(tmp_path, library):
    found = verdicts(load(GUATEMALA), library)
    assert found["possession"] == ("met", ["3"])  # through the Artículo 190 bis it inserts
    assert found["definition"] == ("met", ["2, b)"])
    assert found["child-18"] == ("met", ["2, a)"])  # "hasta que cumple dieciocho años"
    assert found["isp-report"] == ("met", ["5"])
    assert found["aggravation"] == ("met", ["4, ¶2"])  # the parent or guardian in the replaced 194
    assert found["computer"][0] == "partial"  # "a través de cualquier medio", no computer named
    assert found["specific"][0] == "met" and found["specific"][1][0] == "3"


# ---------------------------------------------------------------- Costa Rica (as the SCIJ portal prints it)

COSTA_RICA = """Texto Completo Norma 9135
Ficha de la norma
N.° 9135
LA ASAMBLEA LEGISLATIVA DE LA REPÚBLICA DE COSTA RICA
DECRETA:
REFORMA DE LOS ARTÍCULOS 173 Y 174 DEL CÓDIGO PENAL, PARA SANCIONAR LA PORNOGRAFÍA INFANTIL EN MEDIOS ELECTRÓNICOS
Ficha articulo
ARTÍCULO 1.- Refórmanse los artículos 173 y 174 del Código Penal, Ley N.° 4573, de 4 de mayo de 1970, y sus reformas. Los textos dirán:
"Artículo 173.- Fabricación, producción o reproducción de pornografía
Será sancionado con pena de prisión de cuatro a ocho años, quien fabrique, produzca o reproduzca material pornográfico, utilizando a personas menores de edad, su imagen o su voz, por cualquier medio, incluidos los sistemas informáticos.
Artículo 174.- Difusión de pornografía
Quien comercie, transporte, difunda o exhiba, por medio de redes sociales, internet o cualquier otro medio electrónico, material pornográfico en el que aparezcan personas menores de edad, será sancionado con pena de prisión de tres a siete años."
Ficha articulo
ARTÍCULO 2.- Adiciónase el artículo 173 bis al Código Penal, Ley N.° 4573, de 4 de mayo de 1970, que dirá:
"Artículo 173 bis.- Tenencia de material pornográfico
Será sancionado con pena de prisión de uno a cuatro años, quien posea material pornográfico en el que aparezcan personas menores de edad, cualquiera que sea su soporte."
(Así reformado por el artículo 3° de la ley N° 9999 del 10 de junio de 2031)
Ficha articulo
TRANSITORIO ÚNICO.- El Poder Ejecutivo dictará el reglamento de esta Ley en el plazo de tres meses.
Rige a partir de su publicación.
ASAMBLEA LEGISLATIVA.- Aprobado a los veintiún días del mes de marzo de dos mil trece.
COMUNÍCASE AL PODER EJECUTIVO
Luis Gerardo Villanueva Monge
PRESIDENTE
Dado en la Presidencia de la República, San José, a los veinticuatro días del mes de abril del dos mil trece.
Ejecútese y publíquese.
1 vez.—(L9135-IN2013027770).
Fecha de generación: 12/3/2031 10:15:31 a.m.
"""


def test_costa_rica_los_textos_diran_portal_labels_and_a_transitory_provision(tmp_path):
    doc = load(COSTA_RICA)
    assert labels(doc) == ["ARTÍCULO 1.-", "ARTÍCULO 2.-", "TRANSITORIO ÚNICO.-"]
    art1, art2, transitory = doc.units()
    (replaced,) = [c for c in art1.children if c.kind == "quotedStructure"]
    assert replaced.name == "replace" and replaced.target == "Código Penal"
    assert [(a.label, a.heading) for a in replaced.children] == [
        ("Artículo 173.-", "Fabricación, producción o reproducción de pornografía"), ("Artículo 174.-", "Difusión de pornografía")]
    assert replaced.children[1].text.endswith("de tres a siete años.")  # the closing quotation mark ends the quote
    (inserted,) = [c for c in art2.children if c.kind == "quotedStructure"]
    assert inserted.name == "insert" and inserted.children[0].label == "Artículo 173 bis.-"
    # the portal's "Ficha articulo" links are debris; "(Así reformado …)" is the editor's note on article 2
    assert [(c.name, c.text) for c in art2.children if c.kind == "note"] == [
        ("editorial", "(Así reformado por el artículo 3° de la ley N° 9999 del 10 de junio de 2031)"), ("debris", "Ficha articulo")]
    assert [n.name for n in doc.preface if n.kind == "note"] == ["debris", "debris", "debris"]
    assert "Ficha" not in " ".join(u.full_text() for u in doc.units())
    assert transitory.kind == "article" and transitory.num == "ÚNICO"
    assert transitory.children[0].text.startswith("El Poder Ejecutivo dictará el reglamento")
    # "Aprobado a los veintiún días …" opens the closing; the gazette's stamp and the portal's date are debris
    assert doc.conclusions[0].text.startswith("ASAMBLEA LEGISLATIVA.- Aprobado") and doc.conclusions[1].text == "COMUNÍCASE AL PODER EJECUTIVO"
    assert [n.text[:6] for n in doc.conclusions if n.kind == "note"] == ["1 vez.", "Fecha "]
    assert doc.meta.number == "9135" and doc.meta.date == "2013-03-21" and doc.meta.country == "cr"
    assert doc.meta.title.startswith("REFORMA DE LOS ARTÍCULOS 173 Y 174 DEL CÓDIGO PENAL")


def test_costa_rica_review(tmp_path, library):
    found = verdicts(load(COSTA_RICA), library)
    assert found["possession"] == ("met", ["2"])  # "cualquiera que sea su soporte"
    assert found["computer"][0] == "met" and found["computer"][1][0] == "1"  # "redes sociales, internet" in 174
    assert found["specific"][0] == "met" and set(found["specific"][1]) == {"1", "2"}
    assert found["definition"][0] == "partial"  # described in the offences, defined nowhere
    assert found["child-18"][0] == "missing"  # "personas menores de edad", no age
    assert found["isp-report"][0] == "missing"


# ---------------------------------------------------------------- Uruguay (as the IMPO portal prints it)

URUGUAY = """Ley N° 17.815
VIOLENCIA SEXUAL COMERCIAL O NO COMERCIAL COMETIDA CONTRA NIÑOS, ADOLESCENTES O INCAPACES
Documento actualizado
Promulgación: 06/09/2004
Publicación: 14/09/2004
Registro Nacional de Leyes y Decretos:
Tomo: 2 Semestre: 2 Año: 2004 Página: 513
El Senado y la Cámara de Representantes de la República Oriental del Uruguay, reunidos en Asamblea General,
DECRETAN:
Artículo 1
(Fabricación o producción de material pornográfico utilizando a personas menores de edad).- El que de cualquier modo fabricare o produjere material pornográfico utilizando a personas menores de dieciocho años, o a su imagen, será castigado con pena de veinticuatro meses de prisión a seis años de penitenciaría.
Ver en esta norma, artículo: 5.
Artículo 2
(Comercio y difusión de material pornográfico).- El que comerciare, difundiere, exhibiere, almacenare con fines de distribución, importare, exportare, distribuyere u ofertare material pornográfico en el que aparezca la imagen de una persona menor de edad, será castigado con pena de doce meses de prisión a cuatro años de penitenciaría.
Redacción dada por: Ley N° 19.580 de 22/12/2017 artículo 91.
Artículo 3
(Tenencia de material pornográfico).- El que tuviere en su poder, por cualquier medio, incluidos los dispositivos informáticos, material pornográfico en el que aparezcan personas menores de dieciocho años, será castigado con pena de seis meses de prisión a dos años de penitenciaría.
Artículo 4
(Contacto con menores de edad por medios tecnológicos).- El que, mediante la utilización de internet, telefonía o cualquier otra tecnología de transmisión de datos, contactare a una persona menor de edad con el propósito de cometer cualquier delito contra su integridad sexual, será castigado con pena de seis meses de prisión a cuatro años de penitenciaría.
Artículo 5
(Agravantes).- Las penas previstas en los artículos 1 y 2 de la presente ley se elevarán de un tercio a la mitad cuando el autor sea ascendiente, tutor o encargado de la guarda de la víctima.
Sala de Sesiones de la Cámara de Representantes, en Montevideo, a 24 de agosto de 2004.
JOSÉ MARÍA PÉREZ, Presidente.
Horacio D. Catalurda, Secretario.
MINISTERIO DEL INTERIOR
Montevideo, 6 de setiembre de 2004.
Cúmplase, acúsese recibo, comuníquese, publíquese e insértese en el Registro Nacional de Leyes y Decretos.
"""


def test_uruguay_labels_alone_headings_in_brackets_below_and_portal_notes(tmp_path):
    doc = load(URUGUAY)
    assert labels(doc) == [f"Artículo {n}" for n in range(1, 6)]
    assert [u.heading for u in doc.units()] == [
        "(Fabricación o producción de material pornográfico utilizando a personas menores de edad)",
        "(Comercio y difusión de material pornográfico)", "(Tenencia de material pornográfico)",
        "(Contacto con menores de edad por medios tecnológicos)", "(Agravantes)"]
    assert doc.units()[0].text.startswith("El que de cualquier modo fabricare")
    # the portal's cross-reference and amendment lines are notes on their article, not its text
    assert [(c.name, c.text) for c in doc.units()[0].children] == [("editorial", "Ver en esta norma, artículo: 5.")]
    assert [c.name for c in doc.units()[1].children] == ["editorial"]
    assert doc.units()[1].full_text().endswith("de doce meses de prisión a cuatro años de penitenciaría.")
    # who enacts, then the bare verb: one formula
    (formula,) = doc.preamble
    assert formula.text.startswith("El Senado y la Cámara de Representantes") and formula.text.endswith("DECRETAN:")
    assert [n.text for n in doc.preface if n.kind == "note"] == ["Documento actualizado"]
    assert doc.conclusions[0].text.startswith("Sala de Sesiones de la Cámara de Representantes")
    assert doc.conclusions[-1].text.startswith("Cúmplase, acúsese recibo")
    assert (doc.meta.number, doc.meta.date, doc.meta.country) == ("17.815", "2004-09-06", "uy")  # "Promulgación: 06/09/2004"


def test_uruguay_review(tmp_path, library):
    found = verdicts(load(URUGUAY), library)
    assert found["possession"] == ("met", ["3"])
    assert found["computer"] == ("met", ["3"])  # "incluidos los dispositivos informáticos"
    assert found["grooming"] == ("met", ["4"])  # contact through internet for a sexual offence
    assert found["aggravation"] == ("met", ["5"])  # ascendant, guardian: abuse of trust, citing articles 1 and 2
    assert found["child-18"][0] == "met" and found["definition"][0] == "partial"
    assert found["isp-report"][0] == "missing"


# ---------------------------------------------------------------- Venezuela

VENEZUELA = """Gaceta Oficial N° 37.313 del 30 de octubre de 2001
LA ASAMBLEA NACIONAL DE LA REPÚBLICA BOLIVARIANA DE VENEZUELA
DECRETA
la siguiente,
LEY ESPECIAL CONTRA LOS DELITOS INFORMÁTICOS
Título I
Disposiciones Generales
Artículo 1°. Objeto de la ley. La presente ley tiene por objeto la protección integral de los sistemas que utilicen tecnologías de información, así como la prevención y sanción de los delitos cometidos contra tales sistemas o por medio de ellos.
Artículo 2°. Definiciones. A los efectos de la presente ley se entiende por:
a. Tecnología de Información: rama de la tecnología que se dedica al estudio, aplicación y procesamiento de datos.
b. Sistema: cualquier arreglo organizado de recursos y procedimientos diseñados para el uso de tecnologías de información.
Título II
De los Delitos
Capítulo I
De los Delitos Contra Niños, Niñas o Adolescentes
Artículo 3°. Difusión o exhibición de material pornográfico. Todo aquel que, por cualquier medio que involucre el uso de tecnologías de información, exhiba, difunda, transmita o venda material pornográfico o reservado a personas adultas, sin realizar previamente las debidas advertencias para que el usuario restrinja el acceso a niños, niñas y adolescentes, será sancionado con prisión de dos a seis años.
Artículo 4°. Exhibición pornográfica de niños o adolescentes. Toda persona que por cualquier medio que involucre el uso de tecnologías de información, utilice a la persona o imagen de un niño, niña o adolescente con fines exhibicionistas o pornográficos, será penada con prisión de cuatro a ocho años.
Título III
Disposiciones Finales
Artículo 5°. Vigencia. La presente ley entrará en vigencia treinta días después de su publicación en la Gaceta Oficial de la República Bolivariana de Venezuela.
Dada, firmada y sellada en el Palacio Federal Legislativo, sede de la Asamblea Nacional, en Caracas, a los cuatro días del mes de septiembre de dos mil uno. Año 191° de la Independencia y 142° de la Federación.
WILLIAN LARA
Presidente
Promulgación de la Ley Especial contra los Delitos Informáticos, de conformidad con lo previsto en el artículo 213 de la Constitución de la República Bolivariana de Venezuela.
Palacio de Miraflores, en Caracas, a los treinta días del mes de octubre de dos mil uno. Años 191° de la Independencia y 142° de la Federación.
Cúmplase,
"""


def test_venezuela_mixed_case_divisions_and_decreta_la_siguiente(tmp_path):
    doc = load(VENEZUELA)
    assert labels(doc) == [f"Artículo {n}°." for n in range(1, 6)]
    assert [(u.num, u.heading) for u in doc.units()][:3] == [
        ("1", "Objeto de la ley"), ("2", "Definiciones"), ("3", "Difusión o exhibición de material pornográfico")]
    assert [(d.kind, d.label, d.heading) for d in doc.body] == [
        ("title", "Título I", "Disposiciones Generales"), ("title", "Título II", "De los Delitos"),
        ("title", "Título III", "Disposiciones Finales")]
    chapter = doc.body[1].children[0]
    assert (chapter.kind, chapter.label, chapter.heading) == ("chapter", "Capítulo I", "De los Delitos Contra Niños, Niñas o Adolescentes")
    assert [p.defines for p in doc.units()[1].children[0].children] == ["Tecnología de Información", "Sistema"]
    formula, title = doc.preamble
    assert formula.text == "DECRETA la siguiente," and title.text == "LEY ESPECIAL CONTRA LOS DELITOS INFORMÁTICOS"
    assert doc.conclusions[0].text.startswith("Dada, firmada y sellada") and doc.conclusions[-1].text == "Cúmplase,"
    assert doc.meta.title == "LEY ESPECIAL CONTRA LOS DELITOS INFORMÁTICOS" and doc.meta.country == "ve"
    assert doc.meta.date == "2001-10-30"  # the Official Gazette's date in the title block


def test_venezuela_review_pornography_kept_from_children_is_not_the_material(tmp_path, library):
    found = verdicts(load(VENEZUELA), library)
    # article 3 punishes showing adult pornography without warnings that keep children away: the
    # children are its audience, so neither the material nor "access" to it is there
    assert found["specific"] == ("met", ["4"])
    assert found["access"][0] == "missing"
    assert found["computer"] == ("met", ["4"])  # "tecnologías de información"
    assert found["possession"][0] == "missing" and found["child-18"][0] == "missing"
    assert found["definition"][0] == "partial"


# ---------------------------------------------------------------- Cuba (as the Gaceta Oficial prints it)

CUBA = """GACETA OFICIAL DE LA REPÚBLICA DE CUBA
MINISTERIO DE JUSTICIA
Información en este número
Gaceta Oficial No. 93 Ordinaria de 1 de septiembre de 2031
ASAMBLEA NACIONAL DEL PODER POPULAR
GOC-2031-840-O93
ESTEBAN LAZO FERNÁNDEZ, Presidente de la Asamblea Nacional del Poder Popular.
HAGO SABER: Que la Asamblea Nacional del Poder Popular, en su sesión ordinaria del día 15 de mayo de 2031, ha aprobado lo siguiente:
POR CUANTO: La Constitución de la República establece que el Estado protege a las niñas, niños y adolescentes contra toda forma de violencia.
POR CUANTO: El uso de las tecnologías de la información y las comunicaciones ha facilitado la producción y circulación de materiales que muestran a personas menores de edad en actos sexuales.
POR TANTO: La Asamblea Nacional del Poder Popular, en el ejercicio de las atribuciones que le están conferidas en el artículo 108, inciso c) de la Constitución de la República de Cuba, aprueba la siguiente:
LEY No. 160
DE PROTECCIÓN DE LA NIÑEZ EN EL ENTORNO DIGITAL
CAPÍTULO I
DISPOSICIONES GENERALES
ARTÍCULO 1. Esta Ley tiene como objetivo proteger a las personas menores de dieciocho años frente a la explotación sexual cometida por medios digitales.
ARTÍCULO 2.1. A los efectos de esta Ley se considera material de abuso sexual infantil toda representación, por cualquier medio, de una persona menor de dieciocho años en actividades sexuales explícitas.
2. Se considera sistema informático todo dispositivo que realice el tratamiento automatizado de datos.
CAPÍTULO II
DE LOS DELITOS
ARTÍCULO 3.1. Quien produzca, ofrezca, difunda o transmita a través de un sistema informático material de abuso sexual infantil incurre en sanción de privación de libertad de cinco a doce años.
2. En igual sanción incurre quien posea dicho material, cualquiera que sea su soporte.
3. La sanción es de ocho a quince años de privación de libertad si el hecho se comete por quien tiene a la víctima bajo su guarda o cuidado.
ARTÍCULO 4. Los operadores de telecomunicaciones están obligados a informar de inmediato a la Fiscalía General de la República sobre el material de abuso sexual infantil que detecten en sus redes.
DISPOSICIONES FINALES
PRIMERA: El Ministerio de Comunicaciones dicta, en el plazo de noventa días, las normas complementarias para la aplicación de esta Ley.
SEGUNDA: La presente Ley entra en vigor a los noventa días posteriores a su publicación en la Gaceta Oficial de la República de Cuba.
DADA en la sala de sesiones de la Asamblea Nacional del Poder Popular, Palacio de Convenciones, en La Habana, a los quince días del mes de mayo de dos mil treinta y uno, «Año 73 de la Revolución».
Esteban Lazo Fernández
"""


def test_cuba_numbered_first_paragraph_por_cuanto_recitals_and_por_tanto(tmp_path):
    doc = load(CUBA)
    # "ARTÍCULO 3.1. …" then "2. …": article 3, its first paragraph numbered 1 (not an article 3.1)
    assert labels(doc) == ["ARTÍCULO 1.", "ARTÍCULO 2", "ARTÍCULO 3", "ARTÍCULO 4.", "PRIMERA:", "SEGUNDA:"]
    art3 = doc.units()[2]
    assert art3.num == "3" and art3.text == ""
    assert [(p.label, p.text[:12]) for p in art3.children[0].children] == [
        ("1.", "Quien produz"), ("2.", "En igual san"), ("3.", "La sanción e")]
    assert [p.defines for p in doc.units()[1].children[0].children] == ["material de abuso sexual infantil", "sistema informático"]
    recitals, formula, number, name = doc.preamble
    assert recitals.heading == "POR CUANTO" and [r.text[:8] for r in recitals.children] == ["La Const", "El uso d"]
    assert formula.text.startswith("POR TANTO: La Asamblea Nacional") and formula.text.endswith("aprueba la siguiente:")
    assert (number.text, name.text) == ("LEY No. 160", "DE PROTECCIÓN DE LA NIÑEZ EN EL ENTORNO DIGITAL")
    assert doc.body[-1].name == "finalProvisions"
    assert [n.text for n in doc.preface if n.kind == "note"] == ["Información en este número"]
    assert doc.conclusions[0].text.startswith("DADA en la sala de sesiones")
    assert (doc.meta.number, doc.meta.title, doc.meta.country) == ("160", "LEY No. 160", "cu")


def test_cuba_review_reads_sancion_de_privacion_de_libertad(tmp_path, library):
    found = verdicts(load(CUBA), library)
    # "incurre en sanción de privación de libertad"; 3.2 possesses "dicho material", the material 3.1 names
    assert found["specific"] == ("met", ["3, 1", "3, 2"])
    assert found["definition"] == ("met", ["2, 1"])  # "se considera material … toda representación"
    assert found["child-18"] == ("met", ["2, 1"])
    assert found["computer"] == ("met", ["3, 1"])
    assert found["possession"] == ("met", ["3"])  # "En igual sanción incurre quien posea dicho material"
    assert found["aggravation"] == ("met", ["3, 3"])  # a higher range when the child is in the offender's care
    assert found["isp-report"] == ("met", ["4"])


# ---------------------------------------------------------------- Nicaragua (as the Asamblea Nacional's legislative site prints it)

NICARAGUA = """LEY No. 1042
LEY ESPECIAL DE CIBERDELITOS
Aprobada el 27 de Octubre del 2020
Publicada en La Gaceta No. 201 del 30 de Octubre del 2020
EL PRESIDENTE DE LA REPÚBLICA DE NICARAGUA
Hace saber al pueblo nicaragüense que:
LA ASAMBLEA NACIONAL
Ha ordenado la siguiente:
LEY ESPECIAL DE CIBERDELITOS
Capítulo I
Disposiciones Generales
Arto. 1 Objeto de la Ley. La presente Ley tiene por objeto la prevención, investigación y sanción de los delitos cometidos por medio de las Tecnologías de la Información y la Comunicación.
Arto. 2 Definiciones. Para los fines de esta Ley se entenderá por:
a) Sistema informático: todo dispositivo aislado o conjunto de dispositivos interconectados que realicen el tratamiento automatizado de datos.
b) Proveedor de servicios: toda entidad que ofrezca a los usuarios la posibilidad de comunicarse por medio de un sistema informático.
Capítulo II
De los Delitos Relacionados con el Contenido de los Datos
Arto. 3 Utilización de niñas, niños o adolescentes en pornografía. Quien por medio de las Tecnologías de la Información y la Comunicación produzca, distribuya, divulgue o posea material pornográfico en el que aparezcan niñas, niños o adolescentes, será sancionado con prisión de cinco a diez años.
Arto. 4 Conservación de datos. Los proveedores de servicios deberán conservar los datos de tráfico por un periodo mínimo de un año, a disposición de la autoridad competente.
Arto. 5 Vigencia. La presente Ley entrará en vigencia sesenta días después de su publicación en La Gaceta, Diario Oficial.
Dado en la ciudad de Managua, en la Sala de Sesiones de la Asamblea Nacional, a los veintisiete días del mes de octubre del año dos mil veinte.
Por tanto: Téngase como Ley de la República. Publíquese y Ejecútese.
-
Asamblea Nacional de Nicaragua
Complejo Legislativo Carlos Núñez Téllez
Avenida Peatonal General Augusto C. Sandino
Edificio Benjamin Zeledón, 7mo. Piso.
Teléfono Directo: 2276-8460. Ext.: 281.
Enviar sus comentarios a: División de Información Legislativa
Nota: Cualquier Diferencia existente entre el Texto de la Ley impreso y el publicado aquí, solicitamos sea comunicada a la División de Información Legislativa de la Asamblea Nacional de Nicaragua.
"""


def test_nicaragua_arto_labels_and_the_legislative_sites_footer(tmp_path):
    doc = load(NICARAGUA)
    assert labels(doc) == [f"Arto. {n}" for n in range(1, 6)]
    assert [u.heading for u in doc.units()] == [
        "Objeto de la Ley", "Definiciones", "Utilización de niñas, niños o adolescentes en pornografía",
        "Conservación de datos", "Vigencia"]
    assert [p.defines for p in doc.units()[1].children[0].children] == ["Sistema informático", "Proveedor de servicios"]
    formula, title = doc.preamble
    assert formula.text == "Ha ordenado la siguiente:" and title.text == "LEY ESPECIAL DE CIBERDELITOS"
    assert doc.conclusions[0].text.startswith("Dado en la ciudad de Managua")
    # the site's comment line and its disclaimer are website text, never law
    assert [n.text[:12] for n in doc.conclusions if n.kind == "note"] == ["-", "Enviar sus c", "Nota: Cualqu"]
    assert (doc.meta.number, doc.meta.date, doc.meta.country) == ("1042", "2020-10-27", "ni")


def test_nicaragua_review(tmp_path, library):
    found = verdicts(load(NICARAGUA), library)
    assert found["specific"] == ("met", ["3"]) and found["possession"] == ("met", ["3"])
    assert found["computer"] == ("met", ["3"]) and found["data-retention"] == ("met", ["4"])
    assert found["definition"][0] == "partial" and found["isp-report"][0] == "missing"


# ---------------------------------------------------------------- Honduras (as La Gaceta prints a decree)

HONDURAS = """DECRETO No. 144-2031
EL CONGRESO NACIONAL,
CONSIDERANDO: Que conforme a la Constitución de la República, la niñez goza de la protección especial del Estado, y es deber de éste sancionar toda forma de explotación sexual.
CONSIDERANDO: Que las redes sociales y los servicios de mensajería han facilitado la producción y el intercambio de material de abuso sexual de niñas, niños y adolescentes.
CONSIDERANDO: Que corresponde al Congreso Nacional crear, decretar, interpretar, reformar y derogar las leyes.
POR TANTO,
D E C R E T A:
ARTÍCULO 1.- Reformar los Artículos 149-D y 149-E del Código Penal, contenido en el Decreto No. 130-2017 de fecha 18 de enero de 2019, los que en adelante se leerán así:
"ARTÍCULO 149-D.- MATERIAL DE ABUSO SEXUAL INFANTIL. Quien por cualquier medio, incluidos los sistemas informáticos, produzca, ofrezca, distribuya o difunda material de abuso sexual infantil, será castigado con pena de prisión de seis (6) a diez (10) años y multa de doscientos (200) a quinientos (500) días.
Para los efectos de este Código se entiende por material de abuso sexual infantil toda representación visual de una persona menor de dieciocho (18) años dedicada a actividades sexuales explícitas, reales o simuladas.
ARTÍCULO 149-E.- POSESIÓN. Quien adquiera o posea para su propio uso material de abuso sexual infantil, será castigado con pena de prisión de dos (2) a cuatro (4) años."
ARTÍCULO 2.- Las empresas que presten servicios de internet en el territorio nacional están obligadas a denunciar ante el Ministerio Público la existencia de material de abuso sexual infantil que detecten en sus plataformas, dentro de las veinticuatro (24) horas siguientes.
ARTÍCULO 3.- El presente Decreto entrará en vigencia a partir del día de su publicación en el Diario Oficial "La Gaceta".
Dado en la ciudad de Tegucigalpa, municipio del Distrito Central, en el Salón de Sesiones del Congreso Nacional, a los veinte días del mes de mayo del año dos mil treinta y uno.
LUIS ROLANDO REDONDO GUIFARRO
PRESIDENTE
CARLOS ALBERTO ZELAYA RODRÍGUEZ
SECRETARIO
Al Poder Ejecutivo.
Por Tanto: Ejecútese.
Tegucigalpa, M.D.C., 2 de junio de 2031.
XIOMARA CASTRO SARMIENTO
PRESIDENTA CONSTITUCIONAL DE LA REPÚBLICA
"""


def test_honduras_spaced_decreta_infinitive_articles_and_hyphen_lettered_quoted_articles(tmp_path):
    doc = load(HONDURAS)
    assert labels(doc) == ["ARTÍCULO 1.-", "ARTÍCULO 2.-", "ARTÍCULO 3.-"]  # not 149-D nor 149-E of the Código Penal
    art1 = doc.units()[0]
    # "Reformar …" is the operative verb, not a heading, and "No." does not end one either
    assert art1.heading == "" and art1.text.startswith("Reformar los Artículos 149-D y 149-E del Código Penal, contenido en el Decreto No. 130-2017")
    (replaced,) = art1.children
    assert (replaced.kind, replaced.name, replaced.target) == ("quotedStructure", "replace", "Código Penal")
    assert [(a.label, a.num, a.heading) for a in replaced.children] == [
        ("ARTÍCULO 149-D.-", "149-D", "MATERIAL DE ABUSO SEXUAL INFANTIL"), ("ARTÍCULO 149-E.-", "149-E", "POSESIÓN")]
    assert [p.defines for p in replaced.children[0].children] == ["", "material de abuso sexual infantil"]
    assert replaced.children[1].text.endswith("de dos (2) a cuatro (4) años.")  # the closing quotation mark ends the quote
    recitals, formula = doc.preamble
    assert [r.text[:8] for r in recitals.children] == ["Que conf", "Que las ", "Que corr"]
    assert formula.text == "POR TANTO, D E C R E T A:"  # kept as printed
    assert [n.text for n in doc.preface] == ["DECRETO No. 144-2031", "EL CONGRESO NACIONAL,"]
    closing = [n.text for n in doc.conclusions]
    assert closing[0].startswith("Dado en la ciudad de Tegucigalpa") and "Por Tanto: Ejecútese." in closing
    # the capital named as the place of passage tells the country; the date of passage is in words
    assert (doc.meta.number, doc.meta.date, doc.meta.country, doc.meta.doc_type) == ("144-2031", "2031-05-20", "hn", "decree")


def test_honduras_the_verb_spaced_out_alone_is_the_enacting_formula(tmp_path):
    doc = load(HONDURAS.replace("POR TANTO,\n", ""))
    recitals, formula = doc.preamble
    assert len(recitals.children) == 3 and (formula.kind, formula.text) == ("formula", "D E C R E T A:")


def test_honduras_review(tmp_path, library):
    found = verdicts(load(HONDURAS), library)
    assert found["specific"][0] == "met" and found["specific"][1][0] == "1, ¶1"  # through the replaced 149-D
    assert found["definition"] == ("met", ["1, ¶2"]) and found["child-18"] == ("met", ["1, ¶2"])
    assert found["computer"] == ("met", ["1, ¶1"])  # "incluidos los sistemas informáticos"
    assert found["possession"] == ("met", ["1"])  # 149-E: "para su propio uso"
    assert found["isp-report"] == ("met", ["2"])  # "empresas que presten servicios de internet … obligadas a denunciar"
    assert found["grooming"][0] == "missing"


# ---------------------------------------------------------------- Panamá (as the Gaceta Oficial Digital prints a law)

PANAMA = """No. 29412-A                                   Gaceta Oficial Digital, lunes 14 de noviembre de 2031                                   1
LEY 79
De 9 de noviembre de 2031
Sobre trata de personas y actividades conexas
LA ASAMBLEA NACIONAL
DECRETA:
Capítulo I
Disposiciones Generales
Artículo 1. Esta Ley tiene por objeto prevenir y sancionar la trata de personas y la explotación sexual de personas menores de edad en todas sus formas, incluidas las cometidas por medios electrónicos.
Artículo 2. Para los efectos de esta Ley, los siguientes términos se entenderán así:
1. Material de abuso sexual infantil. Toda representación, por cualquier medio, de una persona menor de dieciocho años de edad en actividades sexuales explícitas, reales o simuladas, o de sus partes genitales con fines sexuales.
2. Proveedor de servicios de internet. Persona natural o jurídica que ofrece acceso a internet o aloja contenidos de terceros.
Parágrafo. Para los efectos de esta Ley, es persona menor de edad quien no haya cumplido dieciocho años.
Capítulo II
Delitos
Artículo 3. Quien por cualquier medio, incluidos los sistemas informáticos, produzca, distribuya, transmita u ofrezca material de abuso sexual infantil será sancionado con prisión de diez a quince años.
No. 29412-A                                   Gaceta Oficial Digital, lunes 14 de noviembre de 2031                                   2
Artículo 4. Quien a sabiendas posea o almacene material de abuso sexual infantil, en cualquier soporte, será sancionado con prisión de cuatro a seis años.
Parágrafo transitorio. Quien entregue voluntariamente a las autoridades el material a que se refiere este artículo dentro de los seis meses siguientes a la entrada en vigencia de esta Ley quedará exento de pena.
Artículo 5. Los proveedores de servicios de internet que detecten en sus servidores material de abuso sexual infantil deberán reportarlo de inmediato al Ministerio Público y conservar los datos de tráfico relacionados por un periodo de un año.
Capítulo III
Disposiciones Finales
Artículo 6. Esta Ley comenzará a regir desde su promulgación.
COMUNÍQUESE Y CÚMPLASE.
Proyecto 412 de 2031 aprobado en tercer debate en el Palacio Justo Arosemena, ciudad de Panamá, a los veinte días del mes de octubre del año dos mil treinta y uno.
El Presidente,
Jorge Herrera
El Secretario General,
Carlos Alvarado
ÓRGANO EJECUTIVO NACIONAL. PRESIDENCIA DE LA REPÚBLICA. PANAMÁ, REPÚBLICA DE PANAMÁ, 9 DE NOVIEMBRE DE 2031.
JOSÉ RAÚL MULINO
Presidente de la República
"""


def test_panama_paragrafos_term_dot_definitions_and_the_gazettes_numbered_running_head(tmp_path):
    doc = load(PANAMA)
    assert labels(doc) == [f"Artículo {n}." for n in range(1, 7)]
    assert [(d.kind, d.label, d.heading) for d in doc.body] == [
        ("chapter", "Capítulo I", "Disposiciones Generales"), ("chapter", "Capítulo II", "Delitos"),
        ("chapter", "Capítulo III", "Disposiciones Finales")]
    art2, art3, art4 = doc.units()[1:4]
    # "1. Término. Definición." inside a provision that announces definitions ("se entenderán así:", not a term "así")
    assert art2.defines == "" and [p.defines for p in art2.children[0].children] == [
        "Material de abuso sexual infantil", "Proveedor de servicios de internet"]
    # "Parágrafo." and "Parágrafo transitorio." are labelled paragraphs of their article, as printed
    assert (art2.children[1].label, art2.children[1].text[:24]) == ("Parágrafo.", "Para los efectos de esta")
    assert [(c.label, c.num) for c in art4.children] == [("Parágrafo transitorio.", "transitorio")]
    # the running head carries the page number (1, 2): debris wherever the page broke, never text of article 3
    assert art3.text.endswith("de diez a quince años.") and [(c.name, c.text[:11]) for c in art3.children] == [("debris", "No. 29412-A")]
    assert doc.preface[0].kind == "note" and [n.text for n in doc.preface if n.kind == "text"] == [
        "LEY 79", "De 9 de noviembre de 2031", "Sobre trata de personas y actividades conexas", "LA ASAMBLEA NACIONAL"]
    (formula,) = doc.preamble
    assert formula.text == "DECRETA:"
    assert doc.conclusions[0].text == "COMUNÍQUESE Y CÚMPLASE." and doc.conclusions[1].text.startswith("Proyecto 412 de 2031 aprobado")
    # the law's date is the one under its number, not the gazette's running head above it
    assert (doc.meta.number, doc.meta.date, doc.meta.country, doc.meta.doc_type) == ("79", "2031-11-09", "pa", "act")


def test_panama_review(tmp_path, library):
    found = verdicts(load(PANAMA), library)
    assert found["definition"] == ("met", ["2, 1"]) and found["child-18"] == ("met", ["2, 1"])
    assert found["specific"][0] == "met" and set(found["specific"][1]) == {"3", "4"}
    assert found["computer"] == ("met", ["3"]) and found["possession"] == ("met", ["4"])
    assert found["isp-report"] == ("met", ["5"]) and found["data-retention"] == ("met", ["5"])
    assert found["grooming"][0] == "missing"


# ---------------------------------------------------------------- Nicaragua's Código Penal (heading after the number, text below)

NICARAGUA_CODE = """CÓDIGO PENAL DE LA REPÚBLICA DE NICARAGUA
LEY No. 641
LIBRO SEGUNDO
DELITOS Y SUS PENAS
TÍTULO II
DELITOS CONTRA LA LIBERTAD E INTEGRIDAD SEXUAL
Capítulo II
Explotación sexual, pornografía y acto sexual con adolescente mediante pago
Art. 175 Explotación sexual, pornografía y acto sexual con adolescentes mediante pago
Quien induzca, facilite, promueva o utilice con fines sexuales o eróticos a personas menores de dieciocho años de edad, haciéndola presenciar o participar en un comportamiento, espectáculo o material de contenido sexual, será sancionado con la pena de cinco a siete años de prisión.
Quien en cualquier forma, incluidos los medios electrónicos, distribuya, divulgue, importe, exporte, ofrezca o venda material en el que se utilice la imagen de personas menores de dieciocho años en actividades sexuales, será sancionado con la pena de cinco a siete años de prisión.
Quien adquiera o posea material pornográfico en el que aparezcan personas menores de dieciocho años, será sancionado con la pena de uno a tres años de prisión.
Art. 176 Circunstancias agravantes
Se impondrá la pena máxima prevista en el artículo anterior cuando el autor sea padre, madre, tutor, guardador o cualquier persona que tenga a la víctima bajo su cuidado.
Art. 177 Promoción del turismo con fines de explotación sexual
Quien promueva, facilite o ejecute el traslado de personas con fines de explotación sexual de niñas, niños y adolescentes, será sancionado con prisión de cinco a siete años.
"""


def test_nicaragua_code_heading_after_the_bare_number_and_the_text_below(tmp_path):
    doc = load(NICARAGUA_CODE)
    assert labels(doc) == ["Art. 175", "Art. 176", "Art. 177"]
    art175, art176, _ = doc.units()
    assert art175.heading == "Explotación sexual, pornografía y acto sexual con adolescentes mediante pago"
    assert [p.text[:12] for p in art175.children] == ["Quien induzc", "Quien en cua", "Quien adquie"]
    assert art176.heading == "Circunstancias agravantes" and art176.text.startswith("Se impondrá la pena máxima")
    book = doc.body[0]
    assert (book.kind, book.label, book.heading) == ("book", "LIBRO SEGUNDO", "DELITOS Y SUS PENAS")
    chapter = book.children[0].children[0]
    assert (chapter.kind, chapter.label) == ("chapter", "Capítulo II")
    assert [n.text for n in doc.preface] == ["CÓDIGO PENAL DE LA REPÚBLICA DE NICARAGUA", "LEY No. 641"]
    assert (doc.meta.number, doc.meta.country, doc.meta.doc_type) == ("641", "ni", "code")


def test_nicaragua_code_review_reads_el_articulo_anterior_as_a_citation(tmp_path, library):
    found = verdicts(load(NICARAGUA_CODE), library)
    assert found["possession"] == ("met", ["175, ¶3"]) and found["computer"] == ("met", ["175, ¶2"])
    assert found["specific"][0] == "met" and set(found["specific"][1]) == {"175, ¶1", "175, ¶2", "175, ¶3"}
    # "la pena máxima prevista en el artículo anterior cuando el autor sea padre, … tutor": the aggravation
    # reaches the offences on the material through the article it cites
    assert found["aggravation"] == ("met", ["176"])
    assert found["isp-report"][0] == "missing"


# ---------------------------------------------------------------- Mexico: a state's Código Penal as its Congress consolidates it

MEXICO_STATE_CODE = """\
CÓDIGO PENAL PARA EL ESTADO LIBRE Y SOBERANO DE JALISCO
ÚLTIMA REFORMA PUBLICADA EN EL PERIÓDICO OFICIAL: 12 DE MAYO DE 2031.
Código publicado en el Periódico Oficial del Estado de Jalisco, el 2 de septiembre de 1982.
TÍTULO DÉCIMO SEGUNDO
DELITOS CONTRA EL DESARROLLO DE LA PERSONALIDAD
CAPÍTULO III
Pornografía infantil
(REFORMADO, P.O. 12 DE MAYO DE 2031)
ARTÍCULO 187.- Comete el delito de pornografía infantil quien procure, obligue, facilite o induzca, por cualquier medio, a una o varias personas menores de dieciocho años de edad a realizar actos sexuales o de exhibicionismo corporal con fines de grabarlos, fotografiarlos, filmarlos o exhibirlos a través de anuncios impresos, sistemas de cómputo, electrónicos o sucedáneos. Al autor de este delito se le impondrá pena de siete a doce años de prisión.
(ADICIONADO, P.O. 12 DE MAYO DE 2031)
ARTÍCULO 187 Bis.- Se impondrá pena de cinco a diez años de prisión a quien almacene, compre o arriende, sin fines de comercialización o distribución, material de los señalados en el artículo anterior.
(ADICIONADO, P.O. 12 DE MAYO DE 2031)
ARTÍCULO 187 Ter.- Las penas previstas en este capítulo se aumentarán hasta en una mitad cuando el delito se cometa utilizando redes sociales o cualquier medio de comunicación digital, o cuando el autor tenga parentesco con la víctima.
(ADICIONADO, P.O. 12 DE MAYO DE 2031)
ARTÍCULO 187 Quáter.- Comete el delito de contacto con fines sexuales quien, a través de internet o cualquier otro medio de comunicación electrónica, contacte a una persona menor de dieciocho años con el propósito de obtener de ella imágenes o videos de contenido sexual.
ARTÍCULO 188.- Los prestadores de servicios de internet que tengan conocimiento de la existencia de material de los señalados en el artículo 187 en sus sistemas estarán obligados a denunciarlo de inmediato ante la Fiscalía del Estado.
TRANSITORIOS
DECRETO NÚMERO 29875/LXIII/31
PRIMERO.- El presente decreto entrará en vigor al día siguiente de su publicación en el periódico oficial "El Estado de Jalisco".
SEGUNDO.- Se derogan todas las disposiciones que se opongan al presente decreto.
"""


def test_mexico_bis_ter_articles_reform_notes_above_them_and_transitorios(tmp_path):
    doc = load(MEXICO_STATE_CODE)
    assert labels(doc) == ["ARTÍCULO 187.-", "ARTÍCULO 187 Bis.-", "ARTÍCULO 187 Ter.-", "ARTÍCULO 187 Quáter.-",
                           "ARTÍCULO 188.-", "PRIMERO.-", "SEGUNDO.-"]
    assert [u.num for u in doc.units()][:4] == ["187", "187 Bis", "187 Ter", "187 Quáter"]
    # "(REFORMADO, P.O. …)" is printed above the article it concerns: its note, never text of the one before
    assert [notes(u) for u in doc.units()[:5]] == [
        ["(REFORMADO, P.O. 12 DE MAYO DE 2031)"], ["(ADICIONADO, P.O. 12 DE MAYO DE 2031)"],
        ["(ADICIONADO, P.O. 12 DE MAYO DE 2031)"], ["(ADICIONADO, P.O. 12 DE MAYO DE 2031)"], []]
    assert all(u.text.endswith(".") and "P.O." not in u.full_text() for u in doc.units())
    title = doc.body[0]
    assert (title.kind, title.label, title.num, title.heading) == (
        "title", "TÍTULO DÉCIMO SEGUNDO", "DÉCIMO SEGUNDO", "DELITOS CONTRA EL DESARROLLO DE LA PERSONALIDAD")
    assert (title.children[0].label, title.children[0].heading) == ("CAPÍTULO III", "Pornografía infantil")
    transitory = doc.body[-1]
    assert (transitory.name, transitory.heading) == ("transitionalProvisions", "TRANSITORIOS")
    assert [c.label for c in transitory.children if c.kind == "article"] == ["PRIMERO.-", "SEGUNDO.-"]
    # a state's "Estado Libre y Soberano" is Mexico; the consolidation's last reform dates it
    assert (doc.meta.country, doc.meta.doc_type, doc.meta.date) == ("mx", "code", "2031-05-12")


def test_mexico_review_material_named_by_reference_to_another_article(tmp_path, library):
    found = verdicts(load(MEXICO_STATE_CODE), library)
    # 187 Bis: "almacene … sin fines de comercialización o distribución, material de los señalados en el
    # artículo anterior" is simple possession of the material 187 describes
    assert found["possession"] == ("met", ["187 Bis"])
    assert found["isp-report"] == ("met", ["188"])  # "material de los señalados en el artículo 187"
    assert found["computer"][0] == "met" and found["computer"][1][0] == "187"  # "sistemas de cómputo"
    assert found["grooming"] == ("met", ["187 Quáter"]) and found["aggravation"] == ("met", ["187 Ter"])
    assert found["specific"][0] == "met" and found["specific"][1][0] == "187"
    assert found["definition"][0] == "partial"


def test_a_citation_of_an_article_that_does_not_name_the_material_proves_nothing(tmp_path, library):
    text = MEXICO_STATE_CODE.replace("material de los señalados en el artículo anterior", "material de los señalados en el artículo 188")
    found = verdicts(load(text), library)
    assert found["possession"][0] != "met"


# ---------------------------------------------------------------- Spain: an autonomous community's law as the BOE prints it

SPAIN_BOE = """\
BOLETÍN OFICIAL DEL ESTADO
Núm. 212 Jueves 4 de septiembre de 2031 Sec. I. Pág. 118204
I. DISPOSICIONES GENERALES
COMUNIDAD AUTÓNOMA DE ARAGÓN
18422 Ley 7/2031, de 26 de junio, de protección de la infancia frente a la violencia digital.
FELIPE VI
REY DE ESPAÑA
A todos los que la presente vieren y entendieren.
Sabed: Que las Cortes de Aragón han aprobado y yo, en nombre del Rey y de conformidad con lo dispuesto en el artículo 45 del Estatuto de Autonomía, promulgo la siguiente ley.
PREÁMBULO
I
La Convención sobre los Derechos del Niño obliga a los Estados a proteger a los niños contra todas las formas de explotación y abusos sexuales.
II
El entorno digital ha multiplicado los riesgos: el artículo 189 del Código Penal castiga ya la pornografía infantil, pero la prevención corresponde también a las administraciones autonómicas.
III
La ley se estructura en un título preliminar, dos títulos, cuatro disposiciones adicionales, una transitoria, una derogatoria y tres finales.
TÍTULO PRELIMINAR
Disposiciones generales
Artículo 1. Objeto.
La presente ley tiene por objeto la protección de las personas menores de edad frente a la violencia ejercida a través de las tecnologías de la información y la comunicación.
Artículo 2. Definiciones.
A los efectos de esta ley, se entiende por:
a) Persona menor de edad: toda persona menor de dieciocho años.
b) Material de abuso sexual infantil: todo material que represente de manera visual a una persona menor de edad participando en una conducta sexualmente explícita, real o simulada.
TÍTULO I
Obligaciones de los prestadores de servicios
Artículo 3. Deber de comunicación.
1. Los prestadores de servicios de la sociedad de la información establecidos en Aragón deberán comunicar de inmediato al Ministerio Fiscal y a las Fuerzas y Cuerpos de Seguridad el material de abuso sexual infantil del que tengan conocimiento.
2. Deberán asimismo conservar los datos de tráfico asociados durante un plazo de doce meses.
Disposición adicional primera. Colaboración con la Fiscalía.
El Gobierno de Aragón suscribirá convenios de colaboración con el Ministerio Fiscal.
Disposición adicional segunda. Formación.
Los centros educativos incluirán en su programación contenidos sobre el uso seguro de internet.
Disposición transitoria única. Procedimientos en curso.
Los procedimientos iniciados antes de la entrada en vigor de esta ley se regirán por la normativa anterior.
Disposición derogatoria única. Derogación normativa.
Quedan derogadas cuantas disposiciones de igual o inferior rango se opongan a lo dispuesto en esta ley.
Disposición final primera. Título competencial.
Esta ley se dicta al amparo de la competencia exclusiva de la Comunidad Autónoma en materia de protección de menores.
Disposición final segunda. Entrada en vigor.
La presente ley entrará en vigor a los veinte días de su publicación en el «Boletín Oficial de Aragón».
Así lo dispongo a los efectos del artículo 9.1 de la Constitución y los correspondientes del Estatuto de Autonomía de Aragón.
Zaragoza, 26 de junio de 2031.–El Presidente del Gobierno de Aragón, Jorge Azcón Navarro.
(Publicada en el «Boletín Oficial de Aragón» número 128, de 4 de julio de 2031)
cve: BOE-A-2031-18422
Verificable en https://www.boe.es
"""


def test_spain_boe_more_dispositions_than_articles_and_a_preamble_in_roman_parts(tmp_path):
    doc = load(SPAIN_BOE)
    # three articles and six dispositions: still a law of articles, the dispositions after them
    assert labels(doc) == ["Artículo 1.", "Artículo 2.", "Artículo 3.", "Disposición adicional primera.",
                           "Disposición adicional segunda.", "Disposición transitoria única.", "Disposición derogatoria única.",
                           "Disposición final primera.", "Disposición final segunda."]
    assert [u.heading for u in doc.units()][3:] == [
        "Colaboración con la Fiscalía", "Formación", "Procedimientos en curso", "Derogación normativa",
        "Título competencial", "Entrada en vigor"]
    # the dispositions stand outside the last title, as the BOE prints them
    assert [(d.kind, d.label) for d in doc.body[:2]] == [("title", "TÍTULO PRELIMINAR"), ("title", "TÍTULO I")]
    assert [d.kind for d in doc.body[2:]] == ["article"] * 6 and len(doc.body[1].children) == 1
    assert [p.defines for p in doc.units()[1].children[0].children] == ["Persona menor de edad", "Material de abuso sexual infantil"]
    # "Sabed: … promulgo la siguiente ley." is the formula; the preamble's parts I, II, III are never articles
    formula, recitals = doc.preamble
    assert formula.kind == "formula" and formula.text.startswith("Sabed: Que las Cortes de Aragón")
    assert recitals.heading == "PREÁMBULO" and [(r.label, r.text[:15]) for r in recitals.children] == [
        ("I", "La Convención s"), ("II", "El entorno digi"), ("III", "La ley se estru")]
    assert [n.text for n in doc.preface if n.kind == "text"][-3:] == [
        "FELIPE VI", "REY DE ESPAÑA", "A todos los que la presente vieren y entendieren."]
    # the BOE's running head and verification stamp are debris; where it was first published, an editor's note
    assert [(n.name, n.text[:8]) for n in doc.preface if n.kind == "note"] == [("debris", "Núm. 212")]
    final = doc.units()[-1]
    assert final.text.endswith("«Boletín Oficial de Aragón».") and final.children == ()
    assert [n.text[:12] for n in doc.conclusions if n.kind == "text"] == ["Así lo dispo", "Zaragoza, 26"]
    assert [(n.name, n.text[:10]) for n in doc.conclusions if n.kind == "note"] == [
        ("editorial", "(Publicada"), ("debris", "cve: BOE-A"), ("debris", "Verificabl")]
    # the law's own date (its title), not the gazette's; the title without the BOE's order number
    assert (doc.meta.number, doc.meta.date, doc.meta.country) == ("7/2031", "2031-06-26", "es")
    assert doc.meta.title == "Ley 7/2031, de 26 de junio, de protección de la infancia frente a la violencia digital."


def test_spain_boe_review_a_regional_law_without_offences(tmp_path, library):
    found = verdicts(load(SPAIN_BOE), library)
    assert found["definition"] == ("met", ["2, b)"])
    assert found["isp-report"] == ("met", ["3, 1"]) and found["data-retention"] == ("met", ["3, 2"])
    # a regional law cannot make offences: the material is defined and reported, never made an offence
    assert found["specific"][0] == "missing" and found["possession"][0] == "missing"


def test_one_article_and_several_dispositions(tmp_path):
    doc = load("""LEY 3/2031, de 2 de febrero, por la que se modifica el Código Penal.
Artículo único. Modificación del Código Penal.
Se modifica el artículo 189 del Código Penal, que queda redactado como sigue:
«Artículo 189.
Será castigado con la pena de prisión de uno a cinco años quien produzca o difunda pornografía infantil.»
Disposición transitoria única. Procedimientos en curso.
Los procedimientos ya iniciados se regirán por la norma anterior.
Disposición final primera. Título competencial.
Esta ley se dicta al amparo del artículo 149.1.6.ª de la Constitución.
Disposición final segunda. Entrada en vigor.
Esta ley entrará en vigor el día siguiente al de su publicación.
""")
    assert labels(doc) == ["Artículo único.", "Disposición transitoria única.", "Disposición final primera.",
                           "Disposición final segunda."]
    assert doc.units()[0].children[0].kind == "quotedStructure"


# ---------------------------------------------------------------- Chile (as the BCN's LeyChile prints a law)

CHILE = """\
Tipo Norma: Ley 21.999
Fecha Publicación: 14-08-2031
Fecha Promulgación: 02-08-2031
Organismo: MINISTERIO DE JUSTICIA Y DERECHOS HUMANOS
Título: MODIFICA EL CÓDIGO PENAL PARA SANCIONAR EL MATERIAL DE ABUSO SEXUAL INFANTIL
Tipo Versión: Única De : 14-08-2031
Url Corta: https://bcn.cl/3xYz1
LEY NÚM. 21.999
MODIFICA EL CÓDIGO PENAL PARA SANCIONAR EL MATERIAL DE ABUSO SEXUAL INFANTIL
Teniendo presente que el H. Congreso Nacional ha dado su aprobación al siguiente
Proyecto de ley:
"Artículo único.- Introdúcense las siguientes modificaciones en el Código Penal:
1) Reemplázase el artículo 366 quinquies por el siguiente:
"Artículo 366 quinquies.- El que participare en la producción de material de abuso sexual infantil, cualquiera sea su soporte, en cuya elaboración hubieren sido utilizados menores de dieciocho años, será sancionado con presidio menor en su grado máximo.
Para los efectos de este artículo y del artículo 374 bis, se entenderá por material de abuso sexual infantil toda representación de menores de dieciocho años dedicados a actividades sexuales explícitas, reales o simuladas.".
2) Agrégase, en el artículo 374 bis, el siguiente inciso segundo:
"El que maliciosamente adquiera o almacene material de abuso sexual infantil, cualquiera sea su soporte, será castigado con presidio menor en su grado medio.".
3) Incorpórase el siguiente artículo 374 ter:
"Artículo 374 ter.- Las empresas proveedoras de servicios de internet que tomen conocimiento de la existencia de material de abuso sexual infantil en sus sistemas deberán informarlo de inmediato al Ministerio Público.".".
Y por cuanto he tenido a bien aprobarlo y sancionarlo; por tanto, promúlguese y llévese a efecto como Ley de la República.
Santiago, 2 de agosto de 2031.- JOSÉ ANTONIO KAST RIST, Presidente de la República.- Jaime Valdés Ruiz, Ministro de Justicia y Derechos Humanos.
Lo que transcribo a usted para su conocimiento.- Saluda atentamente a usted, Ana Pérez Silva, Subsecretaria de Justicia.
"""


def test_chile_articulo_unico_with_numbered_amendments_each_quoting_its_wording(tmp_path):
    doc = load(CHILE)
    # the law is printed inside its promulgation's quotation marks: the mark stays in the label, as printed
    assert labels(doc) == ['"Artículo único.-']
    (items,) = [c for c in doc.units()[0].children if c.kind == "list"]
    one, two, three = items.children
    assert [p.label for p in items.children] == ["1)", "2)", "3)"]
    (replaced,) = one.children
    assert (replaced.name, replaced.target, replaced.children[0].label) == ("replace", "Código Penal", "Artículo 366 quinquies.-")
    assert replaced.children[0].children[1].defines == "material de abuso sexual infantil"
    # "el siguiente inciso segundo:" quotes a paragraph (not an article) for the Código Penal named in the intro
    (added,) = two.children
    assert (added.name, added.target) == ("insert", "Código Penal")
    assert added.children[0].text.startswith("El que maliciosamente adquiera o almacene")
    (inserted,) = three.children
    assert (inserted.name, inserted.children[0].label) == ("insert", "Artículo 374 ter.-")
    # "Teniendo presente que … al siguiente / Proyecto de ley:" is the enacting formula
    (formula,) = doc.preamble
    assert formula.text.startswith("Teniendo presente que el H. Congreso Nacional") and formula.text.endswith("Proyecto de ley:")
    assert doc.conclusions[0].text.startswith("Y por cuanto he tenido a bien aprobarlo")
    # "Fecha Promulgación: 02-08-2031" in the portal's header; the short address tells the country
    assert (doc.meta.number, doc.meta.date, doc.meta.country) == ("21.999", "2031-08-02", "cl")


def test_chile_review_credits_the_wording_each_item_enacts(tmp_path, library):
    found = verdicts(load(CHILE), library)
    assert found["definition"] == ("met", ["único, 1), ¶2"])
    assert found["possession"] == ("met", ["único, 2)"])  # the new inciso of 374 bis
    assert found["isp-report"] == ("met", ["único, 3)"])  # "empresas proveedoras de servicios de internet"
    assert found["child-18"][0] == "met" and found["specific"][0] == "met"


@pytest.mark.parametrize("name", ["SPAIN_BOE", "MEXICO_STATE_CODE", "PANAMA", "HONDURAS"])
def test_akoma_ntoso_is_valid_and_reads_back(tmp_path, akn_schema, name):
    doc = load(globals()[name])
    data = akn.to_xml(doc)
    assert akn_schema.validate(etree.fromstring(data)), akn_schema.error_log
    (tmp_path / "law.xml").write_bytes(data)
    back = akn.read(tmp_path / "law.xml")
    # the preamble's numbered parts keep their printed labels, notes above an article stay on it
    assert (back.preamble, back.body) == (doc.preamble, doc.body)

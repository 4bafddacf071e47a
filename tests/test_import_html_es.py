"""Statutes as Spanish-language legal websites serve them, saved as HTML pages and written here in our own
words and our own markup: each page imitates the STRUCTURE of a site's HTML (an Argentine legal-information
portal, the Spanish BOE's consolidated text, a Mexican Congress PDF turned into HTML, a Colombian mirror,
a Peruvian portal with a side index), and is checked through import and review. What keeps the site out of
the law is read from the page (header/footer/index regions, collapsible boxes, note classes) or from
profile data, never from a list of sites."""

from __future__ import annotations


import pytest

from drafting.model.document import Document, Node
from drafting.review.verdicts import review

from .styles import imported, labels, law_text


def load(page: str, encoding: str = "utf-8") -> Document:
    return imported(page, "pagina.html", encoding)


def notes(node: Node, name: str = "editorial") -> list[str]:
    return [c.text for c in node.children if c.kind == "note" and (not name or c.name == name)]


def verdicts(doc: Document, library) -> dict[str, tuple[str, list[str]]]:
    result = review(doc, library, criteria="full")
    return {v.criterion: (v.status, [e.num for e in v.evidence]) for v in result.verdicts}


# ---------------------------------------------------------------- Argentina: a legal-information portal (cp1252)

ARGENTINA = """\
<!DOCTYPE html>
<html lang="es">
<head><meta charset="iso-8859-1"><title>InfoLEG - Ministerio de Justicia - Argentina</title></head>
<body>
<div id="cabecera"><img src="logo.gif" alt="InfoLEG"> Información Legislativa y Documental</div>
<p><b>Ley 28.114</b></p>
<p>DELITOS CONTRA LA INTEGRIDAD SEXUAL</p>
<p>Modificación del Código Penal.</p>
<p>Sancionada: Junio 4 de 2031<br>Promulgada: Junio 18 de 2031</p>
<p>El Senado y Cámara de Diputados de la Nación Argentina reunidos en Congreso, etc. sancionan con fuerza de Ley:</p>
<p><b>ARTICULO 1°</b> — Sustitúyese el artículo 128 del Código Penal, por el siguiente:</p>
<p>"Artículo 128: Será reprimido con prisión de tres a seis años el que produjere, financiare, ofreciere, comerciare, publicare, facilitare, divulgare o distribuyere, por cualquier medio, toda representación de un menor de dieciocho años dedicado a actividades sexuales explícitas o toda representación de sus partes genitales con fines predominantemente sexuales.</p>
<p>Será reprimido con prisión de cuatro meses a un año el que a sabiendas tuviere en su poder representaciones de las descriptas en el párrafo anterior."</p>
<p><b>ARTICULO 2°</b>— Incorpórase como artículo 131 bis del Código Penal el siguiente: (Nota Infoleg: por errata en el Boletín Oficial, donde dice "131 bis" debe leerse "131 ter")</p>
<p>"Artículo 131 bis: Será penado con prisión de seis meses a cuatro años el que, por medio de comunicaciones electrónicas, telecomunicaciones o cualquier otra tecnología de transmisión de datos, contactare a una persona menor de edad, con el propósito de cometer cualquier delito contra la integridad sexual de la misma."</p>
<p><b>ARTICULO 3°</b> — Comuníquese al Poder Ejecutivo nacional.</p>
<p>DADA EN LA SALA DE SESIONES DEL CONGRESO ARGENTINO, EN BUENOS AIRES, A LOS CUATRO DIAS DEL MES DE JUNIO DEL AÑO DOS MIL TREINTA Y UNO.</p>
<p>— REGISTRADA BAJO EL N° 28.114 —</p>
<p>MARIA L. FERREYRA. — PABLO D. ACOSTA. — Julián R. Ibarra. — Silvia E. Molina.</p>
<div class="antecedentes"><p><b>Antecedentes Normativos</b></p>
<p>- Artículo 128 del Código Penal, sustituido por art. 2° de la Ley N° 26.388 B.O. 25/6/2008;</p></div>
<p><b>Textos relacionados</b></p>
<p><a href="norma.htm">Ley 11.179 - Código Penal</a></p>
</body></html>
"""


def test_argentina_glued_bold_labels_portal_notes_and_the_closing_lists(tmp_path):
    doc = load(ARGENTINA, "cp1252")
    assert labels(doc) == ["ARTICULO 1° —", "ARTICULO 2°—", "ARTICULO 3° —"]
    first, second, _ = doc.units()
    quoted = [c for c in first.children if c.kind == "quotedStructure"]
    assert [a.label for a in quoted[0].children] == ["Artículo 128:"]
    # the portal's note at the end of the amending sentence is a note; the quoted article still follows it
    assert second.text == "Incorpórase como artículo 131 bis del Código Penal el siguiente:"
    assert notes(second)[0].startswith("(Nota Infoleg: por errata")
    assert [c.kind for c in second.children] == ["note", "quotedStructure"]
    assert "Infoleg" not in law_text(doc)
    # the site's header (a <div id="cabecera">) is debris; the closing lists of related norms are notes
    assert doc.preface[0].name == "debris"
    closing = [c for c in doc.conclusions if c.kind == "note"]
    assert [c.text for c in closing][0] == "Antecedentes Normativos" and "Textos relacionados" in [c.text for c in closing]
    assert all(c.name == "editorial" for c in closing)
    assert doc.conclusions[0].text.startswith("DADA EN LA SALA DE SESIONES")
    assert (doc.meta.country, doc.meta.number, doc.meta.date) == ("ar", "28.114", "2031-06-04")


def test_argentina_review_reads_the_descriptas_en_el_parrafo_anterior_as_the_material(tmp_path, library):
    found = verdicts(load(ARGENTINA, "cp1252"), library)
    # "tuviere en su poder representaciones de las descriptas en el párrafo anterior": simple possession
    assert found["possession"] == ("met", ["1, ¶2"])
    assert found["specific"][0] == "met" and found["specific"][1][0] == "1, ¶1"
    assert found["grooming"] == ("met", ["2"]) and found["child-18"][0] == "met"
    assert found["isp-report"][0] == "missing"


# ---------------------------------------------------------------- Spain: the BOE's consolidated text

SPAIN_BOE = """\
<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>BOE-A-2031-4410 Ley 9/2031, de 3 de marzo, de protección de la infancia frente a la explotación sexual en línea.</title></head>
<body>
<div id="top"><a href="/">Agencia Estatal Boletín Oficial del Estado</a></div>
<ul class="migas"><li><a href="/">Inicio</a></li><li>Buscar</li><li>Documento consolidado BOE-A-2031-4410</li></ul>
<div id="contenido">
<h2>Documento consolidado BOE-A-2031-4410</h2>
<h3 class="documento-tit">Ley 9/2031, de 3 de marzo, de protección de la infancia frente a la explotación sexual en línea.</h3>
<ul class="pestanas"><li class="activa"><a href="#">Texto</a></li><li><a href="#analisis">Análisis</a></li><li><a href="#versiones">Versiones</a></li></ul>
<dl class="conso"><dt>Publicado en:</dt><dd>«BOE» núm. 54, de 4 de marzo de 2031, páginas 20110 a 20118 (9 págs.)</dd>
<dt>Entrada en vigor:</dt><dd>05/03/2031</dd><dt>Última actualización publicada el 10/11/2033</dt></dl>
<div id="textoxslt">
<h4>TEXTO CONSOLIDADO</h4>
<div class="bloque" id="pr"><p class="bloque">[Bloque 1: #pr]</p>
<p class="centro_redonda">FELIPE VI</p><p class="centro_redonda">REY DE ESPAÑA</p>
<p class="parrafo">A todos los que la presente vieren y entendieren.</p>
<p class="parrafo_2">Sabed: Que las Cortes Generales han aprobado y Yo vengo en sancionar la siguiente ley.</p>
<p class="centro_redonda">PREÁMBULO</p>
<p class="parrafo">La difusión de imágenes de abuso sexual de menores a través de redes de comunicaciones exige una respuesta específica del ordenamiento.</p>
</div>
<div class="bloque" id="a1"><p class="bloque">[Bloque 2: #a1]</p>
<h5 class="articulo">Artículo 1. Objeto.</h5>
<p class="parrafo">Esta ley tiene por objeto prevenir y perseguir la explotación sexual de personas menores de dieciocho años cometida por medio de sistemas informáticos.</p>
</div>
<div class="bloque" id="a2"><p class="bloque">[Bloque 3: #a2]</p>
<h5 class="articulo">Artículo 2. Definiciones.</h5>
<p class="parrafo">A los efectos de esta ley se entiende por:</p>
<p class="parrafo">a) «Material de abuso sexual infantil»: toda representación, por cualquier medio, de una persona menor de dieciocho años participando en una conducta sexual explícita, real o simulada.</p>
<p class="parrafo">b) «Prestador de servicios»: toda persona física o jurídica que ofrezca un servicio de la sociedad de la información.</p>
</div>
<div class="bloque" id="a3"><p class="bloque">[Bloque 4: #a3]</p>
<h5 class="articulo">Artículo 3. Deber de comunicación.</h5>
<p class="parrafo">1. Los prestadores de servicios que tengan conocimiento de la presencia de material de abuso sexual infantil en sus servicios deberán comunicarlo sin demora al Ministerio Fiscal.</p>
<p class="parrafo">2. Conservarán los datos relacionados durante un plazo de seis meses.</p>
<blockquote><p class="parrafo">Téngase en cuenta que se declara inconstitucional el inciso «sin demora» del apartado 1, por Sentencia del TC 14/2033, de 2 de febrero. Ref. BOE-A-2033-2210</p></blockquote>
<p class="nota_pie">Se modifica el apartado 2 por el art. 4 de la Ley 2/2033, de 8 de noviembre. Ref. BOE-A-2033-18802</p>
<p class="linkSubir"><a href="#top">Subir</a></p>
</div>
<div class="bloque" id="a4"><p class="bloque">[Bloque 5: #a4]</p>
<h5 class="articulo">Artículo 4. Posesión de material.</h5>
<p class="parrafo">Quien adquiera o posea material de abuso sexual infantil para su propio uso será castigado con la pena de prisión de uno a cinco años.</p>
<p class="nota_pie">Redactado conforme a la corrección de errores publicada en «BOE» núm. 70, de 22 de marzo de 2031. Ref. BOE-A-2031-5102</p>
</div>
<div class="bloque" id="dfunica"><p class="bloque">[Bloque 6: #dfunica]</p>
<h5 class="articulo">Disposición final única. Entrada en vigor.</h5>
<p class="parrafo">La presente ley entrará en vigor el día siguiente al de su publicación en el «Boletín Oficial del Estado».</p>
</div>
<div class="bloque" id="fi"><p class="bloque">[Bloque 7: #fi]</p>
<p class="parrafo_2">Por tanto,</p>
<p class="parrafo">Mando a todos los españoles, particulares y autoridades, que guarden y hagan guardar esta ley.</p>
<p class="parrafo">Madrid, 3 de marzo de 2031.</p>
<p class="firma_rey">FELIPE R.</p>
<p class="firma_ministro">El Presidente del Gobierno,</p><p class="firma_ministro">ÁLVARO MÉNDEZ PRIETO</p>
</div>
</div>
<div id="analisis"><h4>Análisis</h4><ul><li>Rango: Ley</li><li>Fecha de disposición: 03/03/2031</li><li>Referencias posteriores: SE MODIFICA el art. 3.2, por Ley 2/2033</li></ul></div>
<div id="versiones"><h4>Versiones</h4><p>Versión 1 - 05/03/2031</p><p>Versión 2 - 10/11/2033</p></div>
</div>
<div id="pie"><p>Agencia Estatal Boletín Oficial del Estado · Avda. de Manoteras, 54 - 28050 Madrid</p></div>
</body></html>
"""


def test_spain_boe_blocks_anchor_lines_warnings_and_the_analysis_tabs(tmp_path):
    doc = load(SPAIN_BOE)
    assert labels(doc) == ["Artículo 1.", "Artículo 2.", "Artículo 3.", "Artículo 4.", "Disposición final única."]
    assert [u.heading for u in doc.units()] == ["Objeto", "Definiciones", "Deber de comunicación",
                                                "Posesión de material", "Entrada en vigor"]
    text = law_text(doc)
    assert "Bloque" not in text and "Subir" not in text and "Téngase" not in text and "Se modifica" not in text
    third = doc.units()[2]
    assert [n[:22] for n in notes(third)] == ["Téngase en cuenta que ", "Se modifica el apartad"]
    assert {n.text for n in third.children if n.name == "debris"} == {"Subir", "[Bloque 5: #a4]"}
    # "Análisis" and "Versiones" below the text are notes; the page's footer stays debris
    closing = doc.conclusions
    assert closing[0].text == "Por tanto," and closing[5].text == "ÁLVARO MÉNDEZ PRIETO"
    assert [c.name for c in closing[6:-1]] == ["editorial"] * 7 and closing[6].text == "Análisis"
    assert closing[-1].name == "debris"
    assert (doc.meta.country, doc.meta.number, doc.meta.date) == ("es", "9/2031", "2031-03-03")


def test_spain_boe_review_a_defined_service_provider_is_a_provider(tmp_path, library):
    found = verdicts(load(SPAIN_BOE), library)
    # "Prestador de servicios": a person offering an information-society service (art. 2 b), so
    # "Los prestadores de servicios … deberán comunicarlo" is a provider's duty to report
    assert found["isp-report"] == ("met", ["3, 1"])
    assert found["possession"] == ("met", ["4"]) and found["definition"] == ("met", ["2, a)"])
    assert found["data-retention"] == ("met", ["3"])


# ---------------------------------------------------------------- Mexico: a Congress PDF turned into HTML

MEXICO_DOF = """\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>CODIGO PENAL FEDERAL</title></head>
<body>
<div style="position:absolute;top:40px"><p><span style="font-weight:bold">CÓDIGO PENAL FEDERAL</span></p></div>
<p><span>CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN</span></p>
<p><span>Secretaría General</span></p>
<p><span>Última Reforma DOF 12-05-2031</span></p>
<p><span>Nuevo Código publicado en el Diario Oficial de la Federación el 14 de agosto de 1931</span></p>
<p style="text-align:center"><span style="font-weight:bold">CAPÍTULO II</span></p>
<p style="text-align:center"><span style="font-weight:bold">Pornografía de Personas Menores de Dieciocho Años de Edad</span></p>
<p><span style="font-weight:bold">Artículo 202.-</span><span> Comete el delito de pornografía de personas menores de dieciocho años de edad quien procure, obligue, facilite o induzca, por cualquier medio, a una o varias de estas personas a realizar actos sexuales o de exhibicionismo corporal con fines lascivos o sexuales, reales o simulados, con el objeto de video grabarlos, fotografiarlos, filmarlos, exhibirlos o describirlos a través de anuncios impresos, transmisión de archivos de datos en red pública o privada de telecomunicaciones, sistemas de cómputo, electrónicos o sucedáneos. Al autor de este delito se le impondrá pena de siete a doce años de prisión.</span></p>
<p><span style="font-size:8px">Artículo reformado DOF 19-08-2010, 12-05-2031</span></p>
<p><span style="font-weight:bold">ARTÍCULO 202 Bis.-</span><span> Quien almacene, compre o arriende, sin fines de comercialización o distribución, material a que se refiere el artículo anterior, se le impondrán de uno a cinco años de prisión.</span></p>
<p><span style="font-size:8px">Artículo adicionado DOF 12-05-2031</span></p>
<p style="text-align:right"><span>1 de 3</span></p>
<p><span style="font-weight:bold">ARTÍCULO 202 Ter.-</span><span> Los concesionarios de telecomunicaciones y los proveedores de servicios de internet que tengan conocimiento de material de los señalados en el artículo 202 en sus sistemas estarán obligados a denunciarlo ante el Ministerio Público.</span></p>
<p><span style="font-size:8px">Artículo adicionado DOF 12-05-2031</span></p>
<p style="text-align:center"><span style="font-weight:bold">TRANSITORIOS</span></p>
<p><span style="font-weight:bold">PRIMERO.-</span><span> El presente Decreto entrará en vigor al día siguiente de su publicación en el Diario Oficial de la Federación.</span></p>
<p><span style="font-weight:bold">SEGUNDO.-</span><span> Se derogan todas las disposiciones que se opongan al presente Decreto.</span></p>
<p><span>Ciudad de México, a 28 de abril de 2031.- Dip. Laura Pérez Ortega, Presidenta.- Sen. Raúl Medina Solís, Presidente.- Rúbricas.</span></p>
</body></html>
"""


def test_mexico_bold_span_labels_reform_notes_page_numbers_and_the_signatures(tmp_path):
    doc = load(MEXICO_DOF)
    assert labels(doc) == ["Artículo 202.-", "ARTÍCULO 202 Bis.-", "ARTÍCULO 202 Ter.-", "PRIMERO.-", "SEGUNDO.-"]
    chapter = doc.body[0]
    assert (chapter.label, chapter.heading) == ("CAPÍTULO II", "Pornografía de Personas Menores de Dieciocho Años de Edad")
    assert [notes(u) for u in doc.units()[:3]] == [["Artículo reformado DOF 19-08-2010, 12-05-2031"],
                                                   ["Artículo adicionado DOF 12-05-2031"], ["Artículo adicionado DOF 12-05-2031"]]
    assert "1 de 3" not in law_text(doc) and "DOF" not in law_text(doc)
    transitory = doc.body[-1]
    assert (transitory.name, transitory.heading) == ("transitionalProvisions", "TRANSITORIOS")
    assert doc.units()[-1].text == "Se derogan todas las disposiciones que se opongan al presente Decreto."
    assert doc.conclusions[0].text.startswith("Ciudad de México, a 28 de abril de 2031.- Dip.")
    assert (doc.meta.country, doc.meta.doc_type) == ("mx", "code")


def test_mexico_review_se_le_impondran_de_uno_a_cinco_anos(tmp_path, library):
    found = verdicts(load(MEXICO_DOF), library)
    assert found["possession"] == ("met", ["202 Bis"])  # "Quien almacene … material a que se refiere el artículo anterior"
    assert found["isp-report"] == ("met", ["202 Ter"]) and found["computer"] == ("met", ["202"])
    assert found["specific"] == ("met", ["202", "202 Bis"])


# ---------------------------------------------------------------- Colombia: a legislative mirror

COLOMBIA = """\
<html><head><meta charset="utf-8"><title>Ley 2150 de 2031 - Gestor Normativo</title></head>
<body>
<div id="encabezado"><p>Secretaría General del Senado · Base de datos de leyes</p></div>
<p>Leyes desde 1992 - Vigencia expresa y control de constitucionalidad</p>
<p align="center"><b>LEY 2150 DE 2031</b></p>
<p align="center">(junio 9)</p>
<p align="center">Diario Oficial No. 53.112 de 9 de junio de 2031</p>
<p align="center">CONGRESO DE LA REPÚBLICA</p>
<p>Por medio de la cual se adoptan medidas contra la explotación sexual de niños, niñas y adolescentes en entornos digitales.</p>
<details><summary>Resumen de Notas de Vigencia</summary><p>NOTAS DE VIGENCIA: - Modificada por la Ley 2201 de 2033, 'por la cual ...', publicada en el Diario Oficial No. 54.001.</p></details>
<p align="center">EL CONGRESO DE COLOMBIA</p>
<p align="center">DECRETA:</p>
<p><a name="1"></a><b>ARTÍCULO 1o. OBJETO.</b> La presente ley tiene por objeto proteger a los niños, niñas y adolescentes contra la explotación sexual cometida por medio de redes informáticas.</p>
<p><a name="2"></a><b>ARTÍCULO 2o. DEFINICIONES.</b> Para los efectos de la presente ley se entenderá por:</p>
<p>1. Material de abuso sexual infantil: toda representación visual de un menor de dieciocho años en actividades sexuales explícitas.</p>
<p>2. Proveedor de servicios de internet: toda persona que preste servicios de acceso, alojamiento o transmisión de datos.</p>
<p><a name="3"></a><b>ARTÍCULO 3o. TENENCIA DE MATERIAL.</b> El que adquiera o posea material de abuso sexual infantil incurrirá en prisión de cinco a diez años.</p>
<details><summary>Jurisprudencia Vigencia</summary><p>Corte Constitucional</p><p>- Artículo declarado EXEQUIBLE por la Corte Constitucional mediante Sentencia C-301-32 de 14 de julio de 2032.</p></details>
<details><summary>Notas del Editor</summary><p>- Destaca el editor que el artículo 5 de la Ley 2201 de 2033 también modificó el título.</p></details>
<p><a name="4"></a><b>ARTÍCULO 4o. DEBER DE DENUNCIA.</b> Los proveedores de servicios de internet que conozcan la existencia de material de abuso sexual infantil en sus redes deberán denunciarlo ante la Fiscalía General de la Nación.</p>
<p><a name="5"></a><b>ARTÍCULO 5o. VIGENCIA.</b> La presente ley rige a partir de su promulgación.</p>
<p>EL PRESIDENTE DEL HONORABLE SENADO DE LA REPÚBLICA,</p>
<p>ANDRÉS FELIPE CASTRO RUIZ</p>
<p>REPÚBLICA DE COLOMBIA - GOBIERNO NACIONAL</p>
<p>PUBLÍQUESE Y CÚMPLASE.</p>
<p>Dada en Bogotá, D. C., a 9 de junio de 2031.</p>
<div id="pie"><p>Compilación Juridica · Todos los derechos reservados</p></div>
</body></html>
"""
# the mirror's "Legislación Anterior" after the notes: the article's former wording, under the same label
LEGISLACION_ANTERIOR = """\
<p><b>Legislación Anterior</b></p><p>Texto original de la Ley 2150 de 2031:</p><p><b>ARTÍCULO 3o.</b> El que posea material \
de abuso sexual infantil con fines de distribución incurrirá en prisión de tres a seis años.</p>
"""
COLOMBIA_FORMER = COLOMBIA.replace('<p><a name="4">', LEGISLACION_ANTERIOR + '<p><a name="4">')


def test_colombia_collapsible_notes(tmp_path):
    doc = load(COLOMBIA)
    assert labels(doc) == ["ARTÍCULO 1o.", "ARTÍCULO 2o.", "ARTÍCULO 3o.", "ARTÍCULO 4o.", "ARTÍCULO 5o."]
    assert [u.heading for u in doc.units()] == ["OBJETO", "DEFINICIONES", "TENENCIA DE MATERIAL", "DEBER DE DENUNCIA", "VIGENCIA"]
    third = doc.units()[2]
    assert third.text.startswith("El que adquiera o posea material")
    # "Jurisprudencia Vigencia" and "Notas del Editor" (<details> boxes) are notes; the former wording too
    assert notes(third)[:2] == ["Jurisprudencia Vigencia", "Corte Constitucional"]
    assert "Notas del Editor" in notes(third)
    assert "EXEQUIBLE" not in law_text(doc)
    assert doc.preface[0].name == "debris"  # the site's <div id="encabezado">
    assert "NOTAS DE VIGENCIA" in " ".join(c.text for c in doc.preface if c.kind == "note")
    assert doc.conclusions[-1].name == "debris"  # <div id="pie">
    assert (doc.meta.country, doc.meta.number, doc.meta.date) == ("co", "2150", "2031-06-09")


@pytest.mark.xfail(strict=True, reason="known bug: when the current wording's bold lead holds label and heading "
                   "('ARTÍCULO 3o. TENENCIA DE MATERIAL.') and the former wording's lead only the label, the former "
                   "one is chosen as the article and the current line is read as its heading")
def test_colombia_former_wording_is_a_superseded_note(tmp_path):
    doc = load(COLOMBIA_FORMER)
    third = doc.units()[2]
    assert (third.heading, third.text[:30]) == ("TENENCIA DE MATERIAL", "El que adquiera o posea materi")
    assert [n.text[:40] for n in third.children if n.name == "superseded"] == ["ARTÍCULO 3o. El que posea material de ab"]
    assert "tres a seis" not in law_text(doc)


def test_colombia_review(tmp_path, library):
    found = verdicts(load(COLOMBIA), library)
    assert found["possession"] == ("met", ["3"]) and found["isp-report"] == ("met", ["4"])
    assert found["definition"] == ("met", ["2, 1"])


# ---------------------------------------------------------------- Peru: a portal with a side index

PERU = """\
<html><head><meta charset="utf-8"><title>Ley N° 32145 - Sistema Peruano de Información Jurídica</title></head>
<body>
<div id="indice"><p>Índice</p><ul><li><a href="#a1">Artículo 1</a></li><li><a href="#a2">Artículo 2</a></li><li><a href="#a3">Artículo 3</a></li><li><a href="#a4">Artículo 4</a></li><li><a href="#df1">Primera</a></li></ul></div>
<div id="texto">
<p align="center"><b>LEY Nº 32145</b></p>
<p>EL PRESIDENTE DE LA REPÚBLICA</p>
<p>POR CUANTO:</p>
<p>El Congreso de la República ha dado la Ley siguiente:</p>
<p>EL CONGRESO DE LA REPÚBLICA;</p>
<p>Ha dado la Ley siguiente:</p>
<p align="center"><b>LEY QUE SANCIONA LA EXPLOTACIÓN SEXUAL DE MENORES EN ENTORNOS DIGITALES</b></p>
<p><a name="a1"></a><b>Artículo 1. Objeto de la Ley</b></p>
<p>La presente ley tiene por objeto prevenir y sancionar las conductas que afectan la indemnidad sexual de niñas, niños y adolescentes mediante tecnologías de la información.</p>
<p><a name="a2"></a><b>Artículo 2. Material de abuso sexual</b></p>
<p>El que, a través de un sistema informático, posee, produce, distribuye o exhibe material que represente a menores de dieciocho años en actividades sexuales será reprimido con pena privativa de libertad no menor de seis ni mayor de diez años.</p>
<p>(*) Artículo modificado por el Artículo 1 de la Ley N° 32400, publicada el 02 marzo 2033.</p>
<p><a name="a3"></a><b>Artículo 3. Proposiciones sexuales a menores</b></p>
<p>El que contacta con un menor de catorce años por medios tecnológicos para solicitarle material pornográfico será reprimido con pena privativa de libertad no menor de cuatro ni mayor de ocho años.</p>
<p><a name="a4"></a><b>Artículo 4. Obligación de reportar</b></p>
<p>Las empresas que prestan servicios de internet están obligadas a informar a la Policía Nacional sobre el material de abuso sexual infantil alojado en sus servidores.</p>
<p align="center"><b>DISPOSICIÓN COMPLEMENTARIA FINAL</b></p>
<p><a name="df1"></a><b>PRIMERA. Vigencia</b></p>
<p>La presente Ley entra en vigencia al día siguiente de su publicación en el diario oficial El Peruano.</p>
<p>Comuníquese al señor Presidente de la República para su promulgación.</p>
<p>En Lima, a los diez días del mes de febrero de dos mil treinta y uno.</p>
<p>MARÍA SOLEDAD QUISPE HUAMÁN</p><p>Presidenta del Congreso de la República</p>
</div>
</body></html>
"""


def test_peru_side_index_is_page_furniture_and_asterisk_notes(tmp_path):
    doc = load(PERU)
    assert labels(doc) == ["Artículo 1.", "Artículo 2.", "Artículo 3.", "Artículo 4.", "PRIMERA."]
    assert [c.name for c in doc.preface[:6]] == ["debris"] * 6  # <div id="indice">: a link per article
    assert notes(doc.units()[1]) == ["(*) Artículo modificado por el Artículo 1 de la Ley N° 32400, publicada el 02 marzo 2033."]
    assert doc.body[-1].heading == "DISPOSICIÓN COMPLEMENTARIA FINAL"
    assert doc.conclusions[1].text.startswith("En Lima, a los diez días")
    assert (doc.meta.country, doc.meta.number, doc.meta.date) == ("pe", "32145", "2031-02-10")


def test_peru_review(tmp_path, library):
    found = verdicts(load(PERU), library)
    assert found["possession"] == ("met", ["2"]) and found["grooming"] == ("met", ["3"])
    assert found["isp-report"] == ("met", ["4"]) and found["computer"][0] == "met"

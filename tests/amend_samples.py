"""Version pairs for the amendment diff, written for these tests (fictional laws, our own words).

The same pairs exist as text under tests/fixtures/amend/ for the CLI. Between version 1 and 2:
- art./s. 2: a one-word change              - art. 3(a) / s. 3: a punctuation-only change
- art./s. 5 → 6: an article inserted mid-way, everything after it renumbered
- art. 6 → 7 / s. 5 → 6: a new Párrafo / subsection (2), and renumbered
- art. 7 → 8 / s. 6 → 7: "treinta (30)" → "sesenta (60)", "thirty (30)" → "sixty (60)"
- art. 5 / s. 7 → 8: a whitespace-only change (a doubled space)
- art./s. 8 → 10: moved into the last chapter/part (a closing paragraph / s. 11 stays after it)
- art./s. 9: deleted;  art./s. 10 → 9: renumbered only
"""

from __future__ import annotations

from dataclasses import replace

from drafting.model.document import Document, Meta, Node


def art(num: str, heading: str, text: str, *children: Node) -> Node:
    return Node(kind="article", num=num, heading=heading, text=text, children=children)


def sec(num: str, heading: str, *children: Node) -> Node:
    return Node(kind="section", num=num, heading=heading, children=children)


def para(num: str, text: str, *children: Node) -> Node:
    return Node(kind="paragraph", num=num, text=text, children=children)


def subsec(num: str, text: str, *children: Node) -> Node:
    return Node(kind="subsection", num=num, text=text, children=children)


def point(num: str, text: str) -> Node:
    return Node(kind="point", num=num, text=text)


def points(*items: tuple[str, str]) -> Node:
    return Node(kind="list", children=tuple(point(n, t) for n, t in items))


def division(kind: str, num: str, heading: str, *children: Node) -> Node:
    return Node(kind=kind, num=num, heading=heading, children=children)


LEY_META = Meta(country="xf", number="12-34", date="2026-03-01", language="es", profile="es-DO",
                title="Ley No. 12-34 sobre protección de niños, niñas y adolescentes en entornos digitales")
ACT_META = Meta(country="xf", number="7", date="2026-03-01", language="en", profile="en-commonwealth",
                title="Online Child Protection Act, 2026")

_DEF_A = "Niño, niña o adolescente: toda persona menor de dieciocho años de edad."
_DEF_B = "Sistema de información: todo dispositivo o grupo de dispositivos interconectados que procesen datos de forma automática."
_DEF_C = ("Proveedor de servicios: toda entidad que ofrezca a los usuarios la posibilidad de comunicarse por medio de "
          "un sistema de información.")
_ART1 = art("1", "Objeto", "La presente ley tiene por objeto proteger a los niños, niñas y adolescentes contra la "
            "explotación sexual en entornos digitales.")
_ART4 = art("4", "Producción de material", "El que produzca material de abuso sexual infantil será sancionado con "
            "prisión de cinco a diez años y multa de cincuenta a cien salarios mínimos.")
_DIFUSION = ("El que difunda, venda u ofrezca material de abuso sexual infantil por medio de un{sp}sistema de "
             "información será sancionado con prisión de tres a ocho años.")
_LUCRO = para("", "La pena se aumentará en un tercio cuando la difusión se realice con fines de lucro.")
_POSESION = ("El que posea intencionalmente material de abuso sexual infantil en un sistema de información será "
             "sancionado con prisión de uno a tres años.")
_REGLAMENTO = ("El órgano regulador de las telecomunicaciones dictará el reglamento de aplicación de esta ley en un "
               "plazo de seis meses.")
_VIGOR = "Esta ley entra en vigor a partir de su publicación en la Gaceta Oficial."
_DADA = (Node(kind="text", text="DADA en la Sala de Sesiones del Congreso Nacional, en la ciudad capital, a los "
              "tres días del mes de marzo del año dos mil veintiséis."),)
_CONSERVACION = "Los proveedores de servicios conservarán los datos de tráfico durante un plazo de {n} días."


def ley_v1() -> Document:
    return Document(meta=LEY_META, body=(
        division("chapter", "I", "Disposiciones generales",
                 _ART1,
                 art("2", "Ámbito de aplicación", "Esta ley se aplica a toda persona física o jurídica que preste "
                     "servicios de información en el territorio nacional."),
                 art("3", "Definiciones", "Para los fines de esta ley se entiende por:",
                     points(("a", _DEF_A), ("b", _DEF_B), ("c", _DEF_C)))),
        division("chapter", "II", "De las infracciones",
                 _ART4,
                 art("5", "Difusión", _DIFUSION.format(sp=" "), _LUCRO),
                 art("6", "Posesión", _POSESION),
                 art("7", "Conservación de datos", _CONSERVACION.format(n="treinta (30)")),
                 art("8", "Reglamento", _REGLAMENTO)),
        division("chapter", "III", "Disposiciones finales",
                 art("9", "Derogación", "Queda derogada cualquier disposición que sea contraria a la presente ley."),
                 art("10", "Entrada en vigor", _VIGOR)),
    ), conclusions=_DADA)


def ley_v2() -> Document:
    return Document(meta=replace(LEY_META, date="2026-09-01"), body=(
        division("chapter", "I", "Disposiciones generales",
                 _ART1,
                 art("2", "Ámbito de aplicación", "Esta ley se aplica a toda persona física o jurídica que ofrezca "
                     "servicios de información en el territorio nacional."),
                 art("3", "Definiciones", "Para los fines de esta ley se entiende por:",
                     points(("a", _DEF_A[:-1] + ";"), ("b", _DEF_B), ("c", _DEF_C)))),
        division("chapter", "II", "De las infracciones",
                 _ART4,
                 art("5", "Difusión", _DIFUSION.format(sp="  "), _LUCRO),
                 art("6", "Acceso", "El que acceda intencionalmente a material de abuso sexual infantil por medio de un "
                     "sistema de información será sancionado con prisión de uno a dos años."),
                 art("7", "Posesión", _POSESION,
                     para("", "No será punible la posesión por parte de las autoridades competentes en el curso de "
                          "una investigación.")),
                 art("8", "Conservación de datos", _CONSERVACION.format(n="sesenta (60)"))),
        division("chapter", "III", "Disposiciones finales",
                 art("9", "Entrada en vigor", _VIGOR),
                 art("10", "Reglamento", _REGLAMENTO)),
    ), conclusions=_DADA)


_SHORT = sec("1", "Short title", subsec("1", "This Act may be cited as the Online Child Protection Act, 2026."))
_DEFS = ('"computer system" means any device or group of interconnected devices that processes data automatically;',
         '"service provider" means any entity that provides users with the ability to communicate by means of a '
         'computer system.')
_PRODUCES = ("A person who produces child sexual abuse material{comma} commits an offence and is liable on conviction "
             "to imprisonment for a term not exceeding ten years.")
_DISTRIBUTION = sec("4", "Distribution",
                    subsec("1", "A person who distributes, sells or offers child sexual abuse material by means of a "
                           "computer system commits an offence."),
                    subsec("2", "A person who commits an offence under subsection (1) is liable on conviction to "
                           "imprisonment for a term not exceeding eight years."))
_POSSESSES = "A person who knowingly possesses child sexual abuse material commits an offence."
_RETAIN = "A service provider shall retain traffic data for a period of {n} days."
_REPORT = ("A service provider who becomes aware of child sexual abuse material on its system shall report it to "
           "the{sp}police without delay.")
_REGULATIONS = "The Minister may make regulations for carrying this Act into effect."
_TRANSITIONAL = sec("11", "Transitional provision", subsec("1", "Proceedings begun before the commencement of this "
                                                          "Act shall be continued as if this Act had not been made."))
_COMMENCEMENT = "This Act comes into force on the day it is published in the Gazette."


def _interpretation(age: str) -> Node:
    return sec("2", "Interpretation", subsec("1", "In this Act—", *(
        Node(kind="paragraph", num=n, text=t) for n, t in
        (("a", f'"child" means a person under the age of {age} years;'), ("b", _DEFS[0]), ("c", _DEFS[1])))))


def act_v1() -> Document:
    return Document(meta=ACT_META, body=(
        division("part", "I", "PRELIMINARY", _SHORT, _interpretation("sixteen")),
        division("part", "II", "OFFENCES",
                 sec("3", "Production of material", subsec("1", _PRODUCES.format(comma=""))),
                 _DISTRIBUTION,
                 sec("5", "Possession", subsec("1", _POSSESSES)),
                 sec("6", "Retention of data", subsec("1", _RETAIN.format(n="thirty (30)"))),
                 sec("7", "Reporting", subsec("1", _REPORT.format(sp=" "))),
                 ),
        division("part", "III", "MISCELLANEOUS",
                 sec("8", "Regulations", subsec("1", _REGULATIONS)),
                 sec("9", "Repeal", subsec("1", "The Obscene Publications Act is repealed.")),
                 sec("10", "Commencement", subsec("1", _COMMENCEMENT)),
                 _TRANSITIONAL),
    ))


def act_v2() -> Document:
    return Document(meta=replace(ACT_META, date="2026-09-01"), body=(
        division("part", "I", "PRELIMINARY", _SHORT, _interpretation("eighteen")),
        division("part", "II", "OFFENCES",
                 sec("3", "Production of material", subsec("1", _PRODUCES.format(comma=","))),
                 _DISTRIBUTION,
                 sec("5", "Accessing material", subsec("1", "A person who knowingly accesses child sexual abuse "
                                                      "material by means of a computer system commits an offence.")),
                 sec("6", "Possession", subsec("1", _POSSESSES),
                     subsec("2", "Subsection (1) does not apply to a police officer acting in the course of an "
                            "investigation.")),
                 sec("7", "Retention of data", subsec("1", _RETAIN.format(n="sixty (60)"))),
                 sec("8", "Reporting", subsec("1", _REPORT.format(sp="  "))),
                 ),
        division("part", "III", "MISCELLANEOUS",
                 sec("9", "Commencement", subsec("1", _COMMENCEMENT)),
                 sec("10", "Regulations", subsec("1", _REGULATIONS)),
                 _TRANSITIONAL),
    ))


# (old num, new num) → expected op at article level, for both pairs.
EXPECTED_LEY = {
    ("1", "1"): "unchanged", ("2", "2"): "modify", ("3", "3"): "modify", ("4", "4"): "unchanged",
    ("5", "5"): "modify", (None, "6"): "insert", ("6", "7"): "modify", ("7", "8"): "modify",
    ("8", "10"): "move", ("9", None): "delete", ("10", "9"): "renumber",
}
EXPECTED_ACT = {
    ("1", "1"): "unchanged", ("2", "2"): "modify", ("3", "3"): "modify", ("4", "4"): "unchanged",
    (None, "5"): "insert", ("5", "6"): "modify", ("6", "7"): "modify", ("7", "8"): "modify",
    ("8", "10"): "move", ("9", None): "delete", ("10", "9"): "renumber", ("11", "11"): "unchanged",
}

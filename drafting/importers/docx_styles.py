"""styles.xml for the DOCX importer: style names and the hints styles carry (bold, centred, numbering).

Only what line hints need: a paragraph style's display name, whether it makes text bold or centred
(following w:basedOn), and the numbering it attaches; a character style's bold.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

OFF = frozenset(("0", "false", "off", "none"))


def on(prop: etree._Element, val_attr: str) -> bool:
    """A Word on/off property: present without w:val, or with a true value."""
    return prop.get(val_attr, "true").lower() not in OFF


@dataclass(frozen=True, slots=True)
class ParaStyle:
    style_id: str
    name: str
    bold: bool
    centered: bool
    num_id: str | None  # numbering attached by the style (w:pPr/w:numPr), through basedOn
    ilvl: str | None


@dataclass(slots=True)
class _Raw:
    kind: str
    name: str
    based_on: str
    bold: bool | None
    centered: bool | None
    num_id: str | None
    ilvl: str | None


class Styles:
    def __init__(self, root: etree._Element | None, ns: str) -> None:
        w = f"{{{ns}}}"
        self._w = w
        self._raw: dict[str, _Raw] = {}
        self._elements: dict[str, etree._Element] = {}  # read into _Raw only when a paragraph uses it
        self._resolved: dict[str, ParaStyle] = {}
        self._char_bold: dict[str, bool | None] = {}
        self._default_id = ""
        self.default_bold = False
        self.lang = ""
        if root is None:
            return
        defaults = root.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr")
        if defaults is not None:
            bold = defaults.find(w + "b")
            self.default_bold = bold is not None and on(bold, w + "val")
            lang = defaults.find(w + "lang")
            if lang is not None:
                self.lang = lang.get(w + "val", "")
        style_id_attr, type_attr, default_attr = w + "styleId", w + "type", w + "default"
        for style in root.iter(w + "style"):
            style_id = style.get(style_id_attr, "")
            self._elements[style_id] = style
            if style.get(type_attr, "paragraph") == "paragraph" and on_attr(style.get(default_attr)):
                self._default_id = style_id

    def _read(self, style: etree._Element, kind: str) -> _Raw:
        w, val = self._w, self._w + "val"
        name_el = style.find(w + "name")
        name = name_el.get(val, "") if name_el is not None else style.get(w + "styleId", "")
        if name and name == name.lower():
            name = name[0].upper() + name[1:]  # built-ins are stored as "heading 1"; Word shows "Heading 1"
        based = style.find(w + "basedOn")
        bold = centered = num_id = ilvl = None
        rpr = style.find(w + "rPr")
        if rpr is not None and (b := rpr.find(w + "b")) is not None:
            bold = on(b, val)
        ppr = style.find(w + "pPr")
        if ppr is not None:
            if (jc := ppr.find(w + "jc")) is not None:
                centered = jc.get(val) == "center"
            if (num := ppr.find(w + "numPr")) is not None:
                num_el, lvl_el = num.find(w + "numId"), num.find(w + "ilvl")
                num_id = num_el.get(val) if num_el is not None else None
                ilvl = lvl_el.get(val) if lvl_el is not None else None
        return _Raw(kind, name, based.get(val, "") if based is not None else "", bold, centered, num_id, ilvl)

    def paragraph(self, style_id: str) -> ParaStyle:
        """The resolved paragraph style; an unknown or absent id means the default style (as in Word)."""
        if style_id not in self._elements:
            style_id = self._default_id
        cached = self._resolved.get(style_id)
        if cached is None:
            chain = self._chain(style_id)
            cached = ParaStyle(
                style_id,
                chain[0].name if chain else "",
                _first(chain, "bold", self.default_bold),
                _first(chain, "centered", False),
                _first(chain, "num_id", None),
                _first(chain, "ilvl", None),
            )
            self._resolved[style_id] = cached
        return cached

    def character_bold(self, style_id: str) -> bool | None:
        if style_id not in self._char_bold:
            self._char_bold[style_id] = _first(self._chain(style_id), "bold", None)
        return self._char_bold[style_id]

    def numbering_style_num(self, style_id: str) -> str | None:
        """numId of a numbering style (w:type="numbering"), for abstractNum w:numStyleLink."""
        return _first(self._chain(style_id), "num_id", None)

    def _chain(self, style_id: str) -> list[_Raw]:
        chain: list[_Raw] = []
        seen: set[str] = set()
        while style_id in self._elements and style_id not in seen and len(chain) < 20:
            seen.add(style_id)
            raw = self._raw.get(style_id)
            if raw is None:
                element = self._elements[style_id]
                raw = self._raw[style_id] = self._read(element, element.get(self._w + "type", "paragraph"))
            chain.append(raw)
            style_id = raw.based_on
        return chain


def on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in OFF


def _first(chain: list[_Raw], field: str, default):
    for raw in chain:
        value = getattr(raw, field)
        if value is not None:
            return value
    return default

"""Lines + profile → Document: one grammar for every source format.

`parse` splits a source into preface, preamble (recitals, citations, enacting formula), body,
conclusions and attachments; the body itself is read by `body`. A table of contents
before the body is not mistaken for it, and signatures after it are conclusions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from drafting.model.document import Document, Meta, Node
from drafting.parse.body import TERMINAL, BodyParser, Warning, emphatic, heading_like, is_upper, parse_body_lines, parse_fragment
from drafting.parse.lines import Line, Source
from drafting.parse.profiles import Profile

__all__ = ["parse", "parse_fragment", "parse_body_lines", "ParseResult", "Warning"]


@dataclass(frozen=True)
class ParseResult:
    document: Document
    warnings: tuple[Warning, ...]


def parse(source: Source, profile: Profile, meta: Meta) -> ParseResult:
    """Split the source into preface, preamble, body, conclusions and attachments, and parse each."""
    warnings: list[Warning] = []
    lines = [ln for ln in source.lines if ln.text.strip() or ln.table is not None]
    body_start = _body_start(lines, profile)
    if body_start is None:
        warnings.append(Warning(0, "no article or section found: the whole text is kept as unstructured text"))
        body_start = 0
    body_end, attach_start = _body_end(lines, body_start, profile)
    preface, preamble = _front_matter(lines[:body_start], profile)
    body = parse_body_lines(lines[body_start:body_end], profile, warnings)
    conclusions = tuple(Node(kind="text", text=ln.text.strip(), line=ln.number)
                        for ln in lines[body_end:attach_start] if ln.table is None)
    attachments = _attachments(lines[attach_start:], profile, warnings)
    doc = Document(meta=meta, preface=preface, preamble=preamble, body=body, conclusions=conclusions, attachments=attachments)
    return ParseResult(document=doc, warnings=tuple(warnings))


def _classifier(profile: Profile) -> BodyParser:
    return BodyParser(profile, [])


def _body_start(lines: list[Line], profile: Profile) -> int | None:
    """The first division or unit that really opens the body (a table of contents does not)."""
    probe = _classifier(profile)
    unit_rx = probe.rx("unit")
    first_unit = None
    for i, line in enumerate(lines):
        text = line.text.strip()
        match = unit_rx.match(text) if unit_rx else None
        if match and (match.group("rest").strip() or i + 1 < len(lines)) and not _toc_like(text, profile):
            first_unit = i
            break
    if first_unit is None:
        return None
    start = first_unit
    # Walk back over the division lines (and their headings) right above the first unit.
    div_rx = probe.rx("division")
    group_rx = probe.rx("group")
    i = first_unit - 1
    while i >= 0:
        text = lines[i].text.strip()
        is_div = bool(div_rx and div_rx.match(text) and (is_upper(text.split()[0]) or emphatic(lines[i])))
        is_group = bool(group_rx and group_rx.match(text) and is_upper(text))
        prev = lines[i - 1].text.strip() if i >= 1 else ""
        prev_is_div = bool(div_rx and div_rx.match(prev) and (is_upper(prev.split()[0]) or emphatic(lines[i - 1])))
        if not is_div and prev_is_div and heading_like(text, lines[i]):
            i -= 1  # the heading line of the division above it
            continue
        if is_group and start < first_unit:
            break  # a group heading above a division belongs to a table of contents
        if is_div or is_group:
            start = i
            i -= 1
            continue
        if profile.section("structure").get("heading_before_unit", False) and i == first_unit - 1 and probe.looks_like_heading(text):
            start = i
            i -= 1
            continue
        break
    return start


def _toc_like(text: str, profile: Profile) -> bool:
    """A table-of-contents entry ("Capítulo I … (Artículo 1 al 13)") is not the body."""
    return bool(profile.section("structure").get("toc_entry")) and bool(profile.regex("structure", "toc_entry").search(text))


def _body_end(lines: list[Line], start: int, profile: Profile) -> tuple[int, int]:
    """Where the conclusions start, and where the attachments (schedules) start."""
    conclusions = profile.section("conclusions").get("start", "")
    schedule = profile.section("schedule").get("start", "")
    end = attach = len(lines)
    for i in range(start, len(lines)):
        text = lines[i].text.strip()
        if schedule and profile.regex("schedule", "start").match(text) and is_upper(text.split()[0] if text.split() else ""):
            attach = i
            if end > i:
                end = i
            break
        if end == len(lines) and conclusions and profile.regex("conclusions", "start").match(text):
            end = i
    return end, attach


def _attachments(lines: list[Line], profile: Profile, warnings: list[Warning]) -> tuple[Node, ...]:
    if not lines:
        return ()
    rx = profile.regex("schedule", "start")
    groups: list[tuple[Line, list[Line]]] = []
    for line in lines:
        text = line.text.strip()
        if rx.match(text) and text.split() and is_upper(text.split()[0]):
            groups.append((line, []))
        elif groups:
            groups[-1][1].append(line)
    out = []
    for head, body in groups:
        match = rx.match(head.text.strip())
        assert match is not None
        num = (match.group("num") or match.group("numafter") or "").strip()
        heading = match.group("heading").strip()
        if not heading and body and (is_upper(body[0].text) or emphatic(body[0])):
            heading, body = body[0].text.strip(), body[1:]
        nodes = parse_body_lines(body, profile, [])
        # A schedule is free text more often than articles: keep its lines as they are.
        out.append(Node(kind="attachment", num=num, heading=heading, children=nodes, line=head.number))
    return tuple(out)


def _front_matter(lines: list[Line], profile: Profile) -> tuple[tuple[Node, ...], tuple[Node, ...]]:
    """Preface (title, number, anything before the preamble) and preamble (recitals, citations, formula)."""
    pre = profile.section("preamble")
    recitals = profile.regex("preamble", "recitals") if pre.get("recitals") else None
    citations = profile.regex("preamble", "citations") if pre.get("citations") else None
    formula = profile.regex("preamble", "formula") if pre.get("formula") else None
    first_marker = next((i for i, ln in enumerate(lines)
                         if any(rx is not None and rx.match(ln.text.strip()) for rx in (recitals, citations, formula))), len(lines))
    preface = tuple(Node(kind="text", text=ln.text.strip(), line=ln.number) for ln in lines[:first_marker] if ln.table is None)
    preamble: list[Node] = []
    group: list[Node] | None = None
    group_kind = ""
    group_head = ""
    group_line = 0

    def close() -> None:
        nonlocal group
        if group is not None:
            preamble.append(Node(kind=group_kind, heading=group_head, children=tuple(group), line=group_line))
        group = None

    for ln in lines[first_marker:]:
        text = ln.text.strip()
        if ln.table is not None:
            continue
        for rx, kind, item in ((recitals, "recitals", "recital"), (citations, "citations", "citation")):
            match = rx.match(text) if rx else None
            if match:
                label = match.group("label")
                rest = match.group("rest").strip()
                num = (match.groupdict().get("num") or "").strip()
                if group is not None and group_kind == kind:
                    # "CONSIDERANDO SEGUNDO:", a second "WHEREAS": one more item of the same group
                    group.append(Node(kind=item, num=num, text=rest, line=ln.number))
                else:
                    close()
                    group, group_kind, group_head, group_line = [], kind, label if not num else label.split()[0], ln.number
                    if rest or num:
                        group.append(Node(kind=item, num=num, text=rest, line=ln.number))
                break
        else:
            if formula and formula.match(text):
                close()
                preamble.append(Node(kind="formula", text=text, name="enactingFormula", line=ln.number))
            elif group is not None:
                item = "recital" if group_kind == "recitals" else "citation"
                if group and not group[-1].text.rstrip().endswith(TERMINAL) and (text[:1].islower()):
                    last = group[-1]
                    group[-1] = replace(last, text=f"{last.text} {text}")
                else:
                    group.append(Node(kind=item, text=text, line=ln.number))
            else:
                preamble.append(Node(kind="text", text=text, line=ln.number))
    close()
    return preface, tuple(preamble)

"""Lines + profile → Document: one grammar for every source format.

`parse` first decides the document's conventions from the whole text (`conventions`: which
lines are the law's units, where the body starts and ends, what is a table of contents, a
promulgating decree, a note or debris), then splits the source into preface, preamble
(recitals, citations, enacting formula), body, conclusions and attachments; the body itself is
read by `body`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from drafting.model.document import DEBRIS, EDITORIAL, Document, Meta, Node, walk
from drafting.parse import conventions
from drafting.parse.body import TERMINAL, Warning, emphatic, is_upper, parse_body_lines, parse_fragment
from drafting.parse.lines import Line, Source
from drafting.parse.profiles import Profile

__all__ = ["parse", "parse_fragment", "parse_body_lines", "ParseResult", "Warning"]


@dataclass(frozen=True)
class ParseResult:
    document: Document
    warnings: tuple[Warning, ...]
    findings: tuple[str, ...] = ()  # what was decided from the whole text (conventions.decide)


def parse(source: Source, profile: Profile, meta: Meta) -> ParseResult:
    """Split the source into preface, preamble, body, conclusions and attachments, and parse each."""
    warnings: list[Warning] = []
    lines = [ln for ln in source.lines if ln.text.strip() or ln.table is not None]
    lines, conv = conventions.decide(lines, profile)
    if not conv.units:
        warnings.append(Warning(0, "no article or section found: the whole text is kept as unstructured text"))
    body_start, body_end = conv.body_start, conv.body_end
    attach_start = _attachments_start(lines, body_end, profile)
    front = list(range(body_start))
    toc = conv.toc
    promulgation = conv.promulgation
    outside = set(range(*toc)) if toc else set()
    if promulgation:
        outside |= set(range(*promulgation))
    preface, preamble = _front_matter([lines[i] for i in front if i not in outside], profile, conv)
    if toc:
        node = _toc_node(lines[toc[0]:toc[1]], profile)
        at = next((k for k, n in enumerate(preface) if n.line > node.line), len(preface))
        preface = preface[:at] + (node,) + preface[at:]  # where the source prints it
    if promulgation:
        preamble = preamble + (_promulgation_node(lines[promulgation[0]:promulgation[1]]),)
    body = parse_body_lines(lines[body_start:body_end], profile, warnings, conv)
    conclusions = tuple(_plain(ln, conv) for ln in lines[body_end:attach_start] if ln.table is None)
    attachments = _attachments(lines[attach_start:], profile, warnings, conv)
    doc = Document(meta=meta, preface=preface, preamble=preamble, body=body, conclusions=conclusions, attachments=attachments)
    return ParseResult(document=_resolve_aliases(doc, profile), warnings=tuple(warnings), findings=conv.findings)


def _resolve_aliases(doc: Document, profile: Profile) -> Document:
    """A quotation whose target is the name the law gives another Act ("the principal Act") targets
    that Act: "This Act amends the Films Act 1993 (the principal Act)" names it once, for every
    amendment after it. The patterns (groups `law` and `alias`) are profile data."""
    patterns = [profile.compile(f"amending.alias[{i}]", p) for i, p in enumerate(profile.section("amending").get("alias", ()))]
    if not patterns:
        return doc
    aliases: dict[str, str] = {}
    for node, _ in walk(doc.preamble + doc.body, into_quotes=False):
        for rx in patterns:
            for match in rx.finditer(node.text):
                aliases.setdefault(match.group("alias").casefold(), match.group("law").strip())
    if not aliases:
        return doc

    def resolve(node: Node) -> Node:
        children = tuple(resolve(c) for c in node.children)
        named = None
        if node.kind == "quotedStructure" and node.target:
            named = aliases.get(re.sub(r"^the\s+", "", node.target, flags=re.IGNORECASE).casefold())
        if named is None and children == node.children:
            return node
        return replace(node, children=children, target=named or node.target)

    return replace(doc, body=tuple(resolve(n) for n in doc.body))


def _plain(line: Line, conv: conventions.Conventions) -> Node:
    """A line outside the body: text, or a note when it is not the law's (debris, annotations)."""
    role = conv.role(line)
    if role in (conventions.DEBRIS, conventions.NOTE):
        return Node(kind="note", text=line.text.strip(), name=DEBRIS if role == conventions.DEBRIS else EDITORIAL,
                    line=line.number)
    return Node(kind="text", text=line.text.strip(), line=line.number)


def _toc_node(lines: list[Line], profile: Profile) -> Node:
    """A table of contents: one item per line, kept as the source prints it (never the body)."""
    kept = [ln for ln in lines if ln.table is None and ln.text.strip()]
    heading = ""
    rx = profile.regex("editorial", "toc_heading") if profile.section("editorial").get("toc_heading") else None
    if kept and rx is not None and rx.match(kept[0].text.strip()):
        heading = kept.pop(0).text.strip()  # "ARRANGEMENT OF SECTIONS", "ÍNDICE"
    items = tuple(Node(kind="tocItem", text=ln.text.strip(), line=ln.number) for ln in kept)
    return Node(kind="toc", heading=heading, children=items, line=lines[0].number if lines else 0)


def _promulgation_node(lines: list[Line]) -> Node:
    """The decree or act that promulgates the code that follows: kept whole in the preamble."""
    texts = tuple(Node(kind="text", text=ln.text.strip(), line=ln.number) for ln in lines if ln.table is None)
    return Node(kind="hcontainer", name="promulgation", children=texts, line=lines[0].number if lines else 0)


def _attachments_start(lines: list[Line], body_end: int, profile: Profile) -> int:
    """Schedules start at the first schedule heading after the body."""
    schedule = profile.section("schedule").get("start", "")
    if not schedule:
        return len(lines)
    rx = profile.regex("schedule", "start")
    for i in range(body_end, len(lines)):
        if conventions.is_schedule(rx, lines[i]):
            return i
    return len(lines)


def _attachments(lines: list[Line], profile: Profile, warnings: list[Warning],
                 conv: conventions.Conventions) -> tuple[Node, ...]:
    if not lines:
        return ()
    rx = profile.regex("schedule", "start")
    groups: list[tuple[Line, list[Line]]] = []
    trailing: list[Node] = []
    for line in lines:
        text = line.text.strip()
        if conv.role(line) == conventions.DEBRIS:
            trailing.append(_plain(line, conv))
        elif conventions.is_schedule(rx, line):
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
        # A schedule is free text more often than articles: keep its lines as they are. When it numbers
        # items of its own ("1  After section 474.22" / "Insert:"), they are read like a body, from the
        # evidence of the whole schedule (its sequence, its cross headings, what its items quote).
        inner_lines, inner = conventions.decide(body, profile) if body else ((), None)
        nodes = parse_body_lines(inner_lines, profile, [], inner if inner is not None and inner.units else None)
        out.append(Node(kind="attachment", num=num, heading=heading, children=nodes, line=head.number))
    if trailing and out:
        last = out[-1]
        out[-1] = replace(last, children=last.children + tuple(trailing))
    return tuple(out)


def _front_matter(lines: list[Line], profile: Profile,
                  conv: conventions.Conventions) -> tuple[tuple[Node, ...], tuple[Node, ...]]:
    """Preface (title, number, anything before the preamble) and preamble (recitals, citations, formula).

    A website's furniture before the law (menus, "Revise también …", bulleted links) is debris."""
    lines = [ln for ln in lines if ln.table is None]
    debris = [ln for ln in lines if conv.role(ln) in (conventions.DEBRIS, conventions.NOTE) or ln.style == "li"]
    kept = {id(ln) for ln in debris}
    notes = tuple(Node(kind="note", text=ln.text.strip(), name=DEBRIS if conv.role(ln) != conventions.NOTE else EDITORIAL,
                       line=ln.number) for ln in debris)
    lines = [ln for ln in lines if id(ln) not in kept]
    pre = profile.section("preamble")
    recitals = profile.regex("preamble", "recitals") if pre.get("recitals") else None
    citations = profile.regex("preamble", "citations") if pre.get("citations") else None
    formula = profile.regex("preamble", "formula") if pre.get("formula") else None
    # "POR TANTO, / en uso de sus facultades …, / DECRETA:": the formula opens lines before its verb
    formula_start = profile.regex("preamble", "formula_start") if pre.get("formula_start") else None
    formula_end = profile.regex("preamble", "formula_end") if pre.get("formula_end") else None
    formula_tail = profile.regex("preamble", "formula_tail") if pre.get("formula_tail") else None
    first_marker = next((i for i, ln in enumerate(lines)
                         if any(rx is not None and rx.match(unspaced(ln.text.strip()))
                                for rx in (recitals, citations, formula, formula_start))), len(lines))
    # "El Senado y la Cámara de Representantes …, reunidos en Asamblea General, / DECRETAN:": the line that
    # names who enacts, ending in a comma right above a bare enacting verb, is the formula's first part
    if formula is not None and 0 < first_marker < len(lines) and _bare_formula(unspaced(lines[first_marker].text), formula) \
            and lines[first_marker - 1].text.strip().endswith(","):
        first_marker -= 1
        lead_in: Line | None = lines[first_marker]
    else:
        lead_in = None
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

    opened: list[Line] = []  # the lines of a formula opened by `formula_start`, until its verb
    pending_num = ""  # a part number printed alone, for the recital below it

    def formula_node(parts: list[Line]) -> Node:
        return Node(kind="formula", text=" ".join(p.text.strip() for p in parts), name="enactingFormula",
                    line=parts[0].number)

    for ln in lines[first_marker:]:
        text = ln.text.strip()
        key = unspaced(text)  # "D E C R E T A:" is read as the word it spells, kept as printed
        if ln.table is not None:
            continue
        if ln is lead_in:
            opened = [ln]
            continue
        if formula is not None and _bare_formula(key, formula) and preamble and preamble[-1].kind == "text" \
                and group is None and preamble[-1].text.endswith(","):
            preamble[-1] = formula_node([Line(number=preamble[-1].line, text=preamble[-1].text), ln])
            continue
        if opened:
            opened.append(ln)
            if (formula is not None and formula.match(key)) or (formula_end is not None and formula_end.search(key)):
                preamble.append(formula_node(opened))
                opened = []
            continue
        if formula_tail is not None and preamble and preamble[-1].kind == "formula" and formula_tail.match(text):
            last = preamble[-1]  # "DECRETA: / La siguiente:": the formula's last words, on a line of their own
            preamble[-1] = replace(last, text=f"{last.text} {text}")
            continue
        if formula_start is not None and formula_start.match(key) and not (formula and formula.match(key)):
            close()
            if formula_end is not None and formula_end.search(key):
                preamble.append(formula_node([ln]))  # "POR TANTO: La Asamblea …, aprueba la siguiente:" on one line
            else:
                opened = [ln]
            continue
        for rx, kind, item in ((recitals, "recitals", "recital"), (citations, "citations", "citation")):
            match = rx.match(text) if rx else None
            if match:
                label = match.group("label")
                rest = match.group("rest").strip()
                num = (match.groupdict().get("num") or "").strip()
                if group is not None and group_kind == kind:
                    # "CONSIDERANDO SEGUNDO:", a second "WHEREAS": one more item of the same group (a bare
                    # "CONSIDERANDO:" again only opens the next one, on the lines below)
                    if rest or num:
                        group.append(Node(kind=item, num=num, text=rest, line=ln.number))
                else:
                    close()
                    group, group_kind, group_head, group_line = [], kind, label if not num else label.split()[0], ln.number
                    if rest or num:
                        group.append(Node(kind=item, num=num, text=rest, line=ln.number))
                break
        else:
            if formula and formula.match(key):
                close()
                preamble.append(Node(kind="formula", text=text, name="enactingFormula", line=ln.number))
            elif group is not None:
                item = "recital" if group_kind == "recitals" else "citation"
                if group_kind == "recitals" and _PART_NUMBER.match(text):
                    pending_num = text  # "I" alone above a part of a statement of reasons: its number
                elif pending_num:
                    group.append(Node(kind=item, num=pending_num.rstrip("."), label=pending_num, text=text, line=ln.number))
                    pending_num = ""
                elif group and not group[-1].text.rstrip().endswith(TERMINAL) and (text[:1].islower()):
                    last = group[-1]
                    group[-1] = replace(last, text=f"{last.text} {text}")
                else:
                    group.append(Node(kind=item, text=text, line=ln.number))
            else:
                preamble.append(Node(kind="text", text=text, line=ln.number))
    close()
    if opened:
        preamble.append(formula_node(opened))
    return _in_order(preface + notes), tuple(preamble)


_PART_NUMBER = re.compile(r"^(?-i:[IVXLC]{1,6})\.?$")  # "I", "II." alone on a line
_SPACED_WORD = re.compile(r"(?<!\S)(?:[A-ZÁÉÍÓÚÑ] ){3,}[A-ZÁÉÍÓÚÑ](?!\w)")


def unspaced(text: str) -> str:
    """A word printed letter by letter for emphasis ("D E C R E T A:") as the word it spells."""
    return _SPACED_WORD.sub(lambda m: m.group(0).replace(" ", ""), text)


def _bare_formula(text: str, formula) -> bool:
    """An enacting verb alone on its line ("DECRETAN:", "DECRETA:")."""
    return bool(formula.match(text.strip())) and len(text.split()) <= 3


def _in_order(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    return tuple(sorted(nodes, key=lambda n: n.line))

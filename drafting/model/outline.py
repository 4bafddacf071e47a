"""Views of a stored document for people and scripts: an indented outline and a stable JSON tree.

The JSON shape is a contract other tools and tests read; add keys, never rename them.
"""

from __future__ import annotations

from typing import Any

from drafting.model.document import Document, Meta, Node

def node_json(node: Node) -> dict[str, Any]:
    data = {
        "kind": node.kind,
        "num": node.num,
        "label": node.label,  # as the source prints it; "" when it printed none
        "heading": node.heading,
        "eid": node.eid,
        "text": node.text,
        "wrap_up": node.wrap_up,
        "status": node.status,
        "guid": node.guid,
        "children": [node_json(child) for child in node.children],
    }
    if node.defines:
        data["defines"] = node.defines  # the term this provision defines
    if node.target:
        data["target"] = node.target  # what a quoted structure inserts or replaces
    if node.kind == "note":
        data["note"] = node.name or "editorial"  # never law: editorial, debris or superseded
    return data


def meta_json(meta: Meta) -> dict[str, Any]:
    return {
        "country": meta.country,
        "type": meta.doc_type,
        "number": meta.number,
        "date": meta.date,
        "language": meta.language,
        "title": meta.title,
        "short_title": meta.short_title,
        "profile": meta.profile,
        "source": meta.source,
        "work": meta.work_uri,
        "expression": meta.expression_uri,
        # the names Laws.Africa-style platforms give the same URIs
        "frbr_uri": meta.work_uri,
        "expression_frbr_uri": meta.expression_uri,
    }


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "meta": meta_json(doc.meta),
        "preface": [node_json(n) for n in doc.preface],
        "preamble": [node_json(n) for n in doc.preamble],
        "body": [node_json(n) for n in doc.body],
        "conclusions": [node_json(n) for n in doc.conclusions],
        "attachments": [node_json(n) for n in doc.attachments],
    }


def outline_lines(doc: Document, max_heading: int = 80) -> list[str]:
    """One line per structural node: indentation, kind, num, heading, eid."""
    lines = [f"{doc.meta.title or '(untitled)'}  [{doc.meta.work_uri}]"]

    def visit(nodes: tuple[Node, ...], depth: int) -> None:
        for node in nodes:
            if node.kind in ("text", "row", "cell", "table", "list"):
                if node.kind == "list":
                    visit(node.children, depth)
                continue
            label = " ".join(p for p in (node.kind, node.num) if p)
            heading = node.heading or (node.text[:max_heading] if node.kind in ("note", "recital", "citation", "formula") else "")
            if len(heading) > max_heading:
                heading = heading[: max_heading - 1] + "…"
            flag = " [repealed]" if node.repealed else ""
            lines.append(f"{'  ' * depth}{label}{' — ' + heading if heading else ''}{flag}  ({node.eid})")
            if node.kind not in ("note",):
                visit(node.children, depth + 1)

    for name, nodes in doc.parts():
        if nodes and name != "body":
            lines.append(f"[{name}]")
        visit(nodes, 1 if name != "body" else 0)
    return lines

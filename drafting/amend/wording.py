"""How a change list names a change: the provision as the law cites it and what happened to it,
in the law's own language — "artículo 5-B — insertado", "section 4A — inserted", "CAPÍTULO II —
modificado". The words are the profile's (`[change]` in profiles/amend/<id>.toml), never code.
"""

from __future__ import annotations

from drafting.amend.changes import Change
from drafting.model.document import Document, Node
from drafting.parse.profiles import Profile


def cite(node: Node, profile: Profile) -> str:
    """A provision as running text cites it: "artículo 5-B", "section 4A"; a division by its label ("CAPÍTULO II")."""
    if node.kind == profile.unit_kind and node.num:
        return f"{profile.data.get('article_word', node.kind)} {node.num}"
    return profile.label(node).strip().rstrip(".-:").strip() or node.kind


def change_word(change: Change, profile: Profile) -> str:
    """What happened, in the law's language ("insertado", "renumbered"); the op itself when the profile is silent."""
    words = profile.section("amend").get("change", {})
    by_kind = words.get(change.node.kind, {}) if isinstance(words.get(change.node.kind), dict) else {}
    return str(by_kind.get(change.op) or words.get(change.op) or change.op)


def describe(change: Change, profile: Profile, old: Document | None = None, new: Document | None = None) -> str:
    """"artículo 5-B — insertado"; a renumbered or moved one: "artículo 6 → artículo 7 — renumerado";
    a part of an article, when the documents are given: "artículo 3, a) — modificado"."""
    places = [_place(n, path, doc, profile) for n, path, doc in
              ((change.old, change.old_path, old), (change.new, change.new_path, new)) if n is not None]
    where = " → ".join(dict.fromkeys(places))
    return f"{where} — {change_word(change, profile)}" if where else change_word(change, profile)


def _place(node: Node, path: tuple[str, ...], document: Document | None, profile: Profile) -> str:
    here = cite(node, profile)
    if node.kind == profile.unit_kind or document is None:
        return here
    for eid in reversed(path):  # the article (section) the provision belongs to
        ancestor = document.find(eid)
        if ancestor is not None and ancestor.kind == profile.unit_kind and ancestor.num:
            return f"{cite(ancestor, profile)}, {here}" if node.num else cite(ancestor, profile)
    return here

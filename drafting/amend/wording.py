"""How a change list names a change: the provision as the law cites it and what happened to it,
in the law's own language — "artículo 5-B — insertado", "section 4A — inserted", "CAPÍTULO II —
modificado". The words are the profile's (`[change]` in profiles/amend/<id>.toml), never code.
"""

from __future__ import annotations

from drafting.amend.changes import Change
from drafting.amend.citation import Citer
from drafting.model.document import Document, Node
from drafting.parse.profiles import Profile


def cite(node: Node, profile: Profile, path: tuple[str, ...] = (), citer: Citer | None = None) -> str:
    """A provision as running text cites it: "artículo 5-B", "section 4A", "Primera Disposición
    Complementaria Final" (with the documents in `citer`); a division by its label ("CAPÍTULO II")."""
    if node.kind == profile.unit_kind and node.num:
        return (citer or Citer(profile)).ref(node, path).name
    return profile.label(node).strip().rstrip(".-:").strip() or node.kind


def change_word(change: Change, profile: Profile) -> str:
    """What happened, in the law's language ("insertado", "renumbered"); the op itself when the profile is silent."""
    words = profile.section("amend").get("change", {})
    by_kind = words.get(change.node.kind, {}) if isinstance(words.get(change.node.kind), dict) else {}
    return str(by_kind.get(change.op) or words.get(change.op) or change.op)


def describe(change: Change, profile: Profile, old: Document | None = None, new: Document | None = None) -> str:
    """"artículo 5-B — insertado"; a renumbered or moved one: "artículo 6 → artículo 7 — renumerado";
    a part of an article, when the documents are given: "artículo 3, a) — modificado"."""
    citer = Citer(profile, (old, new))
    places = [_place(n, path, doc, profile, citer) for n, path, doc in
              ((change.old, change.old_path, old), (change.new, change.new_path, new)) if n is not None]
    where = " → ".join(dict.fromkeys(places))
    return f"{where} — {change_word(change, profile)}" if where else change_word(change, profile)


def _place(node: Node, path: tuple[str, ...], document: Document | None, profile: Profile, citer: Citer) -> str:
    here = cite(node, profile, path, citer)
    if node.kind == profile.unit_kind or document is None:
        return here
    for k in range(len(path) - 1, -1, -1):  # the article (section) the provision belongs to
        ancestor = document.find(path[k])
        if ancestor is not None and ancestor.kind == profile.unit_kind and ancestor.num:
            where = cite(ancestor, profile, path[:k], citer)
            return f"{where}, {here}" if node.num else where
    return here

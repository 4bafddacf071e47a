"""Load-time checks of clause templates, so that rendering can trust what it finds.

Templates are untrusted: beyond the sandbox they may not include/import/extend (every variable
and ref must be visible here), may not loop, and may not name `_`-attributes. Every ref() must
cite a clause the template's clause requires, and every variable must be one of its parameters.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Collection, Mapping

from jinja2 import nodes
from jinja2.exceptions import TemplateAssertionError, TemplateSyntaxError
from jinja2.meta import find_undeclared_variables

from drafting.library.model import Clause, display, suggest
from drafting.library.params import LibraryError
from drafting.library.render import Sandbox


def check_templates(env: Sandbox, clauses: Mapping[str, Clause], declared: Collection[str],
                    ) -> tuple[dict[str, Clause], dict[tuple[str, str], frozenset[str]]]:
    """The clauses with their `refs` filled in, and the variables each (clause, language) uses.

    `declared` is every parameter name the library declares (for a more helpful hint).
    """
    variables: dict[tuple[str, str], frozenset[str]] = {}
    checked: dict[str, Clause] = {}
    for clause in clauses.values():
        refs: list[str] = []
        for lang, path in clause.templates.items():
            names, lang_refs = _check_template(env, clause, path, clauses, declared)
            variables[(clause.id, lang)] = names
            refs += [r for r in lang_refs if r not in refs]
        checked[clause.id] = replace(clause, refs=tuple(refs))
    return checked, variables


def _check_template(env: Sandbox, clause: Clause, path: Path, clauses: Mapping[str, Clause],
                    declared: Collection[str]) -> tuple[frozenset[str], list[str]]:
    where = display(path)
    try:
        source = path.read_text(encoding="utf-8")
        ast = env.parse(source, name=path.name, filename=str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(f"clause {clause.id}: cannot read template: {exc}", where) from None
    except TemplateSyntaxError as exc:
        raise LibraryError(f"clause {clause.id}: template syntax error: {exc.message}", where, exc.lineno) from None
    for node in ast.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        raise LibraryError(f"clause {clause.id}: templates may not include, import or extend other templates", where, node.lineno)
    for node in ast.find_all(nodes.For):
        raise LibraryError(f"clause {clause.id}: templates may not loop ({{% for %}})", where, node.lineno)
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(attr, str) and attr.startswith("_"):
            raise LibraryError(f"clause {clause.id}: access to {attr!r} is not allowed in a template", where, node.lineno)
    refs: list[str] = []
    for call in ast.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "ref"):
            continue
        arg = call.args[0] if len(call.args) == 1 and not call.kwargs else None
        if not (isinstance(arg, nodes.Const) and isinstance(arg.value, str)):
            raise LibraryError(f"clause {clause.id}: ref() takes one clause id in quotes", where, call.lineno)
        target = arg.value
        if target not in clauses:
            raise LibraryError(f"clause {clause.id}: ref to unknown clause {target!r}{suggest(target, clauses)}", where, call.lineno)
        if target not in clause.requires:
            raise LibraryError(f"clause {clause.id}: refers to {target!r}, which must also be listed in its requires", where, call.lineno)
        refs.append(target)
    try:
        used = find_undeclared_variables(ast) - {"ref"} - set(env.globals)
    except TemplateAssertionError as exc:  # an unknown filter or test is found when the AST is compiled
        raise LibraryError(f"clause {clause.id}: {exc.message}", where, exc.lineno) from None
    for name in sorted(used):
        if name not in clause.parameters:
            line = next((n.lineno for n in ast.find_all(nodes.Name) if n.name == name), None)
            hint = "declare it in [parameters] and list it" if name not in declared else "list it"
            raise LibraryError(f"clause {clause.id}: template uses {name!r}, which is not a parameter of this clause ({hint} in the clause's parameters)", where, line)
    return frozenset(used), refs

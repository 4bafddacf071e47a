"""Word-level differences between two short texts (one provision against its counterpart).

diff-match-patch works on characters; we give it words instead by mapping every distinct token
(a word, a run of whitespace, one punctuation mark) to one private character — the
`linesToChars` trick applied to words — so its semantic cleanup works at word granularity. The
alignment itself is the minimal insert/delete diff of those strings (the one diff_main's bisection
finds), taken from rapidfuzz's Indel opcodes: the same result, in C, which keeps dissimilar
provisions from costing milliseconds each. A last pass joins changes separated only by
punctuation or a single space, so "thirty (30)" → "sixty (60)" reads as one deletion and one
insertion, not four edits.

Ops are -1 (only in `a`), 0 (in both), 1 (only in `b`). With default options the ops rebuild both
texts exactly: `a` = ops 0 and -1 joined, `b` = ops 0 and 1 joined. With an `ignore_*` option,
tokens that compare equal under it are reported once, as written in `b`, and ignored tokens of `a`
are left out, so only `b` can be rebuilt.
"""

from __future__ import annotations

import re
import unicodedata

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

Diff = tuple[tuple[int, str], ...]

# A word (letters, digits, and inner apostrophes / ordinal marks), a whitespace run, or one other char.
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*[°º]?|\s+|.", re.DOTALL)
NUMERAL = re.compile(r"^(?:\d+[^\W_]*[°º]?|[IVXLCDM]+)$")
_SURROGATES = range(0xD800, 0xE000)
_DMP = diff_match_patch()


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def word_diff(a: str, b: str, *, ignore_case: bool = False, ignore_punctuation: bool = False,
              ignore_numbering: bool = False) -> Diff:
    """The word diff of `a` → `b` as ((op, text), …), adjacent ops merged, deletions before insertions."""
    if a == b:
        return ((0, b),) if b else ()
    ta, tb = tokens(a), tokens(b)
    options = (ignore_case, ignore_punctuation, ignore_numbering)
    ka = [_key(t, *options) for t in ta]
    kb = [_key(t, *options) for t in tb]
    if any(options):
        return _diff_ignoring(ta, tb, ka, kb)
    # A change in spacing alone is shown space by space; semantic cleanup would swallow the words between.
    spacing_only = a.split() == b.split()
    return _finish(_token_diff(ta, tb, ka, kb, semantic=not spacing_only))


def old_text(diff: Diff) -> str:
    return "".join(text for op, text in diff if op <= 0)


def new_text(diff: Diff) -> str:
    return "".join(text for op, text in diff if op >= 0)


# ---------------------------------------------------------------- internals

def _key(token: str, ignore_case: bool, ignore_punctuation: bool, ignore_numbering: bool) -> str:
    """What a token is compared as; "" means the token is ignored altogether."""
    if ignore_punctuation and not token.isspace() and all(unicodedata.category(c)[0] in "PS" for c in token):
        return ""
    if ignore_numbering and NUMERAL.match(token):
        return "\x00#"
    if token.isspace():
        return " " if ignore_punctuation else token  # ignoring punctuation also means 'a , b' ≈ 'a, b'
    return token.casefold() if ignore_case else token


def _token_diff(ta: list[str], tb: list[str], ka: list[str], kb: list[str], semantic: bool = True) -> list[tuple[int, list[str]]]:
    """Diff token lists; returns (op, tokens) groups, tokens as written (equal ones from `b`)."""
    table: dict[str, str] = {}

    def encode(keys: list[str]) -> str:
        out = []
        for key in keys:
            ch = table.get(key)
            if ch is None:
                code = len(table) + 1
                if code >= _SURROGATES.start:
                    code += len(_SURROGATES)
                ch = table[key] = chr(code)
            out.append(ch)
        return "".join(out)

    ca, cb = encode(ka), encode(kb)
    # The minimal insert/delete alignment of the token strings (what diff_main's bisection finds),
    # computed in C by rapidfuzz; diff-match-patch then cleans it up semantically.
    diffs: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(ca, cb):
        if tag == "equal":
            diffs.append((0, ca[i1:i2]))
        else:
            if i2 > i1:
                diffs.append((-1, ca[i1:i2]))
            if j2 > j1:
                diffs.append((1, cb[j1:j2]))
    if semantic:
        _DMP.diff_cleanupSemantic(diffs)
    groups: list[tuple[int, list[str]]] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            groups.append((0, tb[ib:ib + n]))
            ia += n
            ib += n
        elif op < 0:
            groups.append((-1, ta[ia:ia + n]))
            ia += n
        else:
            groups.append((1, tb[ib:ib + n]))
            ib += n
    return _join_across_punctuation(groups) if semantic else groups


def _is_glue(tokens_: list[str]) -> bool:
    """Equal text that should not split a change: punctuation and single spaces, at most 3 tokens."""
    return 0 < len(tokens_) <= 3 and all(t == " " or not (t.isspace() or any(c.isalnum() for c in t)) for t in tokens_)


def _join_across_punctuation(groups: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    # Collapse into alternating [change-block, equal, change-block, …] where a change block is (dels, ins).
    blocks: list[tuple[str, list[str], list[str]]] = []  # ("eq", toks, []) or ("chg", dels, ins)
    for op, toks in groups:
        if not toks:
            continue
        if op == 0:
            blocks.append(("eq", list(toks), []))
        elif blocks and blocks[-1][0] == "chg":
            (blocks[-1][1] if op < 0 else blocks[-1][2]).extend(toks)
        else:
            blocks.append(("chg", list(toks) if op < 0 else [], list(toks) if op > 0 else []))
    merged: list[tuple[str, list[str], list[str]]] = []
    i = 0
    while i < len(blocks):
        kind, x, y = blocks[i]
        if (kind == "eq" and merged and merged[-1][0] == "chg" and i + 1 < len(blocks)
                and blocks[i + 1][0] == "chg" and _is_glue(x)):
            _, dels, ins = merged[-1]
            _, ndels, nins = blocks[i + 1]
            merged[-1] = ("chg", dels + x + ndels, ins + x + nins)
            i += 2
            continue
        merged.append((kind, x, y))
        i += 1
    out: list[tuple[int, list[str]]] = []
    for kind, x, y in merged:
        if kind == "eq":
            out.append((0, x))
        else:
            if x:
                out.append((-1, x))
            if y:
                out.append((1, y))
    return out


def _diff_ignoring(ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> Diff:
    """Diff only the tokens that count; ignored tokens of `b` come back as equal text in place."""
    keep_a, keep_b = _counted(ka), _counted(kb)
    groups = _token_diff([ta[i] for i in keep_a], [tb[j] for j in keep_b], [ka[i] for i in keep_a], [kb[j] for j in keep_b])
    # Re-thread b's ignored tokens: walk the groups, emitting b tokens in b order.
    out: list[tuple[int, list[str]]] = []
    jb = 0  # position in tb

    def flush_ignored_until(limit: int) -> None:
        nonlocal jb
        while jb < limit:
            out.append((0, [tb[jb]]))
            jb += 1

    kept_b_iter = iter(keep_b)
    for op, toks in groups:
        if op < 0:
            out.append((-1, toks))
            continue
        for tok in toks:
            j = next(kept_b_iter)
            flush_ignored_until(j)
            out.append((op, [tok]))
            jb = j + 1
    flush_ignored_until(len(tb))
    return _finish(out)


def _counted(keys: list[str]) -> list[int]:
    """Indexes of the tokens that count: not ignored, and no space right after a counted space.

    Dropping punctuation can leave two spaces side by side ("a , b"); they count as one.
    """
    out: list[int] = []
    for i, key in enumerate(keys):
        if key and not (key == " " and out and keys[out[-1]] == " "):
            out.append(i)
    return out


def _finish(groups: list[tuple[int, list[str]]]) -> Diff:
    """Merge adjacent groups of the same op; inside each change region, deletion before insertion."""
    out: list[tuple[int, str]] = []
    dels: list[str] = []
    ins: list[str] = []

    def flush() -> None:
        if dels:
            out.append((-1, "".join(dels)))
        if ins:
            out.append((1, "".join(ins)))
        dels.clear()
        ins.clear()

    for op, toks in groups:
        if op < 0:
            dels.extend(toks)
        elif op > 0:
            ins.extend(toks)
        elif toks:
            flush()
            text = "".join(toks)
            if out and out[-1][0] == 0:
                out[-1] = (0, out[-1][1] + text)
            else:
                out.append((0, text))
    flush()
    return tuple((op, text) for op, text in out if text)

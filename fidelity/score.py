"""Scores of one gold file and of the whole corpus (see the package docstring).

Import: article-number precision/recall/F1 (a multiset match of our units' numbers against the gold
`_meta.articles`) and the share of the law's words that ended inside its provisions.
Review: agreement of our verdicts with the gold on the scored criteria of the 2006 edition (`core`)
and on all 18 (`full`), `uncertain` gold verdicts skipped; and for every gold verdict that cites
evidence and that we did not call missing, whether our evidence names one of its articles. The
baseline that answers "missing" everywhere is scored beside it.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from drafting.errors import DraftingError

ROOT = Path(__file__).resolve().parents[1]
CORE = ("specific", "definition", "computer", "possession", "isp-report")
MISSING = "missing"


def corpus_folder() -> Path:
    return Path(os.environ.get("DRAFTING_CORPUS", ROOT.parent / "shared" / "corpus"))


def gold_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or corpus_folder()).glob("*/*.gold.json"))


def statute_for(gold: Path) -> Path:
    stem = gold.name.removesuffix(".gold.json")
    found = [p for p in gold.parent.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".gold.json")]
    if len(found) != 1:
        raise FileNotFoundError(f"{gold}: expected one statute file beside it, found {len(found)}")
    return found[0]


_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")


def article_key(text: str) -> str:
    """A number as the gold writes it: no decoration, one kind of dash, case-folded."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    text = re.sub(r"^(?:art[íi]culo|art\.|section|sec\.|§+|s\.)\s*", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"[°º]|\.[ºª°]|\b(?:ro|do|to|mo|vo|no|er)\b(?=[.\s-]|$)", "", text)
    text = " ".join(text.split()).strip(" .:-–—")
    return text.casefold()


@dataclass
class FileScore:
    name: str
    language: str
    gold_articles: int = 0
    found_articles: int = 0
    matched: int = 0
    placed: float = 0.0  # share of law words inside provisions
    error: str = ""
    verdicts: dict[str, tuple[str, str]] = field(default_factory=dict)  # criterion → (gold, ours)
    evidence: dict[str, bool] = field(default_factory=dict)  # criterion → our evidence hits a gold article

    @property
    def precision(self) -> float:
        return self.matched / self.found_articles if self.found_articles else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_articles if self.gold_articles else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def agreement(self, criteria: tuple[str, ...] | None = None, baseline: bool = False) -> tuple[int, int]:
        hits = total = 0
        for cid, (gold, ours) in self.verdicts.items():
            if gold == "uncertain" or (criteria and cid not in criteria):
                continue
            total += 1
            hits += gold == (MISSING if baseline else ours)
        return hits, total


def unit_keys(node) -> set[str]:
    keys = {article_key(node.num)} if node.num else set()
    label = getattr(node, "label", "")
    if label:
        keys.add(article_key(label))
    return keys


def match_articles(gold: list[str], units) -> int:
    """Multiset match in document order: each gold number takes the first unused unit that bears it."""
    pool = [unit_keys(u) for u in units]
    used = [False] * len(pool)
    matched = 0
    for number in gold:
        key = article_key(number)
        for i, keys in enumerate(pool):
            if not used[i] and key in keys:
                used[i] = True
                matched += 1
                break
    return matched


def score_file(gold_path: Path, *, review: bool = True) -> FileScore:
    from drafting.importers.document import import_document

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    meta = gold.get("_meta", {})
    name = str(gold_path.relative_to(gold_path.parents[1])).removesuffix(".gold.json")
    score = FileScore(name=name, language=meta.get("language", ""), gold_articles=len(meta.get("articles", [])))
    try:
        result = import_document(statute_for(gold_path))
    except (DraftingError, FileNotFoundError) as exc:
        score.error = str(exc).splitlines()[0]
        # a statute we cannot read gets no verdict at all: every gold verdict counts against us
        score.verdicts = {cid: (v["verdict"], "error") for cid, v in gold.items()
                          if isinstance(v, dict) and "verdict" in v}
        return score
    doc = result.document
    units = doc.units()
    score.found_articles = len(units)
    score.matched = match_articles(list(meta.get("articles", [])), units)
    score.placed = getattr(result.report, "law_share", result.report.structured_share)
    if review:
        _score_review(score, gold, doc)
    return score


def _score_review(score: FileScore, gold: dict, doc) -> None:
    from drafting.library.library import load_library
    from drafting.review.verdicts import review

    result = review(doc, load_library(), criteria="full")
    units = doc.units()

    def unit_of(eid: str) -> set[str]:
        owners = [u for u in units if eid == u.eid or eid.startswith(u.eid + "__")]
        return set().union(*(unit_keys(u) for u in owners)) if owners else set()

    for verdict in result.verdicts:
        expected = gold.get(verdict.criterion)
        if not isinstance(expected, dict):
            continue
        score.verdicts[verdict.criterion] = (expected["verdict"], verdict.status)
        wanted = {article_key(a) for a in expected.get("evidence", [])}
        if wanted and expected["verdict"] in ("met", "partial") and verdict.status != MISSING:
            cited = set().union(*(unit_of(e.eid) for e in verdict.evidence)) if verdict.evidence else set()
            score.evidence[verdict.criterion] = bool(cited & wanted)


@dataclass
class Summary:
    files: list[FileScore]

    def pooled_f1(self) -> float:
        matched = sum(f.matched for f in self.files)
        found = sum(f.found_articles for f in self.files)
        gold = sum(f.gold_articles for f in self.files)
        p = matched / found if found else 0.0
        r = matched / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def agreement(self, criteria=None, language: str | None = None, baseline: bool = False) -> float:
        hits = total = 0
        for f in self.files:
            if language and f.language != language:
                continue
            h, t = f.agreement(criteria, baseline)
            hits, total = hits + h, total + t
        return hits / total if total else 0.0

    def evidence_rate(self, language: str | None = None) -> float:
        values = [hit for f in self.files if not language or f.language == language for hit in f.evidence.values()]
        return sum(values) / len(values) if values else 0.0

    def languages(self) -> list[str]:
        return sorted({f.language for f in self.files})


def score_corpus(folder: Path | None = None, *, review: bool = True) -> Summary:
    return Summary([score_file(g, review=review) for g in gold_files(folder)])


def table(summary: Summary) -> list[str]:
    out = [f"{'file':<40} {'gold':>5} {'found':>5} {'F1':>6} {'placed':>7} {'core':>6} {'full':>6} {'evid':>6}  problem"]
    for f in summary.files:
        core_h, core_t = f.agreement(CORE)
        full_h, full_t = f.agreement()
        ev = f"{sum(f.evidence.values())}/{len(f.evidence)}" if f.evidence else "-"
        out.append(f"{f.name:<40} {f.gold_articles:>5} {f.found_articles:>5} {f.f1:>6.3f} {f.placed:>7.1%} "
                   f"{core_h:>3}/{core_t:<2} {full_h:>3}/{full_t:<2} {ev:>6}  {f.error}")
    out.append("")
    out.append(f"pooled article F1: {summary.pooled_f1():.3f}   lowest file F1: {min(f.f1 for f in summary.files):.3f}"
               f"   lowest placed share: {min(f.placed for f in summary.files):.1%}")
    base_core = summary.agreement(CORE, baseline=True)
    base_full = summary.agreement(baseline=True)
    out.append(f"review agreement core: {summary.agreement(CORE):.3f} (all-missing baseline {base_core:.3f})   "
               f"full: {summary.agreement():.3f} (baseline {base_full:.3f})   evidence: {summary.evidence_rate():.3f}")
    for lang in summary.languages():
        out.append(f"  {lang}: core {summary.agreement(CORE, lang):.3f} (baseline {summary.agreement(CORE, lang, True):.3f})"
                   f"   full {summary.agreement(None, lang):.3f} (baseline {summary.agreement(None, lang, True):.3f})"
                   f"   evidence {summary.evidence_rate(lang):.3f}")
    return out

"""`make fidelity` with floors: the import (and, with issue 13, the review) scored on every gold file
of ../shared/corpus. A file that falls below a floor fails with its scores in the message."""

from __future__ import annotations

import pytest

from fidelity.score import CORE as CORE_CRITERIA
from fidelity.score import gold_files, score_corpus, table

from .corpus import CORPUS, corpus_file

ARTICLE_F1 = 0.98  # every file
PLACED = 0.95  # share of each file's law text inside its provisions
CORE, FULL, EVIDENCE, LANGUAGE = 0.9, 0.9, 0.85, 0.85  # review: pooled agreement, evidence, each language


@pytest.fixture(scope="module")
def import_scores():
    corpus_file("README.md")  # skips (or fails in CI) when ../shared/corpus is absent
    return score_corpus(CORPUS, review=False)


def test_every_gold_file_is_scored(import_scores):
    assert len(import_scores.files) == len(gold_files(CORPUS)) >= 12


def test_article_numbers_match_the_gold_in_every_file(import_scores):
    low = [f"{f.name}: F1 {f.f1:.3f} {f.error}" for f in import_scores.files if f.f1 < ARTICLE_F1]
    assert not low, "\n".join(low + [""] + table(import_scores))


def test_the_law_text_lands_in_provisions_in_every_file(import_scores):
    low = [f"{f.name}: {f.placed:.1%}" for f in import_scores.files if f.placed < PLACED]
    assert not low, "\n".join(low)


@pytest.fixture(scope="module")
def review_scores():
    corpus_file("README.md")
    return score_corpus(CORPUS, review=True)


def test_the_review_agrees_with_the_lawyer(review_scores):
    report = "\n".join(table(review_scores))
    assert review_scores.agreement(CORE_CRITERIA) >= CORE, report
    assert review_scores.agreement() >= FULL, report
    assert review_scores.evidence_rate() >= EVIDENCE, report
    for language in review_scores.languages():
        assert review_scores.agreement(CORE_CRITERIA, language) >= LANGUAGE, (language, report)
        assert review_scores.agreement(None, language) >= LANGUAGE, (language, report)


def test_the_review_beats_answering_missing_everywhere(review_scores):
    assert review_scores.agreement(CORE_CRITERIA) > review_scores.agreement(CORE_CRITERIA, baseline=True)
    assert review_scores.agreement() > review_scores.agreement(baseline=True)

"""A statute against the model law: alignment, word diffs and the criteria review.

Takes a Document and the clause library; gives the clause-by-clause `Comparison` (`compare`) and
the `Review` (`verdicts`): each criterion met, partial or missing, with evidence and a reason.
"""

from __future__ import annotations

from drafting.review.align import Alignment
from drafting.review.compare import Comparison
from drafting.review.verdicts import Evidence, Review, Verdict, review
from drafting.review.worddiff import word_diff

__all__ = ["Alignment", "Comparison", "Evidence", "Review", "Verdict", "review", "word_diff"]

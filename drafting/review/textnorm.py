"""Text normalisation for matching: folded, label-free, stop-word-free, stemmed terms.

Only matching uses these terms; quotes and diffs always show the original text. The language
data (stop words, the Snowball stemmer's language, synonyms) lives in the review profile (`drafting/parse/profiles/review/<id>.toml`, table `[normalize]`), so a new
language is new data.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer

from drafting.errors import DraftingError
from drafting.parse.profiles import Profile

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Roman numerals up to 39: labels such as "Párrafo II" or "(iv)"; strict so "civil" or "mix" survive.
ROMAN = re.compile(r"(?:x{0,3})(?:ix|iv|v?i{0,3})\Z")


class _FoldTable(dict):
    """str.translate table built lazily: each non-ASCII character maps to ONE character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn")
        value = self[code] = base[:1] if base else ch
        return value


_FOLD = _FoldTable()


def strip_accents(text: str) -> str:
    """Accents removed, case kept, SAME LENGTH as `text` (so match offsets map back to the original)."""
    return text if text.isascii() else text.translate(_FOLD)


def fold(text: str) -> str:
    """Lower case, accents removed, same length as `text`."""
    return strip_accents(text).lower()


def collapse(text: str) -> str:
    """Whitespace runs as one space, trimmed."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Normalizer:
    """The matching vocabulary of one language: which words to drop and how to stem the rest."""

    stopwords: frozenset[str]
    snowball: str = ""  # Snowball algorithm ("spanish", "english"), see Stemmer.algorithms(); "" = no stemming
    boilerplate: frozenset[str] = frozenset()  # stemmed terms that weigh little (penalty words)
    synonyms: tuple[tuple[str, str], ...] = ()  # folded phrase → the model law's wording
    _phrases: re.Pattern[str] | None = None
    _terms: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)  # word → term (None: dropped)
    _stemmer: Stemmer.Stemmer | None = field(default=None, compare=False, repr=False)

    def stem(self, word: str) -> str:
        # Snowball merges inflections (posee/poseer, possesses/possession); measured on the corpus it
        # aligns more model clauses with the articles a lawyer cites than a suffix list of our own.
        return self._stemmer.stemWord(word) if self._stemmer is not None else word

    def tokens(self, text: str) -> tuple[str, ...]:
        """The normalised terms of `text`, in order (duplicates kept)."""
        folded = fold(text)
        if self._phrases is not None:
            table = dict(self.synonyms)
            folded = self._phrases.sub(lambda m: table[m.group(0)], folded)
        out = []
        for word in WORD.findall(folded):
            term = self._term(word)
            if term is not None:
                out.append(term)
        return tuple(out)

    def _term(self, word: str) -> str | None:
        """The term of one folded word (None: a word matching ignores)."""
        terms = self._terms
        term = terms.get(word, "")
        if term == "":
            if len(word) < 2 or word in self.stopwords or ROMAN.match(word):
                term = None  # numbering labels (a, ii, 5) and grammar words carry no meaning for matching
            else:
                term = self.stem(word)
            if len(terms) < 200_000:
                terms[word] = term
        return term

    def words_for(self, terms: tuple[str, ...], text: str) -> tuple[str, ...]:
        """The words of `text` behind `terms`, as a reader knows them ("garantiz" → "garantizar").

        Terms are stems, fit for matching and unfit for a lawyer's eyes: each is shown as the first
        word of the text that gives it (lower case unless written as an acronym). A term no word
        of the text gives — one a synonym brought in — is left out.
        """
        wanted = set(terms)
        found: dict[str, str] = {}
        for match in WORD.finditer(text):
            word = match.group(0)
            term = self._term(fold(word))
            if term in wanted and term not in found:
                found[term] = word if word.isupper() and len(word) > 1 else word.lower()
        return tuple(dict.fromkeys(found[t] for t in terms if t in found))

    def joined(self, text: str) -> str:
        """The terms as one string, for rapidfuzz scorers."""
        return " ".join(self.tokens(text))


@lru_cache(maxsize=None)
def _normalizer(profile_id: str, stopwords: tuple[str, ...], snowball: str, boilerplate: tuple[str, ...],
                synonyms: tuple[tuple[str, str], ...]) -> Normalizer:
    folded = frozenset(fold(w) for w in stopwords)
    if snowball and snowball not in Stemmer.algorithms():
        raise DraftingError(f"review profile {profile_id}: no Snowball stemmer {snowball!r}; "
                         f"known: {', '.join(Stemmer.algorithms())}")
    stemmer = Stemmer.Stemmer(snowball) if snowball else None
    plain = Normalizer(folded, snowball, _stemmer=stemmer)
    pairs = tuple((collapse(fold(a)), collapse(fold(b))) for a, b in synonyms)
    # longest phrase first, whole words only
    rx = re.compile("|".join(rf"(?<!\w){re.escape(a)}(?!\w)" for a, _ in sorted(pairs, key=lambda p: -len(p[0])))) if pairs else None
    return Normalizer(folded, snowball, frozenset(t for w in boilerplate for t in plain.tokens(w)),
                      pairs, rx, _stemmer=stemmer)


def normalizer(profile: Profile) -> Normalizer:
    """The normaliser of a profile (its `[review.normalize]` data; empty data means no stemming)."""
    data = profile.section("review").get("normalize", {})
    return _normalizer(profile.id, tuple(data.get("stopwords", ())), str(data.get("snowball", "")),
                       tuple(data.get("boilerplate", ())), tuple(sorted(data.get("synonyms", {}).items())))


def normalize(text: str, profile: Profile) -> tuple[str, ...]:
    """Shorthand: the normalised terms of `text` under `profile`."""
    return normalizer(profile).tokens(text)

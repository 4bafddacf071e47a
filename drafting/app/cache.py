"""Cached library calls, keyed by content hash, so a rerun never re-imports or re-reviews.

Everything the library returns is immutable, so results are kept with `st.cache_resource`
(shared, not copied — a 2,000-article tree is not pickled on every rerun). Large inputs are
passed as `_data` (not hashed by Streamlit) next to their sha256, which is the real key.
Exceptions are not cached: a DraftingError reaches the page each time, to be shown as a message.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from drafting import akn
from drafting.importers.document import ImportResult, import_document
from drafting.library.library import Library, load_library
from drafting.model.document import Document

MAX_ENTRIES = 32


def digest(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@st.cache_resource(show_spinner=False)
def library() -> Library:
    """The bundled model-law library (raises LibraryError while it is broken)."""
    return load_library()


@st.cache_resource(show_spinner="Importing…", max_entries=MAX_ENTRIES)
def _import(sha: str, name: str, _data: bytes, language: str | None, profile: str | None, country: str | None,
            number: str | None, date: str | None, title: str | None) -> ImportResult:
    return import_document(name, data=_data, language=language, profile=profile, country=country,
                           number=number, date=date, title=title)


def import_file(name: str, data: bytes, *, language: str | None = None, profile: str | None = None,
                country: str | None = None, number: str | None = None, date: str | None = None,
                title: str | None = None) -> ImportResult:
    return _import(digest(data), name, data, language, profile, country, number, date, title)


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES)
def _document(sha: str, _xml: bytes) -> Document:
    return akn.from_xml(_xml, source="workspace")


def document(xml: str | bytes) -> Document:
    """A stored statute's tree, parsed once per content."""
    raw = xml.encode("utf-8") if isinstance(xml, str) else xml
    return _document(digest(raw), raw)


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES)
def _together(shas: tuple[str, ...], _xmls: tuple[str, ...]) -> str:
    from drafting.review.verdicts import legal_order

    return akn.to_xml(legal_order([document(x) for x in _xmls])).decode("utf-8")


def together(xmls: tuple[str, ...]) -> str:
    """Several stored statutes of one country as one legal order (Akoma Ntoso text), so the review
    and the comparison judge them together and cite each provision with its statute."""
    return _together(tuple(digest(x) for x in xmls), xmls)


@st.cache_resource(show_spinner="Assembling the bill…", max_entries=MAX_ENTRIES)
def _assembly(sha: str, _spec_toml: str):  # -> drafting.assemble.Assembly
    from drafting.bills.assemble import assemble
    from drafting.bills.spec import spec_from_toml

    return assemble(spec_from_toml(_spec_toml, "bill"), library())


def assembly(spec_toml: str):  # -> drafting.assemble.Assembly
    """The bill a (new-bill) spec asks for, assembled once per spec text."""
    return _assembly(digest(spec_toml), spec_toml)


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES)
def _layout(sha: str, _document: Document, profile_id: str):  # -> tuple[Block, ...]
    from drafting.export.layout import layout
    from drafting.parse import profiles

    return layout(_document, profiles.get(profile_id))


def layout(document: Document, profile_id: str, key: str):  # -> tuple[Block, ...]
    """The bill's blocks (as the DOCX lays them out); `key` identifies the document's content."""
    return _layout(key, document, profile_id)


@st.cache_resource(show_spinner="Comparing the versions…", max_entries=MAX_ENTRIES)
def _changes(old_sha: str, new_sha: str, _old: Document, _new: Document):  # -> drafting.amend.ChangeSet
    from drafting.amend.changes import compare

    return compare(_old, _new)


def changes(old_xml: str, new_xml: str):  # -> drafting.amend.ChangeSet
    """The change set between two stored statutes (Akoma Ntoso text), computed once per pair."""
    return _changes(digest(old_xml), digest(new_xml), document(old_xml), document(new_xml))


@st.cache_resource(show_spinner=False, max_entries=MAX_ENTRIES)
def _plan(old_sha: str, new_sha: str, profile_id: str, _old: Document, _new: Document, _changes):  # -> Plan
    from drafting.export.redline_plan import build
    from drafting.parse import profiles

    return build(_old, _new, _changes, profiles.get(profile_id))


def plan(old_xml: str, new_xml: str, profile_id: str):  # -> drafting.export.redline_plan.Plan
    """The redline rows (the same the DOCX and the HTML report are made of)."""
    return _plan(digest(old_xml), digest(new_xml), profile_id, document(old_xml), document(new_xml),
                 changes(old_xml, new_xml))


@st.cache_resource(show_spinner="Reviewing the statute…", max_entries=MAX_ENTRIES)
def _review(sha: str, edition: str, criteria: str, jurisdiction: str | None, _doc: Document):  # -> Review
    from drafting.review.verdicts import review

    return review(_doc, library(), edition=edition, criteria=criteria, jurisdiction=jurisdiction)


def review(xml: str, edition: str, criteria: str, jurisdiction: str | None):  # -> drafting.review.Review
    """The review of a stored statute, computed once per (content, edition, criteria, jurisdiction)."""
    return _review(digest(xml), edition, criteria, jurisdiction, document(xml))


@st.cache_resource(show_spinner="Comparing with the model law…", max_entries=MAX_ENTRIES)
def _comparison(sha: str, jurisdiction: str | None, _doc: Document):  # -> Comparison
    from drafting.review.compare import compare

    return compare(_doc, library(), jurisdiction=jurisdiction)


def comparison(xml: str, jurisdiction: str | None):  # -> drafting.compare.Comparison
    """Every model clause beside the statute provisions it corresponds to, with word diffs."""
    return _comparison(digest(xml), jurisdiction, document(xml))


@st.cache_resource(show_spinner="Drafting the amending bill…", max_entries=MAX_ENTRIES)
def _gap_bill(sha: str, jurisdiction: str, gaps: tuple[str, ...] | None, edition: str, title: str, short_title: str,
              _doc: Document):  # -> Assembly
    from drafting.bills.gapbill import gap_bill

    return gap_bill(_doc, library(), jurisdiction=jurisdiction, gaps=gaps, edition=edition, title=title,
                    short_title=short_title)


def gap_bill(statute_xml: str, jurisdiction: str, gaps: tuple[str, ...] | None, edition: str, title: str = "",
             short_title: str = ""):  # -> drafting.assemble.Assembly
    """The amending bill that fills a stored statute's gaps (None: the gaps its review finds)."""
    return _gap_bill(digest(statute_xml), jurisdiction, gaps, edition, title, short_title, document(statute_xml))

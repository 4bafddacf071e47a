"""The language tag a written document carries (DOCX `w:lang`, HTML `lang`): "es-DO", "en-GB", "es".

A preset may name it (`language_tag` in the document's own fields); otherwise the language and the
country make it, when the country is a real ISO 3166 country — never a user-assigned code such as
the model law's `xm` or a generic preset's `xc`, which would tell a spell-checker a country that
does not exist ("en-XC").
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from drafting.model.document import Meta

# ISO 3166-1 keeps these alpha-2 codes for users: AA, QM–QZ, XA–XZ, ZZ.
_USER_ASSIGNED_FIRST = frozenset("x")


def language_tag(meta: Meta) -> str:
    """The BCP 47 tag of the document's language ("" when the language is unknown)."""
    explicit = meta.get("language_tag").strip()
    if explicit:
        return explicit
    language = meta.language.strip().lower()
    if not language:
        return ""
    country = meta.country.strip().lower()
    return f"{language}-{country.upper()}" if real_country(country) else language


@lru_cache(maxsize=256)
def real_country(code: str) -> bool:
    """Whether `code` is an ISO 3166-1 alpha-2 code of a real country (not a user-assigned one)."""
    code = code.lower()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        return False
    if code[0] in _USER_ASSIGNED_FIRST or code in ("aa", "zz") or ("qm" <= code <= "qz"):
        return False
    return pycountry.countries.get(alpha_2=code.upper()) is not None

"""A statute file in any supported format → a Document and an import report.

One reader per format (`text`, `markdown`, `html`, `docx`, `pdf`) turns bytes into `Source` lines
(`readers` picks one by extension); `import_document` (in `document`) is the one entry point: it
parses the lines with the right profile, or reads Akoma Ntoso.
"""

from __future__ import annotations

from drafting.importers.document import ImportReport, ImportResult, import_document, importable
from drafting.importers.readers import IMPORTABLE, MAX_BYTES, SUPPORTED, read_bytes, read_source

__all__ = ["IMPORTABLE", "ImportReport", "ImportResult", "MAX_BYTES", "SUPPORTED", "import_document", "importable", "read_bytes", "read_source"]

"""A plain text PDF of any number of pages, written directly (no PDF library needed).

Used by the 500-page import benchmark and the page-cap test: large files are made on the spot,
never committed. One Helvetica text stream per page (a standard font: nothing embedded).
"""

from __future__ import annotations


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def statute_pdf(pages: int, articles_per_page: int = 4) -> bytes:
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in at the end)
    font = len(objects) + 1
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    number = 0
    for page in range(pages):
        lines = []
        for _ in range(articles_per_page):
            number += 1
            lines += [f"Articulo {number}. Quien posea material de abuso sexual infantil sera sancionado",
                      "con prision de dos a cinco anos y multa, conforme a lo dispuesto en esta ley.", ""]
        lines.append(f"Pagina {page + 1}")
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"] + [f"({_escape(line)}) '" for line in lines] + ["ET"]
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (font, content))
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for index, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % index + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

"""Review and compare a generated 2,000-article statute against brute-force all-pairs baselines.

Ours: align (inverted index + BM25 top-k, rapidfuzz on the candidates only), the criteria
detectors, and word diffs of the matched pairs only. Caches are cleared before every run of ours,
so clause rendering and pattern matching are paid each time.

Baselines, what a competent programmer would otherwise write:
- rapidfuzz-cdist: every model clause scored against every provision in one vectorised call
  (`rapidfuzz.process.cdist`, token_set_ratio, one worker like ours), then the best provision per
  clause — a fair, fast brute force; timed in full, median of runs.
- naive-difflib: the same with difflib.SequenceMatcher.ratio(), far too slow for all pairs, timed on an
  evenly spread sample of provisions and extrapolated linearly (the printed line says so).
"""

from __future__ import annotations

import difflib
import random
import tempfile
import time
from pathlib import Path

import numpy
from rapidfuzz import fuzz, process

from drafting.importers.document import import_document
from drafting.library.library import load_library
from drafting.model.document import Document
from drafting.parse.profiles import get as get_profile
from drafting.review import align as align_module
from drafting.review import detect, textnorm
from drafting.review import provisions as provisions_module
from drafting.review.align import align
from drafting.review.compare import compare
from drafting.review.provisions import provisions, span_parts
from drafting.review.verdicts import review

from .harness import measure, report

ARTICLES = 2000
SAMPLE = 60  # provisions the baseline is timed on

_SUBJECTS = ["El organismo", "La dirección", "El ministerio", "La comisión", "El consejo", "La superintendencia", "El instituto"]
_VERBS = ["rendirá cuentas de", "publicará", "administrará", "supervisará", "coordinará", "evaluará", "registrará"]
_OBJECTS = ["los fondos asignados", "el presupuesto anual", "los contratos de obra", "el padrón de contribuyentes",
            "los bienes del dominio público", "las licencias de pesca", "los permisos de construcción", "las tasas portuarias"]
_TAILS = ["en el plazo de {n} días", "conforme al reglamento", "bajo la supervisión de la Contraloría",
          "con la periodicidad que fije el Poder Ejecutivo", "de acuerdo con las normas de contabilidad pública"]
_PENALTY = "El funcionario que incumpla esta obligación será sancionado con multa de {a} a {b} salarios mínimos."

# A handful of relevant articles (wording of the fictional ley-45-19 sample), placed among the filler.
_RELEVANT = [
    "Definiciones. Para los fines de la presente ley, se entenderá por:\n"
    "a) Sistema de información: todo dispositivo o conjunto de dispositivos interconectados que procesan datos.\n"
    "b) Pornografía infantil: toda representación, por cualquier medio, de un niño, niña o adolescente dedicado a "
    "actividades sexuales explícitas, reales o simuladas, o de sus partes genitales con fines primordialmente sexuales.\n"
    "c) Niño, niña o adolescente: toda persona menor de dieciocho años de edad.",
    "Pornografía infantil. La producción, difusión, venta y cualquier tipo de comercialización de pornografía infantil, "
    "por medio de un sistema de información, se sancionará con la pena de dos a cuatro años de prisión.\n"
    "Párrafo.- La posesión intencional de pornografía infantil en un sistema de información se sancionará con la pena "
    "de tres meses a un año de prisión.",
    "Solicitud sexual a menores. El que, por medio de un sistema de información, contacte a un niño, niña o adolescente "
    "con el propósito de obtener imágenes de contenido sexual, será sancionado con la pena de dos a cinco años de prisión.",
    "Circunstancias agravantes. Las penas previstas en esta ley se aumentarán en un tercio cuando el autor sea tutor de "
    "la víctima o actúe como parte de un grupo organizado.",
    "Decomiso. En toda sentencia condenatoria el tribunal ordenará el decomiso de los equipos empleados.",
    "Conservación de datos. Los proveedores de servicios estarán obligados a conservar los datos de tráfico por noventa días.",
]


def statute_text(articles: int = ARTICLES, seed: int = 7) -> str:
    rng = random.Random(seed)
    relevant_at = {articles * (k + 1) // (len(_RELEVANT) + 1): text for k, text in enumerate(_RELEVANT)}
    lines = ["LEY No. 99-26 DE ADMINISTRACIÓN PÚBLICA Y OTRAS DISPOSICIONES", "HA DADO LA SIGUIENTE LEY:"]
    for n in range(1, articles + 1):
        if n % 100 == 1:
            lines += [f"CAPÍTULO {n // 100 + 1}", f"DISPOSICIONES DEL ÁMBITO {n // 100 + 1}"]
        if n in relevant_at:
            first, *rest = relevant_at[n].split("\n")
            lines.append(f"Artículo {n}.- {first}")
            lines += rest
            continue
        sentence = (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
                    f"{rng.choice(_TAILS).format(n=rng.randint(10, 90))}.")
        lines.append(f"Artículo {n}.- Disposición {n}. {sentence}")
        if n % 3 == 0:
            lines.append("Párrafo.- " + _PENALTY.format(a=rng.randint(1, 5), b=rng.randint(6, 50)))
        if n % 7 == 0:
            lines += [f"a) {rng.choice(_OBJECTS).capitalize()};", f"b) {rng.choice(_OBJECTS)}."]
    return "\n".join(lines) + "\n"


def large_statute() -> Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ley-99-26.txt"
        path.write_text(statute_text(), encoding="utf-8")
        return import_document(path, country="xs").document


def _cold() -> None:
    """Forget every cache: rendered clauses, compiled detectors, word stems, the provisions list."""
    align_module._RENDERED.clear()
    detect._DETECTORS.clear()
    textnorm._normalizer.cache_clear()
    provisions_module._LAST[0] = None


def main() -> None:
    library = load_library()
    document = large_statute()
    profile = get_profile(document.meta.profile)
    provs = provisions(document, profile)
    units = len(document.units())

    def ours_review() -> object:
        _cold()
        return review(document, library, edition="2016")

    def ours_both() -> object:
        _cold()
        shared = align(document, library)
        return review(document, library, edition="2016", alignment=shared), compare(document, library, alignment=shared)

    result = ours_review()
    assert result.verdict("possession").status == "partial", "the generated statute lost its relevant articles"

    clause_texts = [library.render_text(cid, "es") for cid in library.clauses]
    texts = [" ".join(span_parts(p.node)) for p in provs]
    step = max(1, len(texts) // SAMPLE)
    sample = texts[::step][:SAMPLE]

    def baseline_sample() -> object:
        best = []
        for clause in clause_texts:
            best.append(max(difflib.SequenceMatcher(None, clause, text).ratio() for text in sample))
        return best

    def baseline_cdist() -> object:
        scores = process.cdist(clause_texts, texts, scorer=fuzz.token_set_ratio, workers=1)
        return numpy.argmax(scores, axis=1)

    t_review = measure(ours_review, repeat=5)
    t_both = measure(ours_both, repeat=5)
    t_cdist = measure(baseline_cdist, repeat=5)
    start = time.perf_counter()
    baseline_sample()
    t_sample = time.perf_counter() - start
    t_baseline = t_sample * len(texts) / len(sample)
    label = "naive-difflib"
    note = (f"baseline = {len(clause_texts)} clauses × {len(sample)} of {len(texts)} provisions, "
            f"extrapolated linearly to all {len(texts)} ({t_sample:.2f}s measured)")
    print(f"# {units} articles, {len(provs)} provisions, {len(clause_texts)} model clauses; medians of 5 runs", flush=True)
    report(f"review {units} articles", t_review, t_cdist, label="rapidfuzz-cdist", aim="<1s, at most the brute force")
    report(f"review+compare {units} articles", t_both, t_cdist, label="rapidfuzz-cdist")
    print(f"# {note}", flush=True)
    report(f"review {units} articles", t_review, t_baseline, label=label)
    print("# ratio column is ours ÷ baseline; the cdist baseline only ranks provisions — it judges no criterion", flush=True)


if __name__ == "__main__":
    main()

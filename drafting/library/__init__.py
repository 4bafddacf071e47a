"""The model-law clause library: manifest, criteria, typed parameters, presets, sandboxed rendering.

Takes a library folder (the bundled `templates/model_law/` or a ministry's own); gives a checked
`Library` whose clauses render in a language with a jurisdiction's parameters.
"""

from __future__ import annotations

from drafting.library.library import Library, load_library
from drafting.library.model import Clause, CriteriaSet, Criterion, Jurisdiction, Topic
from drafting.library.params import Fine, LibraryError, Parameter, PrisonTerm

__all__ = ["Clause", "CriteriaSet", "Criterion", "Fine", "Jurisdiction", "Library", "LibraryError", "Parameter", "PrisonTerm", "Topic", "load_library"]

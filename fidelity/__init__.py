"""`make fidelity`: how well import and review do on real statutes with a lawyer's gold file.

Reads every `*.gold.json` of the development corpus (`../shared/corpus`, or `DRAFTING_CORPUS`), imports
the statute beside it and scores the article numbers found and the criteria verdicts against the gold.
"""

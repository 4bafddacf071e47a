"""Exporters: a Document (or comparison, review, change set) written as DOCX, HTML and friends."""

"""Lesen: each form of a document (PDF, Word, HTML, text) into numbered lines with their figures."""

"""Importing existing minutes documents: text extraction, parsing, name resolution, storing."""

"""Minutes out: one document model (`document.py`) rendered as HTML, PDF, DOCX and plain text."""

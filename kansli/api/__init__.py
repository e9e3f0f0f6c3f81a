"""The open-data API (OParl-shaped)."""

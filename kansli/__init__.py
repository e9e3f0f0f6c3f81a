"""Kansli: committee meetings, minutes and decisions."""

"""The public site: what anonymous readers see."""

"""Minutes: their status from draft to published, frozen versions, signatures and rendering."""

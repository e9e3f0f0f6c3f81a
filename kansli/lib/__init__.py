"""Framework-free helpers: Swedish dates and times, text normalisation."""

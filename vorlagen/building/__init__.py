"""Building: cache, worker processes, atomic output, preview."""

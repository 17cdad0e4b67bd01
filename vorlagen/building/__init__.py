"""Building: cache, worker processes, render service, atomic output, preview."""

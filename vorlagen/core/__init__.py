"""Bottom of the pipeline: problem records, money rounding and German formatting."""

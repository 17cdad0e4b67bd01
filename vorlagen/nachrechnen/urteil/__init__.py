"""Urteilen: the verdict on every reading, the judgment over all readings of a figure, and the consequences of
a slip."""

"""Aufbau: the structure of the lines read – rows and their cells, total rows, the readings of a sum, and the
shape of one recognised calculation (a reading)."""

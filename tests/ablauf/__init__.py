"""Tests of whole runs across the stages: builds, the command line end to end, what a whole output holds."""

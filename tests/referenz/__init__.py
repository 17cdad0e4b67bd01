"""The one exact reference of the tests, written from the documented rules (docs/entwicklung/grundsaetze.md,
docs/anleitungen/zahlen.md) apart from the engine: Fractions, half-up rounding, the largest-remainder split, German
printing of its own (rechnen.py), and the example's figures as seed 000 prints them (beispiel.py). It imports nothing
of vorlagen (tests/projekt/test_testbaum.py checks it); a test that needs a rounding or a German figure imports it
from here."""

"""An exact reference for the ledger, written from the documented rules (DESIGN.md, docs/anleitungen/zahlen.md), apart from
the engine: Fractions, half-up rounding, German formatting of its own."""

"""Migrating a data repository: `aktualisieren` brings it to this version, and `vergleichen` reads a revision of an
earlier format as this version would write it (docs/entwicklung/architektur.md, „Umstellen“)."""

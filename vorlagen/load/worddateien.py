"""Whether a body's documents come also as Word files (.docx, for the council information system and the offices),
and whether its publish bundle and OParl endpoint carry them (hausstil: word)."""

from __future__ import annotations

from vorlagen.core.problems import Problem
from vorlagen.load.records import Record, doc, record


@record
class Worddateien(Record):
    dateien: bool = doc(
        "neben jedem PDF einer Vorlage, einer Anlage aus Markdown, einer Niederschrift und eines Auszugs dasselbe "
        "Dokument als Word-Datei (.docx) schreiben; false: keine Word-Dateien",
        default=True,
    )
    veroeffentlichen: bool = doc(
        "die Word-Dateien öffentlicher Vorlagen, ihrer Anlagen und der öffentlichen Niederschrift auch ins "
        "Veröffentlichungspaket und in die OParl-Schnittstelle geben",
        default=False,
    )

    def check(self) -> list[Problem]:
        if self.veroeffentlichen and not self.dateien:
            return [
                Problem(
                    self.where("veroeffentlichen"),
                    "„word: veroeffentlichen: true“ braucht Word-Dateien, aber „word: dateien“ ist false – setzen Sie "
                    "„dateien: true“ oder „veroeffentlichen: false“.",
                )
            ]
        return []

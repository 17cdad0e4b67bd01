"""Each id, Nummer and output name once: a Gremium or an Amt with the id of an earlier one of its kind, a Vorlage with
the Nummer of an earlier one or whose output files would be an earlier one's (also where they differ only in case,
as Windows and macOS hold them)."""

from __future__ import annotations

from vorlagen.core.problems import Problem, Where
from vorlagen.load.facts import Facts
from vorlagen.load.vorlagenordner import VorlageSource


def doppelte_kennungen(facts: Facts) -> list[Problem]:
    """A Gremium or an Amt whose id an earlier one of its kind already has."""
    problems = []
    k = facts.koerperschaft
    for kind, items in (("Gremium", k.gremien), ("Amt", k.aemter)):
        seen = set()
        for item in items:
            if item.id in seen:
                problems.append(
                    Problem(
                        item.where("id"),
                        f"Die Kennung „{item.id}“ ({kind}) steht doppelt – vergeben Sie eindeutige Kennungen.",
                    )
                )
            seen.add(item.id)
    return problems


class Ausgabenamen:
    """The Nummern and output names of the Vorlagen seen so far, to find one that repeats them."""

    def __init__(self) -> None:
        self.nummern: dict[str, Where] = {}
        # output name in lower case (Windows and macOS hold names that differ only in case as one) → who has it
        self.slugs: dict[str, tuple[str, Where, str]] = {}
        self.nummer_of: dict[str, str | None] = {}  # output name → the Nummer of the Vorlage that has it (None: open)

    def pruefen(self, source: VorlageSource) -> list[Problem]:
        """The Vorlage of `source` repeats no earlier Nummer and no earlier output name; then remember both."""
        problems = []
        vorlage = source.vorlage
        slug = source.slug.lower()
        if vorlage.nummer is not None and vorlage.nummer in self.nummern:
            problems.append(
                Problem(
                    vorlage.where("nummer"),
                    f"Die Nummer „{vorlage.nummer}“ hat schon "
                    f"{self.nummern[vorlage.nummer]} – jede Vorlage braucht eine eigene Nummer.",
                )
            )
        elif slug in self.slugs:
            other, where, original = self.slugs[slug]
            windows = (
                " unter Windows, das Groß- und Kleinschreibung nicht unterscheidet," if original != source.slug else ""
            )
            if vorlage.nummer is not None and self.nummer_of[slug] is not None:
                problems.append(
                    Problem(
                        vorlage.where("nummer"),
                        f"Die Nummern „{vorlage.nummer}“ und „{other}“ "
                        f"({where}) ergäben{windows} dieselben Ausgabedateien "
                        f"{source.slug}.pdf – vergeben Sie unterscheidbare "
                        "Nummern.",
                    )
                )
            else:  # one of them still without Nummer: named by its folder
                problems.append(
                    Problem(
                        vorlage.where("nummer"),
                        f"Die Vorlagen „{source.bezeichnung}“ und "
                        f"„{other}“ ({where}) ergäben{windows} dieselben "
                        f"Ausgabedateien {source.slug}.pdf – vergeben Sie "
                        "unterscheidbare Nummern (oder, solange die Nummer "
                        "offen ist, Ordnernamen).",
                    )
                )
        if vorlage.nummer is not None:
            self.nummern.setdefault(vorlage.nummer, vorlage.where("nummer"))
        self.slugs.setdefault(slug, (source.bezeichnung, vorlage.where("nummer"), source.slug))
        self.nummer_of.setdefault(slug, vorlage.nummer)
        return problems

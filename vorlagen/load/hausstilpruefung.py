"""What is wrong with a Hausstil as written: its colour and number pattern, its sections and the Vorlagenarten that
name them, its word lists and the sentences of the Niederschrift (the check of load/hausstil.py)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from vorlagen.core.problems import Problem, Where
from vorlagen.load.kopfzeilen import Kopf
from vorlagen.load.records import Record, defined_at, doppelte, line_of, unknown_word
from vorlagen.load.ueberschriften import Ueberschriften, zu_lange_ueberschriften
from vorlagen.load.vorlagenart import Abschnitt, Vorlagenart, muster_problem, nummer_regex


class _Mitzeichnungsstil(Protocol):
    def unbekannte(self, genannt: list[str], where: Where) -> list[Problem]: ...


class _Stil(Protocol):
    """What the checks read of a Hausstil (load/hausstil.py imports this module, so it cannot name the class, nor
    those of its parts defined there: Beratungsfolge, Finanzen, Mitzeichnung, Rolle)."""

    @property
    def akzentfarbe(self) -> str: ...

    @property
    def nummer(self) -> str | None: ...

    @property
    def dringlichkeitsentscheidung(self) -> str: ...

    @property
    def abschnitte(self) -> Sequence[Abschnitt]: ...

    @property
    def arten(self) -> Mapping[str, Vorlagenart]: ...

    @property
    def kopf(self) -> Kopf: ...

    @property
    def mitzeichnung(self) -> _Mitzeichnungsstil: ...

    @property
    def rollen(self) -> Mapping[str, object]: ...

    @property
    def beratungsergebnisse(self) -> list[str]: ...

    @property
    def niederschrift_saetze(self) -> dict[str, str]: ...

    @property
    def ueberschriften(self) -> Ueberschriften: ...

    @property
    def beratungsfolge(self) -> Record: ...

    @property
    def finanzen(self) -> Record: ...

    def where(self, name: str | None = None) -> Where: ...

    def niederschrift_ergebnisse(self) -> list[str]: ...

    def ergebnis_erlaubt(self, ergebnis: str) -> bool: ...


def hausstil_probleme(stil: _Stil) -> list[Problem]:
    """Every problem of a Hausstil (load/hausstil.py), one check after the other."""
    return [
        *zu_lange_ueberschriften(stil),
        *_akzentfarbe(stil),
        *_nummernmuster(stil),
        *_dringlichkeitsentscheidung(stil),
        *_abschnitte_der_arten(stil),
        *_mitzeichnung_der_arten(stil),
        *_wortlisten(stil),
        *_niederschrift_saetze(stil),
    ]


def _akzentfarbe(stil: _Stil) -> list[Problem]:
    """The accent colour is written #rrggbb."""
    if re.fullmatch(r"#[0-9a-fA-F]{6}", stil.akzentfarbe):
        return []
    return [
        Problem(
            stil.where("akzentfarbe"),
            f"„{stil.akzentfarbe}“ ist keine Farbe – schreiben Sie sie als "
            '#rrggbb in Anführungszeichen, z. B. "#1f4e79".',
        )
    ]


def _nummernmuster(stil: _Stil) -> list[Problem]:
    """The pattern of the Vorlagennummer reads one way and has a placeholder."""
    mehrdeutig = muster_problem(stil.nummer) if stil.nummer is not None else None
    if mehrdeutig is not None:
        return [Problem(stil.where("nummer"), mehrdeutig)]
    if stil.nummer is not None and not nummer_regex(stil.nummer):
        return [
            Problem(
                stil.where("nummer"),
                f"Das Muster „{stil.nummer}“ enthält keinen Platzhalter – schreiben Sie es mit JJJJ "
                "(Jahr), N oder NNNN (Zahl) und R (römische Zahl), z. B. JJJJ/NNNN.",
            )
        ]
    return []


def _dringlichkeitsentscheidung(stil: _Stil) -> list[Problem]:
    """The body's word for a Dringlichkeitsentscheidung is not empty."""
    if stil.dringlichkeitsentscheidung.strip():
        return []
    return [
        Problem(
            stil.where("dringlichkeitsentscheidung"),
            "„dringlichkeitsentscheidung“ ist leer – schreiben Sie das Wort der "
            "Körperschaft, z. B. Eilentscheidung, oder lassen Sie die Zeile weg.",
        )
    ]


def _abschnitte_der_arten(stil: _Stil) -> list[Problem]:
    """Each section has its own id, and each Vorlagenart names known sections and known header fields."""
    problems = []
    ids = [a.id for a in stil.abschnitte]
    for doppelt in doppelte(ids):
        problems.append(
            Problem(
                stil.where("abschnitte"),
                f"Der Abschnitt „{doppelt}“ steht doppelt – vergeben Sie eindeutige Kennungen.",
            )
        )
    for name, art in stil.arten.items():
        for abschnitt_id in art.abschnitte:
            if abschnitt_id not in ids:
                close = difflib.get_close_matches(abschnitt_id, ids, n=1, cutoff=0.6)
                hint = f"meinten Sie „{close[0]}“?" if close else "legen Sie ihn unter „hausstil: abschnitte“ an."
                problems.append(
                    Problem(
                        stil.where("arten"),
                        f"Die Art „{name}“ nennt den unbekannten Abschnitt „{abschnitt_id}“ – {hint}",
                    )
                )
        for feld in art.kopf:
            if feld not in stil.kopf.eigene:
                problems.append(
                    Problem(
                        stil.where("arten"),
                        f"Die Art „{name}“ nennt das unbekannte Kopfdatum „{feld}“ – legen Sie es unter "
                        "„hausstil: kopf: eigene“ an.",
                    )
                )
    return problems


def _mitzeichnung_der_arten(stil: _Stil) -> list[Problem]:
    """The roles a Vorlagenart has sign off are roles of `mitzeichnung: rollen`."""
    problems = []
    for art in stil.arten.values():
        if art.mitzeichnung:
            problems += stil.mitzeichnung.unbekannte(art.mitzeichnung, art.where("mitzeichnung"))
    return problems


def _wortlisten(stil: _Stil) -> list[Problem]:
    """The lists of roles and results are not empty, have no empty word, and name each result once."""
    problems = []
    for liste, woerter in (("rollen", stil.rollen), ("beratungsergebnisse", stil.beratungsergebnisse)):
        if not woerter:
            problems.append(
                Problem(
                    stil.where(liste),
                    f"Die Liste „{liste}“ ist leer – tragen Sie die Wörter ein, die Ihre Körperschaft verwendet.",
                )
            )
        elif any(not wort.strip() for wort in woerter):
            problems.append(
                Problem(stil.where(liste), f"Die Liste „{liste}“ enthält ein leeres Wort – entfernen Sie es.")
            )
    for doppelt in doppelte(stil.beratungsergebnisse):
        problems.append(
            Problem(
                stil.where("beratungsergebnisse"),
                f"Die Liste „beratungsergebnisse“ nennt „{doppelt}“ zweimal – streichen Sie eines der beiden.",
            )
        )
    return problems


def _niederschrift_saetze(stil: _Stil) -> list[Problem]:
    """Each sentence of the Niederschrift is fixed text under a result a Niederschrift may record, but a Beschluss."""
    problems = []
    for ergebnis, satz in stil.niederschrift_saetze.items():
        where = line_of(stil.niederschrift_saetze, ergebnis)
        if "{{" in satz or "{%" in satz:
            problems.append(
                Problem(
                    where,
                    f"„niederschrift_saetze“: Der Satz unter „{ergebnis}“ ist fester Text – Platzhalter wie "
                    "{{ … }} werden hier nicht ausgewertet; schreiben Sie ihn ohne.",
                )
            )
        if ergebnis == "Beschluss":
            problems.append(
                Problem(
                    where,
                    "„niederschrift_saetze“: Unter einem Beschluss steht sein Text mit der Abstimmung, kein "
                    "fester Satz – entfernen Sie „Beschluss“ hier.",
                )
            )
        elif not stil.ergebnis_erlaubt(ergebnis):
            problems.append(
                unknown_word(
                    where,
                    "niederschrift_saetze",
                    ergebnis,
                    [w for w in stil.niederschrift_ergebnisse() if w != "Beschluss"],
                    "beratungsergebnisse",
                    defined_at(stil, "beratungsergebnisse"),
                )
            )
    return problems

"""`vorlagen aktualisieren` for the Land as a fact (issue 34): without `land:` and without its own `rechtsgrundlage`,
earlier versions printed the law of NRW (§ 83 GO NRW) for every Vorlage with Finanzielle Auswirkungen as data; this
one asks for the Land – `land: NRW` prints the same. A repository whose texts cite the law of another Land does not
become NRW: the upgrade names the citation and the file to set `land:` in, and writes nothing; once the body names
its Land there, the paragraph of the GO NRW printed before may change into its Land's (said, figure by figure)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from vorlagen.load.facts import Facts
from vorlagen.load.land import laender
from vorlagen.review.umschreiben import Erklaerung, Offen, Quelltexte

NRW = "Nordrhein-Westfalen"
# names of earlier laws and usual short forms the table's `gesetz` does not give
FRUEHERE = {"NGO": "Niedersachsen", "GO NW": NRW, "BayGO": "Bayern", "GemO BW": "Baden-Württemberg"}
MAX_TEXT = 2 * 1024 * 1024  # bytes of one file searched for citations (a text of a Vorlage is far smaller)
MAX_DATEIEN = 5000  # files searched


@dataclass(frozen=True)
class Zitat:
    """A citation of a Land's law in the data: where, as written, and the Länder whose law it can be."""

    datei: str  # relative to the data folder's parent, e.g. data/vorlagen/x/beschlussvorschlag.md
    zeile: int
    text: str
    laender: tuple[str, ...]


@functools.cache
def _gesetze() -> dict[str, tuple[tuple[str, bool], ...]]:
    """Each short name of a Land's law → (Land, whether that Land cites by Art.)."""
    found: dict[str, list[tuple[str, bool]]] = {}
    for land in laender().values():
        kurz = re.search(r"\(([^)]+)\)\s*$", land.gesetz)
        artikel = land.ueberplanmaessig.startswith("Art.")
        for name in [kurz[1]] if kurz else []:
            found.setdefault(name, []).append((land.name, artikel))
    for name, land_name in FRUEHERE.items():
        found.setdefault(name, []).append((land_name, laender()[land_name].ueberplanmaessig.startswith("Art.")))
    return {name: tuple(v) for name, v in found.items()}


def _muster() -> re.Pattern[str]:
    namen = sorted(_gesetze(), key=len, reverse=True)  # GO NRW before GO
    gesetz = "|".join(re.escape(n) for n in namen)
    return re.compile(rf"(?P<norm>§§?|Art\.)\s*\d+[a-z]?(?:[^\n§]{{0,40}}?)\s(?P<gesetz>{gesetz})(?![\w-])")


def zitate(data: Path) -> list[Zitat]:
    """Every citation of a paragraph of a Land's law (§ 84 GemO, Art. 66 GO) in the data folder's texts and YAML,
    with the Länder it can belong to – GemO is the law of two Länder, Art. … GO only of Bayern."""
    muster, gesetze, result = _muster(), _gesetze(), []
    dateien = sorted(p for p in data.rglob("*") if p.suffix in (".md", ".yaml", ".yml") and p.is_file())
    for path in dateien[:MAX_DATEIEN]:
        if path.stat().st_size > MAX_TEXT:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for match in muster.finditer(line):
                artikel = match["norm"] == "Art."
                moeglich = tuple(land for land, art in gesetze[match["gesetz"]] if art == artikel)
                if moeglich:
                    name = path.relative_to(data.parent).as_posix()
                    result.append(Zitat(name, number, match[0].strip(), moeglich))
    return result


def _oder(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} oder {namen[-1]}"


def land_nrw(q: Quelltexte, facts: Facts) -> None:
    k = facts.koerperschaft
    mit_daten = [s for s in facts.vorlagen if s.vorlage.finanzen_daten is not None]
    if k.hausstil.finanzen.rechtsgrundlage is not None or not mit_daten:
        return
    if k.land is not None:
        land = k.landesrecht
        if land is not None and land.name != NRW:  # named for the upgrade: its law replaces the NRW law printed before
            grund = (
                f"„land: {k.land}“ wählt jetzt die Vorschrift von {land.name}; frühere Fassungen druckten ohne Angabe "
                "die von Nordrhein-Westfalen (§ 83 GO NRW)"
            )
            q.erklaerungen += [Erklaerung(s.slug, grund, bewahrbar=False, norm="GO NRW") for s in mit_daten]
        return
    where = k.where("name")
    anderes = [z for z in zitate(q.data) if NRW not in z.laender]
    if anderes:
        erstes = anderes[0]
        gemeinsam = set(erstes.laender).intersection(*(z.laender for z in anderes))
        moeglich = sorted(gemeinsam) if gemeinsam else sorted({land for z in anderes for land in z.laender})
        vorschlag = _oder([f"„land: {land}“" for land in moeglich])
        q.offen.append(
            Offen(
                where,
                f"{erstes.datei}:{erstes.zeile} nennt „{erstes.text}“ – Recht von {_oder(moeglich)}, nicht von "
                f"Nordrhein-Westfalen, nach dessen Recht frühere Fassungen ohne Angabe rechneten: tragen Sie in "
                f"{where.path} {vorschlag} ein (das Land, dessen Recht gilt) und rufen Sie „vorlagen aktualisieren“ "
                "erneut auf.",
            )
        )
        return
    line = q.zeile(where)
    if line is None or not re.match(r"\s*name\s*:", line):
        q.offen.append(
            Offen(where, "Tragen Sie „land: NRW“ ein (oder Ihr Land) – frühere Fassungen rechneten nach NRW-Recht.")
        )
        return
    q.zeile_einfuegen(
        where,
        "land: NRW",
        "das Land wählt jetzt die Vorschriften des Haushaltsrechts; frühere Fassungen rechneten ohne Angabe nach "
        "NRW-Recht (§ 83 GO NRW)",
    )

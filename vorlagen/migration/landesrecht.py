"""`vorlagen aktualisieren` for the Land as a fact (issue 34): without `land:` and without its own `rechtsgrundlage`,
earlier versions printed the law of NRW (§ 83 GO NRW) for every Vorlage with Finanzielle Auswirkungen as data; this
one asks for the Land. The upgrade writes `land:` only from evidence: the Land given with `--land`, or the texts'
own citations of NRW law (`land: NRW` prints the same). A repository citing another Land's law, or none, gets a
message naming the file and the option, never a default; once the body names its Land, the paragraph of the GO NRW
printed before may change into its Land's (said, figure by figure)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from vorlagen.compute.auswirkungen import OHNE_LAND, OHNE_LAND_ENTSCHEIDUNG
from vorlagen.core.pfade import gezeigt
from vorlagen.core.reads import read_file
from vorlagen.load.facts import Facts
from vorlagen.load.land import Land, laender
from vorlagen.migration.erklaerungen import Erklaerung, Textaenderung
from vorlagen.migration.gedruckt import als_woerter
from vorlagen.migration.umschreiben import Offen, Quelltexte

NRW = "Nordrhein-Westfalen"
# names of earlier laws and usual short forms the table's `gesetz` does not give
FRUEHERE = {"NGO": "Niedersachsen", "GO NW": NRW, "BayGO": "Bayern", "GemO BW": "Baden-Württemberg"}
MAX_TEXT = 2 * 1024 * 1024  # bytes of one file searched for citations (a text of a Vorlage is far smaller)
MAX_DATEIEN = 5000  # files searched


@dataclass(frozen=True)
class Zitat:
    """A citation of a Land's law in the data: where, as written, and the Länder whose law it can be."""

    datei: str  # as messages name it (core/pfade.gezeigt), e.g. data/vorlagen/x/beschlussvorschlag.md
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
        try:  # a larger file, a pipe, a link out of the folder: no text of the data, no citation read
            text = read_file(path, MAX_TEXT, within=data, noted=False).decode("utf-8", "replace")
        except OSError:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            for match in muster.finditer(line):
                artikel = match["norm"] == "Art."
                moeglich = tuple(land for land, art in gesetze[match["gesetz"]] if art == artikel)
                if moeglich:
                    name = gezeigt(path)
                    result.append(Zitat(name, number, match[0].strip(), moeglich))
    return result


def _oder(namen: list[str]) -> str:
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} oder {namen[-1]}"


def land_nrw(q: Quelltexte, facts: Facts) -> None:
    """Where the data name no Land but print the Haushalt's rules: `land:` from the evidence (the `--land` named or
    the data's own citations of NRW law), as earlier versions read them – also where the Hausstil names its own
    `rechtsgrundlage` but a Verpflichtungsermächtigung needs the Land's rule (0.3.3)."""
    k = facts.koerperschaft
    mit_daten = [s for s in facts.vorlagen if s.vorlage.finanzen_daten is not None]
    mit_ve = [s for s in mit_daten if s.vorlage.finanzen_daten.verpflichtungsermaechtigungen]  # type: ignore[union-attr]
    eigene = k.hausstil.finanzen
    if not (mit_daten and eigene.rechtsgrundlage is None or mit_ve and eigene.verpflichtungsermaechtigung is None):
        return
    mit_daten = mit_daten if eigene.rechtsgrundlage is None else mit_ve
    genannt = k.landesrecht if k.land is not None else q.land
    neu = f"land: {q.land.name}" if k.land is None and q.land is not None else None
    if neu is not None and not q.zeile_einfuegen(k.where("name"), neu, "das Land, das Sie mit --land genannt haben"):
        q.offen.append(Offen(k.where("name"), f"Tragen Sie „{neu}“ ein."))
    if k.land is not None or q.land is not None:
        if k.land is None and q.land is not None:
            _worte_des_landes(q, facts, OHNE, q.land)
        if genannt is not None and genannt.name != NRW:  # its law replaces the NRW law printed before
            grund = (
                f"„land: {k.land if k.land is not None else genannt.name}“ wählt jetzt die Vorschrift von "
                f"{genannt.name}; frühere Fassungen druckten ohne Angabe die von Nordrhein-Westfalen (§ 83 GO NRW)"
            )
            q.erklaerungen += [Erklaerung(s.slug, grund, bewahrbar=False, norm="GO NRW") for s in mit_daten]
            nrw = laender()[NRW]
            _worte_des_landes(q, facts, {wort: getattr(nrw, wort) for wort in EIGENE}, genannt)
        return
    where = k.where("name")
    alle = zitate(q.data)
    anderes = [z for z in alle if NRW not in z.laender]
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
    if not alle:
        q.offen.append(
            Offen(
                where,
                "Ihre Daten nennen kein Land, und frühere Fassungen rechneten ohne Angabe nach dem Recht von "
                "Nordrhein-Westfalen (§ 83 GO NRW): rufen Sie „vorlagen aktualisieren --land NRW“ auf, wenn Ihre "
                "Körperschaft dort liegt – sonst mit Ihrem Land, z. B. „--land Bayern“ (die Vorschrift, die Ihre "
                "Vorlagen drucken, ändert sich dann in die Ihres Landes; der Bericht nennt jede Stelle).",
            )
        )
        return
    line = q.zeile(where)
    if line is None or not re.match(r"\s*name\s*:", line):
        q.offen.append(
            Offen(where, "Tragen Sie „land: NRW“ ein (oder Ihr Land) – frühere Fassungen rechneten nach NRW-Recht.")
        )
        return
    erstes = alle[0]
    if q.zeile_einfuegen(
        where,
        "land: NRW",
        f"{erstes.datei}:{erstes.zeile} nennt „{erstes.text}“ – das Land wählt jetzt die Vorschriften des "
        "Haushaltsrechts; frühere Fassungen rechneten ohne Angabe nach NRW-Recht (§ 83 GO NRW)",
    ):
        _worte_des_landes(q, facts, OHNE, laender()[NRW])


# each word of the Land a Vorlage prints → the Hausstil's key that names the body's own instead
EIGENE = {
    "ueberplanmaessig": "rechtsgrundlage",
    "verpflichtungsermaechtigung": "verpflichtungsermaechtigung",
    "entscheidung": "entscheidung",
    "ergebnisplan": "ergebnisplan",
    "finanzplan": "finanzplan",
}
# … and what an earlier version printed for it where the body named no Land and no words of its own (0.3.1)
OHNE = {
    "verpflichtungsermaechtigung": OHNE_LAND,
    "entscheidung": OHNE_LAND_ENTSCHEIDUNG,
    "ergebnisplan": "Ergebnisplan",
    "finanzplan": "Finanzplan",
}


def _worte_des_landes(q: Quelltexte, facts: Facts, vorher: dict[str, str], land: Land) -> None:
    """The words of the Haushaltsrecht a Vorlage printed before (`vorher`: a Land's word → what stood for it) that
    it prints as the words of `land` now – each a change on purpose, said Vorlage by Vorlage (the paragraphs'
    numbers are figures: Erklaerung.norm)."""
    eigene = facts.koerperschaft.hausstil.finanzen
    for wort, dann in vorher.items():
        jetzt = getattr(land, wort)
        if getattr(eigene, EIGENE[wort]) is not None or als_woerter(dann) == als_woerter(jetzt):
            continue  # the Hausstil's own words, printed before and now
        grund = (
            f"mit dem Land druckt die Vorlage jetzt das Recht von {land.name} („{jetzt}“), die frühere Version „{dann}“"
        )
        q.textaenderungen += [
            Textaenderung(s.slug, re.escape(als_woerter(dann)), als_woerter(jetzt), grund) for s in facts.vorlagen
        ]

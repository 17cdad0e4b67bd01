"""The corpus of real council papers (tests/korpus_nachrechnen_echt, issue 60): manifests, their calculations
recomputed with exact fractions, the split into a development and a held-out part, and the measurement of
`nachrechnen` against them.

Nothing here imports vorlagen: the hand calculation is independent of the engine, and the measurement runs the
command as a user does (`python -m vorlagen nachrechnen --json`) and only reads its JSON.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import yaml

KORPUS = Path(__file__).resolve().parents[1] / "korpus_nachrechnen_echt"
ROOT = KORPUS.parents[1]
SEED = 60_2026  # the split's seed (README „Die Teilung“); never changed once tuning has begun
TEILE = ("entwicklung", "pruefung")
# more papers to develop on, gathered after the split by those who tune (README „Der Zusatz“); never measured as
# held out, never part of the draw
ZUSATZ = "zusatz"

_UNITS = re.compile(r"Mio\.|TEUR|T€|EUR|Euro|€|Stellen|Stelle|VZÄ|m²|Std\.")
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d{3})*(?:,\d+)?)\s*(%)?|([-−+×x*/:()]))")


def dokumente() -> list[str]:
    """The documents' names (NN_kurzname), in order."""
    return sorted(p.stem for p in KORPUS.glob("*.yaml"))


def zusatz() -> list[str]:
    """The added development papers' names (zusatz/NN_kurzname), in order."""
    return sorted(f"{ZUSATZ}/{p.stem}" for p in (KORPUS / ZUSATZ).glob("*.yaml"))


def manifest(name: str) -> dict:
    return yaml.safe_load((KORPUS / f"{name}.yaml").read_text(encoding="utf-8"))


def zeilen(name: str) -> list[str]:
    return (KORPUS / f"{name}.txt").read_text(encoding="utf-8").split("\n")


def zahl(text: str) -> Fraction:
    """A German number as typed: `1.234,56` → 1234.56 (thousands dots, decimal comma)."""
    return Fraction(text.replace(".", "").replace(",", "."))


def _ausdruck(text: str) -> Fraction:
    """Evaluates one side of a `rechnung`: numbers (German notation, `%` = hundredths), + − × / and brackets."""
    python, rest = [], _UNITS.sub(" ", text).strip()
    while rest:
        match = _TOKEN.match(rest)
        if not match:
            raise ValueError(f"nicht lesbar: {rest!r} in {text!r}")
        number, percent, operator = match.groups()
        if number:
            python.append(f"Fraction({str(zahl(number))!r})" + ("/100" if percent else ""))
        else:
            python.append({"−": "-", "×": "*", "x": "*", ":": "/"}.get(operator, operator))
        rest = rest[match.end() :].strip()
    return eval(" ".join(python), {"Fraction": Fraction})  # noqa: S307 – only numbers and operators reach here


def _gerundet(wert: Fraction, stellen: int) -> Fraction:
    """Commercial rounding (half away from zero) to `stellen` decimals."""
    faktor = 10**stellen
    betrag = abs(wert) * faktor
    ganz = int(betrag) + (1 if betrag - int(betrag) >= Fraction(1, 2) else 0)
    return Fraction(ganz if wert >= 0 else -ganz, faktor)


def nachrechnen(rechnung: str, toleranz: str | None = None) -> tuple[Fraction, Fraction, bool]:
    """`links = getippt` → (exact value of the left side in the unit of the typed result, typed value, equal?).

    The typed result decides the rounding: as many decimals as it is typed with; a result in % compares the left
    side times 100. `toleranz` (same unit) allows a document's own stated rounding."""
    links, _, rechts = rechnung.rpartition("=")
    if not links:
        raise ValueError(f"kein „=“ in {rechnung!r}")
    match = re.search(r"[-−]?\s*\d+(?:\.\d{3})*(?:,(\d+))?\s*(%)?", _UNITS.sub(" ", rechts))
    if not match:
        raise ValueError(f"kein Ergebnis in {rechnung!r}")
    getippt = zahl(re.sub(r"[\s%−-]", "", match.group(0)))
    if match.group(0).lstrip().startswith(("-", "−")):
        getippt = -getippt
    wert = _ausdruck(links) * (100 if match.group(2) else 1)
    stellen = len(match.group(1) or "")
    if toleranz is not None:
        return wert, getippt, abs(wert - getippt) <= zahl(toleranz)
    return wert, getippt, _gerundet(wert, stellen) == getippt


def einstufung(rechnung: dict) -> str:
    """What the hand calculation says of a listed calculation: `stimmt` or `fehler`."""
    _, _, gleich = nachrechnen(rechnung["rechnung"], rechnung.get("toleranz"))
    return "stimmt" if gleich else "fehler"


def teilung(seed: int = SEED) -> dict[str, str]:
    """The split, drawn once before any tuning: per kind of paper (`sorte`), the documents in order are shuffled
    with one generator seeded with SEED and dealt alternately, starting with `entwicklung` for the first kind and
    continuing the alternation across kinds, so each kind is split in half (an odd one off by one)."""
    zufall, teil, nach_sorte = random.Random(seed), {}, {}
    for name in dokumente():
        nach_sorte.setdefault(manifest(name)["sorte"], []).append(name)
    zaehler = 0
    for sorte in sorted(nach_sorte):
        namen = list(nach_sorte[sorte])
        zufall.shuffle(namen)
        for name in namen:
            teil[name] = TEILE[zaehler % 2]
            zaehler += 1
    return teil


_ERGEBNIS = re.compile(
    r"[-−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|[-−]?\d+(?:,\d+)?"
)


def _werte(ergebnis: str) -> set[Decimal]:
    """The values a finding may report for a typed result: as typed – thousands grouped by dots or, as the press
    writes them, by spaces („160 000 Euro“) – and in euros for T€ and Mio. € (also written out: „3,4 Millionen
    Euro“)."""
    match = _ERGEBNIS.search(ergebnis)
    if not match:
        return set()
    wert = Decimal(re.sub(r"[.\s]", "", match.group(0)).replace("−", "-").replace(",", "."))
    werte = {wert, -wert}
    if re.search(r"T€|TEUR", ergebnis):
        werte |= {wert * 1000, -wert * 1000}
    if "Mio" in ergebnis or "Millionen" in ergebnis:
        werte |= {wert * 1_000_000, -wert * 1_000_000}
    return werte


def _passt(befund: dict, rechnung: dict) -> bool:
    orte = {rechnung["zeile"], *rechnung.get("auch_zeilen", [])}
    getippt = befund.get("werte", {}).get("getippt")
    werte = set().union(*(_werte(w) for w in [rechnung["ergebnis"], *rechnung.get("auch_werte", [])]))
    return befund.get("zeile") in orte and getippt is not None and Decimal(getippt) in werte


def berichte(namen: list[str]) -> dict[str, dict]:
    """`nachrechnen --json` on the documents, run as a user runs it – one command naming every file, as a user checks
    a folder of papers (one process, not one per paper: the corpus's 241 papers take seconds instead of minutes);
    returns each document's report by name."""
    dateien = [KORPUS / f"{name}.txt" for name in namen]
    lauf = subprocess.run(
        [sys.executable, "-m", "vorlagen", "nachrechnen", *map(str, dateien), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert lauf.returncode in (0, 1), lauf.stdout[-2000:] + lauf.stderr[-2000:]
    gelesen = {(ROOT / d["datei"]).resolve(): d for d in json.loads(lauf.stdout)["dateien"]}
    return {name: gelesen.get(datei.resolve(), {"befunde": []}) for name, datei in zip(namen, dateien, strict=True)}


def messen(berichte: dict[str, dict]) -> dict[str, dict[str, int]]:
    """Per part: calculations present / recognised (a finding on its line with its result), slips present / found
    (FEHLER there), doubts on a slip (`nicht eindeutig` there), false alarms (FEHLER on no listed slip)."""
    zahlen = {
        t: dict.fromkeys(("dokumente", "rechnungen", "erkannt", "fehler", "gefunden", "zweifel", "fehlalarme"), 0)
        for t in (*TEILE, ZUSATZ)
    }
    for name, report in berichte.items():
        daten = manifest(name)
        z, befunde, rechnungen = zahlen[daten["teil"]], report.get("befunde", []), daten["rechnungen"]
        z["dokumente"] += 1
        for rechnung in rechnungen:
            passend = [b for b in befunde if _passt(b, rechnung)]
            z["rechnungen"] += 1
            z["erkannt"] += bool(passend)
            if rechnung["status"] == "fehler":
                z["fehler"] += 1
                z["gefunden"] += any(b["status"] == "Fehler" for b in passend)
                z["zweifel"] += any(b["status"] == "nicht eindeutig" for b in passend)
        slips = [r for r in rechnungen if r["status"] == "fehler"]
        z["fehlalarme"] += sum(1 for b in befunde if b["status"] == "Fehler" and not any(_passt(b, r) for r in slips))
    return zahlen


def quote(teil: int, ganz: int) -> str:
    """`8 von 74 (10,8 %)`."""
    prozent = f"{100 * teil / ganz:.1f}".replace(".", ",") if ganz else "0,0"
    return f"{teil} von {ganz} ({prozent} %)"


def tabelle(zahlen: dict[str, dict[str, int]]) -> str:
    """The measurement as the README shows it."""
    zeilen_ = [
        "| Teil | Dokumente | Rechnungen erkannt | Fehler gefunden (FEHLER) | „nicht eindeutig“ an einer Fehlerstelle | Fehlalarme |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for teil, z in zahlen.items():
        if not z["dokumente"]:
            continue
        zeilen_.append(
            f"| {teil} | {z['dokumente']} | {quote(z['erkannt'], z['rechnungen'])} | "
            f"{quote(z['gefunden'], z['fehler'])} | {z['zweifel']} | {z['fehlalarme']} |"
        )
    return "\n".join(zeilen_)


def _entwicklung() -> list[str]:
    """The papers whose calculations a tuner may read: the development half and the added papers."""
    return sorted(name for name, teil in teilung().items() if teil == "entwicklung") + zusatz()


if __name__ == "__main__":  # python -m tests.hilfen.korpus_echt [--messen] [--rechnungen] [--fehlt]
    # the hand calculations only when asked for, and only of the development half: whoever tunes the recognisers
    # must not read the held-out papers' calculations (README)
    if "--rechnungen" in sys.argv:
        for name in _entwicklung():
            for r in manifest(name)["rechnungen"]:
                wert, getippt, gleich = nachrechnen(r["rechnung"], r.get("toleranz"))
                print(
                    f"{name} Z. {r['zeile']}: {r['rechnung']} → {float(wert):.4f} ({'stimmt' if gleich else 'FEHLER'})"
                )
    if "--messen" in sys.argv:
        print(tabelle(messen(berichte(dokumente() + zusatz()))))
    if "--fehlt" in sys.argv:  # what the development papers list and nachrechnen misses (never the held-out ones)
        for name, report in berichte(_entwicklung()).items():
            befunde = report.get("befunde", [])
            for r in manifest(name)["rechnungen"]:
                passend = [b for b in befunde if _passt(b, r)]
                slip = r["status"] == "fehler" and not any(b["status"] == "Fehler" for b in passend)
                if not passend or slip:
                    was = "nicht erkannt" if not passend else "Fehler nicht gefunden"
                    print(f"{name} Z. {r['zeile']} [{r['art']}] {r['rechnung']} ({r['status']}): {was}")

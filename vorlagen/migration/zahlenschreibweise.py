"""The upgrade of named figures to the units and notation of this version (issue 32, point 1): a formula of numbers
alone is now in the figure's unit (`formel: "523000"` in Mio. € meant 523.000 €, now 523.000 Mio. €), and `erwartet`
is written like a formula, with a decimal comma (`erwartet: 60.73` → `erwartet: "60,73"`). Both rewrites keep the
value the earlier version computed. A number of a data field with one group of three digits after a point (`1.500`),
which the earlier version read with a decimal point (1,5) and this one refuses as reading two ways, is written so that
it reads one way only, as the same value (`1.5`, `528.2660`)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.darstellung import STELLEN
from vorlagen.compute.einheiten import SKALA, nur_prozent, stellen_im_text
from vorlagen.compute.formel import FormelFehler, Minus, Rechnung, Zahl, lesen, namen
from vorlagen.core.fmt import dezimalkomma
from vorlagen.core.problems import Paths
from vorlagen.load.facts import Facts, load
from vorlagen.load.schreibweise import altlesungen
from vorlagen.load.yamlfile import Mapping, Scalar, Sequence, read_yaml
from vorlagen.migration.umschreiben import Offen, Quelltexte

GRUND_EINHEIT = "Zahlen einer Formel stehen jetzt in der Einheit der Zahl (früher in Euro) – derselbe Wert"
GRUND_KOMMA = "„erwartet“ einer Zahl steht jetzt wie ihre Formel mit Dezimalkomma – derselbe Wert"
GRUND_PUNKT = (
    "eine Zahl mit drei Ziffern nach einem Punkt lässt sich zweifach lesen (Tausender- oder Dezimalpunkt) und wird "
    "jetzt abgelehnt; die frühere Fassung las den Punkt als Dezimalpunkt – derselbe Wert, jetzt eindeutig geschrieben"
)
GRUND_ZWEI = (
    "in „[…]“ trennt das Komma Einträge: die frühere Fassung las hier zwei Zahlen, und die Schreibweise ohne "
    "Leerzeichen wird jetzt abgelehnt, weil sie auch eine Zahl mit Dezimalkomma sein könnte – dieselben zwei Zahlen, "
    "jetzt eindeutig geschrieben"
)
_PUNKT = re.compile(r"-?\d+\.\d+")
_NICHT_SICHER = (
    "„{text}“ steht in dieser Zeile auch als Text in Anführungszeichen, die Zahl ist deshalb nicht umgeschrieben – "
    "schreiben Sie sie selbst: {neu}, wie frühere Fassungen sie lasen (oder ohne Punkt, wenn ein Tausenderpunkt "
    "gemeint war), und rufen Sie „vorlagen aktualisieren“ erneut auf"
)
EINHEIT_SEIT = "0.3.0"  # the version since which a formula's numbers are in the figure's unit
_RUNDEN = 3  # rounds of dezimalpunkt_eindeutig: a file that reads only with another one is met in the next


def erwartet_mit_komma(q: Quelltexte) -> None:
    """Before the facts are read (a point decimal no longer reads): `erwartet: 60.73` of every named figure becomes
    `erwartet: "60,73"` – also `528.266`, which the earlier version read as 528,266."""
    paths = Paths()
    files = sorted((q.data / "vorlagen").glob("*/vorlage.yaml")) + sorted((q.data / "kennzahlen").glob("*.yaml"))
    for path in files:
        root, _ = read_yaml(path, paths)
        if not isinstance(root, Mapping) or "zahlen" not in root.entries:
            continue
        figures = root.entries["zahlen"][1]
        for item in figures.items if isinstance(figures, Sequence) else []:
            value = item.entries.get("erwartet", (None, None))[1] if isinstance(item, Mapping) else None
            if not isinstance(value, Scalar) or not _PUNKT.fullmatch(value.text.strip()):
                continue
            text = value.text.strip()
            komma = dezimalkomma(text)
            for written in (f"erwartet: {text}", f'erwartet: "{text}"', f"erwartet: '{text}'"):
                if q.ersetzen(value.where, written, f'erwartet: "{komma}"', GRUND_KOMMA):
                    break


def dezimalpunkt_eindeutig(q: Quelltexte) -> None:
    """Before the facts are read (such a number no longer reads): every number the readers of the data fields meet
    that the earlier version read with a decimal point and this one refuses (`anzahl: 1.500`, `werte: [142.600]`)
    becomes the spelling of the same value that reads one way only (`1.5`, `142.6`, `528.2660`). A file read only
    once another one reads is met in a later round."""
    for _ in range(_RUNDEN):
        q.schreiben()  # the loader reads the files as rewritten so far
        with altlesungen() as found:
            load(q.data)
        anzahl = Counter((a.where, a.text) for a in found)
        done = False
        for a in dict.fromkeys(found):
            grund = GRUND_ZWEI if a.zwei else GRUND_PUNKT
            if q.zahl_ersetzen(a.where, a.text, a.eindeutig, grund, anzahl[a.where, a.text]):
                done = True
            elif (offen := Offen(a.where, _NICHT_SICHER.format(text=a.text, neu=a.eindeutig))) not in q.offen:
                q.offen.append(offen)
        if not done:
            return


def zahlen_in_einheit(q: Quelltexte, facts: Facts) -> None:
    """Every figure in T€, Mio. € or Mrd. € whose formula has numbers alone gets the formula that gives its old value
    in its unit (formel_in_einheit) – only in data written for a version before 0.3.0, which read them in euros."""
    if not q.vor(EINHEIT_SEIT):
        return
    figures = [k for s in facts.vorlagen for k in s.vorlage.zahlen]
    figures += [k for datei in facts.kennzahlen.values() for k in datei.zahlen]
    for k in figures:
        neu = formel_in_einheit(k.formel, k.einheit, k.stellen if k.stellen is not None else STELLEN.get(k.einheit))
        if neu is None:
            continue
        for quote in ('"', "'", ""):
            if q.ersetzen(k.where("formel"), f"formel: {quote}{k.formel}{quote}", f'formel: "{neu}"', GRUND_EINHEIT):
                break


def formel_in_einheit(formel: str, einheit: str, stellen: int | None = None) -> str | None:
    """The formula of numbers alone that gives in `einheit` what `formel` gave in euros and prints as it did; None
    where nothing changes (names in it – their numbers are factors –, a percentage, a unit that is not T€, Mio. € or
    Mrd. €). A number or a sum of numbers keeps its shape, each number divided (`"523000"` → `"0,523"`,
    `"150000 + 58000"` → `"0,15 + 0,058"`), where no number gets more decimals than the `stellen` it printed with
    (a typed number prints every decimal it has); any other formula is divided as a whole
    (`"(2 * 208000) / 1000000"`, `"523000 / 1000000"` printed with two places)."""
    if einheit not in SKALA:
        return None
    try:
        tree = lesen(formel)
    except FormelFehler:
        return None  # its own message says what to write
    if namen(tree) or nur_prozent(tree):
        return None
    skala = SKALA[einheit]
    geteilt = {z.text: _komma(_zahl(z.text) / skala) for z in _zahlen(tree)} if _summe(tree) else {}
    if not geteilt or (stellen is not None and max(map(stellen_im_text, geteilt.values())) > stellen):
        return f"{formel} / {skala}" if isinstance(tree, Zahl) else f"({formel}) / {skala}"
    neu = formel
    for text in sorted(geteilt, key=len, reverse=True):
        neu = re.sub(rf"(?<![\d,.]){re.escape(text)}(?![\d,.])", geteilt[text], neu)
    return neu


def _summe(tree: object) -> bool:
    """Numbers joined by + and - alone (a single number too)."""
    if isinstance(tree, Zahl):
        return True
    if isinstance(tree, Minus):
        return _summe(tree.wert)
    return isinstance(tree, Rechnung) and tree.zeichen in "+-" and _summe(tree.links) and _summe(tree.rechts)


def _zahlen(tree: object) -> list[Zahl]:
    """The numbers of a tree `_summe` accepts."""
    if isinstance(tree, Zahl):
        return [tree]
    if isinstance(tree, Minus):
        return _zahlen(tree.wert)
    assert isinstance(tree, Rechnung)
    return _zahlen(tree.links) + _zahlen(tree.rechts)


def _zahl(text: str) -> Fraction:
    return Fraction(Decimal(text.replace(",", ".")))


def _komma(value: Fraction) -> str:
    """A terminating value as a formula writes it: 523/1000 → '0,523'."""
    number = (Decimal(value.numerator) / Decimal(value.denominator)).normalize()
    return dezimalkomma(number)

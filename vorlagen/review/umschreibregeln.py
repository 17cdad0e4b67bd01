"""The rules `vorlagen aktualisieren` applies, in order: each reads the facts of the earlier version's data and
edits the copy (review/umschreiben.py). A behaviour change of this version that an old repository could hit gets its
rule here (the list of them: the handbook's page on updating)."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from vorlagen.compute.einheiten import SKALA, nur_prozent
from vorlagen.compute.formel import FormelFehler, Minus, Rechnung, Zahl, lesen, namen
from vorlagen.core.problems import Paths
from vorlagen.load.facts import Facts
from vorlagen.load.yamlfile import Mapping, Scalar, Sequence, read_yaml
from vorlagen.review.umschreiben import Offen, Quelltexte
from vorlagen.review.zeilennamen import zeilen_nach_namen


def land_nrw(q: Quelltexte, facts: Facts) -> None:
    """Without `land:` and without its own `rechtsgrundlage`, earlier versions printed the law of NRW (§ 83 GO NRW)
    for every Vorlage with Finanzielle Auswirkungen as data; this one asks for the Land – `land: NRW` prints the
    same."""
    k = facts.koerperschaft
    if k.land is not None or k.hausstil.finanzen.rechtsgrundlage is not None:
        return
    if not any(s.vorlage.finanzen_daten is not None for s in facts.vorlagen):
        return
    where = k.where("name")
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


def _kennzahlen(facts: Facts):
    """Every named figure: each Vorlage's `zahlen` and the shared ones of kennzahlen/."""
    for source in facts.vorlagen:
        yield from source.vorlage.zahlen
    for datei in facts.kennzahlen.values():
        yield from datei.zahlen


def _dezimal(value) -> str:
    """A number as a formula writes it: decimal comma, no thousands marks (523/1000 → '0,523')."""
    value = Fraction(value)
    shown = Decimal(value.numerator) / Decimal(value.denominator)
    return format(shown.normalize(), "f").replace(".", ",")


def literal_in_einheit(q: Quelltexte, facts: Facts) -> None:
    """A formula of numbers alone in T€, Mio. € or Mrd. €: earlier versions read its numbers in euros, this one in
    the figure's unit – the numbers are divided so that the figure keeps its value (`523000` in Mio. € → `0,523`)."""
    for k in _kennzahlen(facts):
        key = (k.where("formel").path, k.id)
        if key in q.bearbeitet:
            continue
        neu = formel_in_einheit(k.formel, k.einheit)
        if neu is None:
            continue
        q.bearbeitet.add(key)
        grund = (
            f"die Zahlen einer Formel gelten jetzt in der Einheit der Zahl ({k.einheit}); frühere Fassungen lasen sie "
            f"in Euro – derselbe Wert"
        )
        if not q.wert_ersetzen(k.where("formel"), "formel", f'"{neu}"', grund):
            q.offen.append(
                Offen(
                    k.where("formel"),
                    f"Schreiben Sie die Formel in {k.einheit}: „{neu}“ – frühere Fassungen lasen ihre Zahlen in Euro.",
                )
            )


def formel_in_einheit(formel: str, einheit: str) -> str | None:
    """The formula of numbers alone that gives in `einheit` what `formel` gave in euros; None where nothing changes
    (names in it, a percentage, no unit of thousands or millions). A sum of numbers keeps its shape, each number
    divided; any other formula is divided as a whole."""
    scale = SKALA.get(einheit)
    if scale is None:
        return None
    try:
        tree = lesen(formel)
    except FormelFehler:
        return None
    if namen(tree) or nur_prozent(tree):
        return None
    if not _nur_summe(tree):
        return f"({formel}) / {scale}"
    neu = formel
    for text in sorted({z.text for z in _zahlen(tree)}, key=len, reverse=True):
        neu = re.sub(rf"(?<![\d,.]){re.escape(text)}(?![\d,.])", _dezimal(_wert(text) / scale), neu)
    return neu


def _nur_summe(tree) -> bool:
    """Numbers joined by + and - alone (a single number too)."""
    if isinstance(tree, Zahl):
        return True
    if isinstance(tree, Minus):
        return _nur_summe(tree.wert)
    return isinstance(tree, Rechnung) and tree.zeichen in "+-" and _nur_summe(tree.links) and _nur_summe(tree.rechts)


def _zahlen(tree) -> list[Zahl]:
    if isinstance(tree, Zahl):
        return [tree]
    if isinstance(tree, Minus):
        return _zahlen(tree.wert)
    return _zahlen(tree.links) + _zahlen(tree.rechts)


def _wert(text: str) -> Fraction:
    return Fraction(Decimal(text.replace(",", ".")))


def erwartet_dezimalkomma(q: Quelltexte, facts: Facts) -> None:
    """`erwartet` of a named figure with a decimal point (`3871.65`, `2.430`): earlier versions read it as YAML
    reads it; this one wants the formula's notation – the same number with a decimal comma, quoted. Read from the
    YAML as written: this version refuses such a file, so its facts are not loaded."""
    paths = Paths(q.data.resolve().parent)
    files = sorted(q.data.glob("vorlagen/*/vorlage.yaml")) + sorted(q.data.glob("kennzahlen/*.yaml"))
    for path in files:
        root, _ = read_yaml(path, paths)
        zahlen = root.entries.get("zahlen") if isinstance(root, Mapping) else None
        if zahlen is None or not isinstance(zahlen[1], Sequence):
            continue
        for item in zahlen[1].items:
            entry = item.entries.get("erwartet") if isinstance(item, Mapping) else None
            if entry is None or not isinstance(entry[1], Scalar) or not entry[1].plain:
                continue
            if re.fullmatch(r"[-+]?\d+\.\d+", entry[1].text.strip()):
                q.wert_ersetzen(
                    entry[0],
                    "erwartet",
                    f'"{entry[1].text.strip().replace(".", ",")}"',
                    "„erwartet“ schreibt Zahlen wie die Formel, mit Dezimalkomma; frühere Fassungen lasen den Punkt "
                    "als Dezimalpunkt – derselbe Wert",
                )


REGELN = [zeilen_nach_namen, land_nrw, literal_in_einheit, erwartet_dezimalkomma]

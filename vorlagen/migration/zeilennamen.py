"""`vorlagen aktualisieren`: rows read by position (`zeilen.1`, `quellen[0]`) become rows read by name, in formulas and texts.

The row at a position is found the way the earlier version found it: the tables are computed from the facts (a
formula's value does not matter for which rows there are). A row without a unique name gets an `id` first. Where a
row *is named* like the position (ids "1", "2" …), this version reads that row – the old reading, by position, is
kept only in the proof's copy, and the changed figures are named with the reason.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Protocol

from vorlagen.compute.bescheide import bescheid_werte
from vorlagen.compute.formel import _SEGMENT, FormelFehler, lesen, namen, schreibweise
from vorlagen.compute.names import UnknownName
from vorlagen.compute.rundung import eigene_rundung, rundung_of
from vorlagen.compute.tabelle import Zeilen
from vorlagen.compute.tabellenarten import compute_table
from vorlagen.core.pfade import gezeigt
from vorlagen.core.problems import Where
from vorlagen.load.auswirkungen import Deckung, Haushaltsbetrag
from vorlagen.load.facts import Facts
from vorlagen.load.vorlagenordner import VorlageSource
from vorlagen.migration.erklaerungen import Erklaerung
from vorlagen.migration.tabellenarten import UMSTELLUNG
from vorlagen.migration.umschreiben import Offen, Quelltexte

LISTEN = ("zeilen", "quellen", "raten")  # the lists whose entries have names
GRUND = "Zeilen heißen jetzt nach ihrer id oder Bezeichnung, nicht nach ihrer Stelle"

# a text's `….zeilen[2]` after finanzierung["…"], bescheide["…"] or antraege["…"] and further parts
_TEXT = re.compile(
    r"""(?P<kopf>(?P<wurzel>finanzierung|bescheide|antraege)\s*\[\s*(?P<q>["'])(?P<id>[^"'\n]+)(?P=q)\s*\]
        (?P<mitte>(?:\s*\.\s*\w+|\s*\[\s*(?:"[^"\n]*"|'[^'\n]*')\s*\])*?)
        \s*\.\s*(?P<liste>zeilen|quellen|raten))\s*\[\s*(?P<n>\d+)\s*\](?:\s*\[\s*(?P<feld>[01])\s*\])?""",
    re.X,
)
# 0.2.0's `raten` and `zeilen` of a Bescheid were pairs: (fällig, Betrag) and („3,5 x Satz“, Betrag)
_PAARE = {("raten", "0"): ".faellig", ("raten", "1"): ".betrag", ("zeilen", "1"): ".betrag"}
PAAR = "in 0.2.0 waren Raten und Zeilen eines Bescheids Paare ([0], [1]); jetzt haben sie Felder"
# a text's `bescheide["…"].bescheid.positionen[2]`: the fact's list by position; its rows are the Bescheid's `zeilen`
_POSITIONEN = re.compile(
    r"""(?P<kopf>(?P<wurzel>bescheide|antraege)\s*\[\s*(?P<q>["'])(?P<id>[^"'\n]+)(?P=q)\s*\])
        \s*\.\s*bescheid\s*\.\s*positionen\s*\[\s*(?P<n>\d+)\s*\]""",
    re.X,
)
_TEIL = re.compile(r"""\.\s*(\w+)|\[\s*(?:"([^"\n]*)"|'([^'\n]*)')\s*\]""")


class _Zeile(Protocol):
    """A computed row of any list with names (a table's rows, a plan's sources, a Bescheid's rows)."""

    @property
    def als(self) -> str: ...


class Zeilenumschreibung:
    """The rows of one Vorlage's tables, Bescheide and Anträge as the earlier version counted them."""

    def __init__(self, q: Quelltexte, facts: Facts, source: VorlageSource):
        self.q, self.facts, self.source = q, facts, source
        rundung, zahlformat = rundung_of(facts), facts.koerperschaft.zahlformat
        self.roots: dict[str, dict] = {"finanzierung": {}, "bescheide": {}, "antraege": {}}
        records: dict[int, object] = {}  # id() of a computed row → the record it comes from (for its id)
        for b in source.vorlage.finanzierung:
            table, _ = compute_table(
                b, facts.saetze, eigene_rundung(rundung, b.rundung), zahlformat, lambda f, e: Fraction(0)
            )
            if table is None:
                continue
            self.roots["finanzierung"][b.id] = table
            positions = UMSTELLUNG[b.art].positionen(b)
            for row, record in zip(table.zeilen, positions, strict=False):
                records[id(row)] = record
            for row, record in zip(vars(table).get("quellen", ()), b.quellen, strict=False):
                records[id(row)] = record
        for art, given in (("bescheide", facts.bescheide), ("antraege", facts.antraege)):
            for name, bescheid in given.items():
                werte, _ = bescheid_werte(
                    name, bescheid, facts.saetze, eigene_rundung(rundung, bescheid.rundung), zahlformat
                )
                if werte is not None:
                    self.roots[art][name] = werte
        self.records = records

    def zeilen(self, pfad: tuple[str, ...], index: int) -> Zeilen | None:
        """The list of rows `pfad[:index]` names, or None."""
        obj: object = self.roots.get(pfad[0])
        for part in pfad[1:index]:
            if obj is None:
                return None
            obj = obj.get(part) if isinstance(obj, dict) else vars(obj).get(part)
        return obj if isinstance(obj, Zeilen) else None

    def name(self, zeilen: Zeilen, position: int, where: Where) -> str | None:
        """The name that reads the row at `position`; a row without a unique one gets an id first (None: it
        could not be given one)."""
        row = zeilen[position]
        name = zeilen.name_von(row)
        if name is not None:
            return name
        record = self.records.get(id(row))
        if record is None or not hasattr(record, "where"):
            self.q.offen.append(
                Offen(
                    where,
                    f"Die Zeile an Stelle {position} (gezählt ab 0) hat keinen eindeutigen Namen – geben Sie ihr "
                    "eine eindeutige Bezeichnung und lesen Sie sie damit.",
                )
            )
            return None
        new = _neue_id(row, zeilen)
        if not self.q.id_einfuegen(
            record.where(), new, f"{GRUND}: die Zeile an Stelle {position} bekommt einen eindeutigen Namen"
        ):
            self.q.offen.append(
                Offen(
                    record.where(),
                    f"Diese Zeile braucht eine „id“ (z. B. „{new}“), weil ein Text oder eine Formel sie nach ihrer Stelle liest.",
                )
            )
            return None
        row.id = new  # later references to the same row use it
        return new


def _neue_id(row: _Zeile, zeilen: Zeilen) -> str:
    """An id for a row from its label (and its free columns), unique among the names of its table."""
    position = vars(row).get("position")
    teile = [row.als or "zeile", *(position.felder.values() if position is not None else ())]
    base = _slug(" ".join(str(t) for t in teile)) or "zeile"
    taken = {z.id for z in zeilen if z.id} | {z.als for z in zeilen}
    name, counter = base, 2
    while name in taken:
        name, counter = f"{base}-{counter}", counter + 1
    return name


def _slug(text: str) -> str:
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text if text[:1].isalpha() else f"zeile-{text}"


def formeln(source: VorlageSource) -> list[tuple[Where, str]]:
    """Every formula and name of a Vorlage's data: figures, rows and funds of Aufstellungen, lines of a Vergleich,
    the amounts of its Finanzielle Auswirkungen."""
    v = source.vorlage
    found = [(k.where("formel"), k.formel) for k in v.zahlen]
    for b in v.finanzierung:
        found += [(p.where("formel"), p.formel) for p in b.kosten if p.formel is not None]
        if b.fonds is not None:
            found.append((b.where("fonds"), b.fonds))
        for z in b.zeilen:
            found += [(z.where("aus"), formel) for formel in z.aus]
    daten = v.finanzen_daten
    if daten is not None:
        eintraege: list[tuple[Haushaltsbetrag | Deckung, dict[str, str]]] = [(p, p.betraege) for p in daten.positionen]
        eintraege += [(d, d.jahre) for d in daten.deckung]
        for eintrag, jahre in eintraege:
            lines = getattr(jahre, "lines", {})
            found += [(lines.get(jahr, eintrag.where("jahre")), name) for jahr, name in jahre.items()]
        for ve in daten.verpflichtungsermaechtigungen:
            found.append((ve.where("betrag"), ve.betrag))
            lasten = ve.lasten or {}
            for j, n in lasten.items():
                if isinstance(n, str):
                    found.append((getattr(lasten, "lines", {}).get(j, ve.where("lasten")), n))
                else:
                    found += [(n.where("betrag"), n.betrag), (n.where("im_plan"), n.im_plan)]
            found += [(d.where("betrag"), d.betrag) for d in ve.deckung]
        if daten.folgekosten not in (None, "keine"):
            found.append((daten.where("folgekosten"), daten.folgekosten))
    return found


def zeilen_nach_namen(q: Quelltexte, facts: Facts) -> None:
    """Rewrites every row read by position in the formulas and texts of every Vorlage."""
    for source in facts.vorlagen:
        rows = Zeilenumschreibung(q, facts, source)
        for where, formel in formeln(source):
            _formel(rows, where, formel)
        for path in q.texte(source.folder):
            _text(rows, path)


def _formel(rows: Zeilenumschreibung, where: Where, formel: str) -> None:
    try:
        tree = lesen(formel)
    except FormelFehler:
        return  # not this rule's to say: the build names it
    for name in namen(tree):
        pfad = name.pfad
        quoted = _in_anfuehrungszeichen(name.text)
        for index, part in enumerate(pfad):
            if index == 0 or pfad[index - 1] not in LISTEN or not part.isdigit() or quoted[index]:
                continue
            zeilen = rows.zeilen(pfad, index)
            if zeilen is None or int(part) >= len(zeilen):
                continue
            old_row = zeilen[int(part)]
            try:
                named = zeilen[part]
            except UnknownName:
                named = None
            if named is old_row:
                continue  # the row at that position is the row of that name: it reads the same
            new = rows.name(zeilen, int(part), where)
            if new is None:
                continue
            written = schreibweise(pfad[:index] + (new,) + pfad[index + 1 :])
            if named is None:
                rows.q.ersetzen(where, name.text, written, f"{GRUND} (Stelle {part} ist die Zeile „{new}“)")
            else:
                rows.q.ersetzen(where, name.text, written, "", bewahrend=True)
                rows.q.erklaerungen.append(
                    Erklaerung(
                        rows.source.slug,
                        f"„{name.text}“ liest jetzt die Zeile mit dem Namen „{part}“, vorher las es die Zeile an "
                        f"Stelle {part} (gezählt ab 0, „{new}“) – gemeint war wohl die mit dem Namen",
                    )
                )
            break


def _in_anfuehrungszeichen(text: str) -> list[bool]:
    """For each part of a name as written: whether it stands in quotes (`zeilen["2"]` names the row „2“; only
    `zeilen.2` and `zeilen[2]` were positions)."""
    return [m.group(2) is not None or m.group(3) is not None for m in _SEGMENT.finditer(text)]


def _text(rows: Zeilenumschreibung, path: Path) -> None:
    for nummer, line in enumerate(rows.q.lines(path), start=1):
        for match in _POSITIONEN.finditer(line):
            zeilen = rows.zeilen((match["wurzel"], match["id"], "zeilen"), 3)
            position = int(match["n"])
            if zeilen is None or position >= len(zeilen):
                continue
            where = Where(gezeigt(path), nummer)
            new = rows.name(zeilen, position, where)
            if new is not None:
                quote = "'" if '"' in new else '"'
                rows.q.text_ersetzen(
                    path,
                    nummer,
                    match[0],
                    f"{match['kopf']}.zeilen[{quote}{new}{quote}]",
                    f"Einträge der Liste „positionen“ haben keine Namen; die Position an Stelle {position} ist die "
                    f"Zeile „{new}“ des Bescheids",
                )
        for match in _TEXT.finditer(line):
            pfad = (
                (match["wurzel"], match["id"])
                + tuple(next(g for g in m.groups() if g is not None) for m in _TEIL.finditer(match["mitte"]))
                + (match["liste"],)
            )
            zeilen = rows.zeilen(pfad, len(pfad))
            position = int(match["n"])
            if zeilen is None or position >= len(zeilen):
                continue
            where = Where(gezeigt(path), nummer)
            new = rows.name(zeilen, position, where)
            if new is None:
                continue
            quote = "'" if '"' in new else '"'
            zeile_ = f"{match['kopf']}[{quote}{new}{quote}]"
            grund = f"{GRUND} (Stelle {position} ist die Zeile „{new}“)"
            if match["feld"] is not None and match["wurzel"] in ("bescheide", "antraege"):
                if not _paar(rows, path, nummer, match, zeile_, line):
                    continue
                grund = f"{grund}; {PAAR}"
                zeile_ += _PAARE.get((match["liste"], match["feld"]), "")
            rows.q.text_ersetzen(path, nummer, match[0], zeile_, grund)


def _paar(rows: Zeilenumschreibung, path: Path, nummer: int, match: re.Match[str], zeile_: str, line: str) -> bool:
    """A part of a 0.2.0 pair: True where `_PAARE` names its field; the text of a Bescheid's row („3,5 x Satz“)
    is written as the two quotes it consisted of, where it stands alone in its expression; else it is named."""
    if (match["liste"], match["feld"]) in _PAARE:
        return True
    ganz = re.search(r"\{\{\s*" + re.escape(match[0]) + r"\s*\}\}", line)
    where = Where(gezeigt(path), nummer)
    if ganz is None:
        rows.q.offen.append(
            Offen(
                where,
                f"„{match[0]}“ war in 0.2.0 der Text der Zeile („3,5 x Satz“) – schreiben Sie dafür "
                f"{{{{ {zeile_}.anzahl | zahl }}}} x {{{{ {zeile_}.als }}}}.",
            )
        )
        return False
    rows.q.text_ersetzen(
        path, nummer, ganz[0], f"{{{{ {zeile_}.anzahl | zahl }}}} x {{{{ {zeile_}.als }}}}", f"{GRUND}; {PAAR}"
    )
    return False

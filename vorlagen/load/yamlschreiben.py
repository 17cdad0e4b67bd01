"""Changes a YAML data file the way a careful person would: the changed values only, everything else kept to the byte.

The file is held round trip by ruamel.yaml (comments, key order, quoting, flow and block style, blank lines). A file
that ruamel.yaml cannot write back unchanged (an indentation of its own, a `null` spelled otherwise than `~`) is
refused as a whole with a German message: the program never rewrites what the user did not change. New values take
the handbook's style: texts plain where YAML reads them back as the same text, else in double quotes, and in double
quotes when they begin like a number (a Nummer, a Konto: "05.06.01"); numbers and dates as written; the sections the
handbook writes in one line (`{sitzung: …, rolle: …}`) in one line while they fit (yamlzeilen.py).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from vorlagen.load.werte import anders_gelesen
from vorlagen.load.yamlzeilen import gefaltet, gestalten

Pfad = tuple[str | int, ...]  # keys and list positions from the root, e.g. ("beratungsfolge", 0, "sitzung")
_STR = "tag:yaml.org,2002:str"
# a text that begins like a number – "05.06.01", "2021/0123", "1", "32 – Ordnung" – is quoted, as the handbook does
_WIE_EINE_ZAHL = re.compile(r"\d+(?:[.,/ ]|$)")
_EINRUECKUNGEN = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0))  # mapping, sequence, offset


class NichtTreu(ValueError):
    """ruamel.yaml would write the file otherwise than it stands; args[0] is the German reason, `zeile` the line."""

    def __init__(self, meldung: str, zeile: int | None = None):
        super().__init__(meldung)
        self.zeile = zeile


class Roh(str):
    """A scalar written as it is typed, without quotes: a number (3.5, 12500), a date (2021-06-10), true/false."""


class Zitiert(str):
    """A text always written in double quotes (a Nummer; as a key: a column named by digits, "2025")."""


@dataclass(frozen=True)
class Zeile:
    """A new section written in one line, `{a: 1, b: x}` or `[a, b]` (how the handbook writes rows)."""

    wert: dict | list


def _represent_none(representer: RoundTripRepresenter, data: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "~")


def _represent_roh(representer: RoundTripRepresenter, data: Roh) -> Any:
    tag = _RESOLVER.resolve(ScalarNode, str(data), (True, False))
    return representer.represent_scalar(tag, str(data))


def _yaml(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(type(None), _represent_none)
    yaml.representer.add_representer(Roh, _represent_roh)
    return yaml


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _erste_abweichung(alt: str, neu: str) -> int:
    """The first line (counted from 1) in which two texts differ."""
    for nummer, (a, b) in enumerate(zip(alt.splitlines(), neu.splitlines()), start=1):
        if a != b:
            return nummer
    return min(len(alt.splitlines()), len(neu.splitlines())) + 1


class YamlDatei:
    """One YAML file held for changing; `text()` is the file with the changes made."""

    def __init__(self, text: str, name: str = "die Datei"):
        self.name = name
        self.zeilenende = "\r\n" if "\r\n" in text else "\n"  # a file saved on Windows keeps its line ends
        original, text = text, text.replace("\r\n", "\n")
        self._leer = not text.strip()  # an empty file: its first value makes it a section of keys
        self._neu: set[int] = set()  # the sections this change made (or chose the style of): laid out as new
        abweichung = None
        if self._leer:
            self._einrueckung, self.daten = _EINRUECKUNGEN[0], CommentedMap()
            self._yaml = _yaml(*self._einrueckung)
            return
        for einrueckung in _EINRUECKUNGEN:
            self._einrueckung, self._yaml = einrueckung, _yaml(*einrueckung)
            try:
                self.daten = self._yaml.load(text)
            except YAMLError:
                raise NichtTreu(
                    f"{name} ist kein gültiges YAML – beheben Sie den Fehler im Editor (vorlagen pruefen nennt die "
                    "Zeile); der Browser ändert die Datei erst danach."
                ) from None
            wieder = _dump(self._yaml, self.daten)
            if wieder.replace("\n", self.zeilenende) == original:
                return
            abweichung = _erste_abweichung(original, wieder) if abweichung is None else abweichung
        raise NichtTreu(
            f"{name} lässt sich im Browser nicht ändern, ohne Zeile {abweichung} anders zu schreiben, als sie steht "
            "(eigene Einrückung oder Schreibweise) – ändern Sie diese Datei im Editor.",
            abweichung,
        )

    def text(self) -> str:
        if self._leer and not self.daten:
            return ""
        gestalten(self.daten, self._neu, self._einrueckung, _yaml(*self._einrueckung))
        return _dump(self._yaml, self.daten).replace("\n", self.zeilenende)

    def hat(self, pfad: Pfad) -> bool:
        try:
            self.wert(pfad)
        except (KeyError, IndexError, TypeError):
            return False
        return True

    def wert(self, pfad: Pfad) -> Any:
        """The value at `pfad` as ruamel.yaml holds it (KeyError, IndexError or TypeError where there is none)."""
        wert = self.daten
        for schritt in pfad:
            wert = wert[_schluessel(wert, schritt) if isinstance(wert, CommentedMap) else schritt]
        return wert

    def setzen(self, pfad: Pfad, wert: Any, reihenfolge: Sequence[str] = ()) -> None:
        """Sets the value at `pfad`, making the sections on the way; a new key goes where `reihenfolge` (the keys
        of the record in the handbook's order) puts it among the keys already there, else at the end."""
        eltern = self._abschnitt(pfad)
        schluessel = pfad[-1]
        neu = _knoten(wert, bool(eltern.fa.flow_style()))
        self._neu |= _abschnitte(neu)
        if len(pfad) == 1 and isinstance(neu, str) and not isinstance(wert, (Roh, Zitiert)):
            neu = gefaltet(neu, len(f"{pfad[0]}: "), self._einrueckung[0])  # a long Betreff, as the handbook folds it
        if isinstance(eltern, CommentedSeq):
            assert isinstance(schluessel, int)
            if schluessel == len(eltern):
                eltern.append(neu)
                if len(eltern) > 1:  # blank lines and comments after the list stay after it
                    _nachlauf_geben(eltern, len(eltern) - 1, _nachlauf_nehmen(eltern, len(eltern) - 2))
            else:
                eltern[schluessel] = neu
            return
        assert isinstance(eltern, CommentedMap)
        schluessel = _schluessel(eltern, schluessel)
        if schluessel in eltern:
            eltern[schluessel] = _wie_vorher(eltern[schluessel], neu)
        else:
            eltern.insert(_stelle(list(eltern), schluessel, reihenfolge), schluessel, neu)

    def einfuegen(self, pfad: Pfad, wert: Any) -> None:
        """Inserts `wert` into the list that holds `pfad`, before its position `pfad[-1]` (past the end: appended as
        `setzen` appends); the comments of the items stay with them."""
        liste = self.wert(pfad[:-1])
        position = pfad[-1]
        assert isinstance(liste, CommentedSeq) and isinstance(position, int)
        if position >= len(liste):
            self.setzen(pfad, wert)
            return
        neu = _knoten(wert, bool(liste.fa.flow_style()))
        self._neu |= _abschnitte(neu)
        liste.insert(position, neu)

    def stil(self, pfad: Pfad, in_einer_zeile: bool) -> None:
        """Chooses how the empty section at `pfad` is written once it has entries: in one line or as a block."""
        abschnitt = self.wert(pfad)
        abschnitt.fa.set_flow_style() if in_einer_zeile else abschnitt.fa.set_block_style()
        self._neu.add(id(abschnitt))

    def entfernen(self, pfad: Pfad) -> None:
        """Removes the key or the list item at `pfad` (nothing where there is none)."""
        if not self.hat(pfad):
            return
        eltern = self.wert(pfad[:-1])
        schluessel = _schluessel(eltern, pfad[-1]) if isinstance(eltern, CommentedMap) else pfad[-1]
        letzter = list(eltern)[-1] if isinstance(eltern, CommentedMap) else len(eltern) - 1
        nachlauf = _nachlauf_nehmen(eltern, schluessel) if schluessel == letzter else None
        del eltern[schluessel]
        if eltern:  # the blank line before the next section stays
            _nachlauf_geben(eltern, list(eltern)[-1] if isinstance(eltern, CommentedMap) else len(eltern) - 1, nachlauf)

    def _abschnitt(self, pfad: Pfad) -> Any:
        """The section that holds `pfad`, made as a block section where it is missing (or `~`): a list where the next
        step is a position, else a section of keys. An empty one (`[]`, `{}`) becomes a block section too, unless its
        style was chosen (a Zeile, `stil`)."""
        abschnitt = self.daten
        for nummer, schritt in enumerate(pfad[:-1]):
            if isinstance(abschnitt, CommentedMap):
                schritt = _schluessel(abschnitt, schritt)
                vorhanden = abschnitt.get(schritt)
                if not isinstance(vorhanden, (CommentedMap, CommentedSeq)):
                    neu = CommentedSeq() if isinstance(pfad[nummer + 1], int) else CommentedMap()
                    if schritt in abschnitt:
                        abschnitt[schritt] = neu
                    else:
                        abschnitt.insert(len(abschnitt), schritt, neu)
                elif not vorhanden and id(vorhanden) not in self._neu:
                    vorhanden.fa.set_block_style()
                abschnitt = abschnitt[schritt]
            else:
                abschnitt = abschnitt[schritt]
        return abschnitt


def _enden(container: Any, key: Any) -> list[tuple[Any, Any]]:
    """The entry `key` of a block section and the last entries deep down in its value (container and key): where
    ruamel.yaml keeps the blank lines and comments that follow the entry. Flow sections keep their own."""
    enden = [(container, key)]
    wert = container[key]
    while isinstance(wert, (CommentedMap, CommentedSeq)) and wert and not wert.fa.flow_style():
        key = list(wert)[-1] if isinstance(wert, CommentedMap) else len(wert) - 1
        enden.append((wert, key))
        wert = wert[key]
    return enden


def _nachlauf_nehmen(container: Any, key: Any) -> Any:
    """Takes away the blank lines and comments after the entry `key`; None where there are none."""
    for abschnitt, schluessel in reversed(_enden(container, key)):
        stelle = 2 if isinstance(abschnitt, CommentedMap) else 0
        eintrag = abschnitt.ca.items.get(schluessel)
        if eintrag and len(eintrag) > stelle and eintrag[stelle] is not None:
            nachlauf, eintrag[stelle] = eintrag[stelle], None
            return nachlauf
    return None


def _nachlauf_geben(container: Any, key: Any, nachlauf: Any) -> None:
    """Puts blank lines and comments (from _nachlauf_nehmen) after the entry `key`."""
    if nachlauf is None:
        return
    abschnitt, schluessel = _enden(container, key)[-1]
    if isinstance(abschnitt, CommentedMap):
        abschnitt.ca.items.setdefault(schluessel, [None, None, None, None])[2] = nachlauf
    else:
        abschnitt.ca.items.setdefault(schluessel, [None, None])[0] = nachlauf


def _schluessel(abschnitt: CommentedMap, schluessel: str | int) -> str | int:
    """A key as the section holds it: a year written `2021:` is the number 2021 there, and a new key of digits
    is written so too (plain, as the handbook writes years) – unless it is Zitiert (a column "2025")."""
    if schluessel in abschnitt:
        return schluessel
    if isinstance(schluessel, Zitiert):
        return DoubleQuotedScalarString(str(schluessel))
    if isinstance(schluessel, str) and schluessel.isascii() and schluessel.isdigit() and schluessel[0] != "0":
        return int(schluessel)
    return schluessel


def _stelle(vorhanden: list, schluessel: str | int, reihenfolge: Sequence[str]) -> int:
    """Where a new key goes: after the last key present that comes before it in the handbook's order."""
    if not isinstance(schluessel, str) or schluessel not in reihenfolge:
        return len(vorhanden)
    vorher = set(reihenfolge[: list(reihenfolge).index(schluessel)])
    stellen = [i for i, key in enumerate(vorhanden) if key in vorher]
    return stellen[-1] + 1 if stellen else 0


def _wie_vorher(alt: Any, neu: Any) -> Any:
    """A changed text keeps the double quotes it had (a careful person changes the words, not the quotes)."""
    if isinstance(alt, DoubleQuotedScalarString) and type(neu) in (str, FoldedScalarString):
        return DoubleQuotedScalarString(neu)
    return neu


def _abschnitte(wert: Any) -> set[int]:
    """The ids of a new value's sections and of the sections within."""
    if isinstance(wert, CommentedMap):
        return {id(wert)}.union(*(_abschnitte(v) for v in wert.values()))
    if isinstance(wert, CommentedSeq):
        return {id(wert)}.union(*(_abschnitte(v) for v in wert))
    return set()


def _knoten(wert: Any, im_fluss: bool = False) -> Any:
    """A value as ruamel.yaml writes it in the handbook's style (`im_fluss`: inside a section of one line)."""
    if isinstance(wert, Zeile):
        gebaut = _knoten(wert.wert, True)
        gebaut.fa.set_flow_style()
        return gebaut
    if isinstance(wert, dict):
        abschnitt = CommentedMap()
        for key, value in wert.items():
            abschnitt[key] = _knoten(value, im_fluss)
        return abschnitt
    if isinstance(wert, list):
        return CommentedSeq(_knoten(item, im_fluss) for item in wert)
    if isinstance(wert, Zitiert):
        return DoubleQuotedScalarString(str(wert))
    if isinstance(wert, Roh) or wert is None or isinstance(wert, bool):
        return wert
    if isinstance(wert, str):
        return wert if schlicht(wert, im_fluss) and not _WIE_EINE_ZAHL.match(wert) else DoubleQuotedScalarString(wert)
    raise TypeError(f"kein Wert für YAML: {type(wert).__name__}")


_ANALYSE = Emitter(io.StringIO(), allow_unicode=True)
_ANALYSE.use_version = (1, 1)  # type: ignore[attr-defined]  # no dumper: its own serializer; 1.1 as the loader
_RESOLVER = YAML().resolver


def schlicht(text: str, im_fluss: bool = True) -> bool:
    """Whether a text stands without quotes where it goes (inside `{…}`, or on a line of its own) and reads back as
    the same text – by YAML 1.2's rules and by the loader's, which refuses what YAML 1.1 tools read otherwise."""
    if not text or text != text.strip():
        return False
    analyse = _ANALYSE.analyze_scalar(text)
    erlaubt = analyse.allow_flow_plain if im_fluss else analyse.allow_block_plain
    # the loader reads YAML 1.1's way too: `NO`, `18:30` and `0815` are no texts there (load/werte.text)
    return bool(erlaubt) and _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR and not anders_gelesen(text)

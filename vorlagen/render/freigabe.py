"""Whether a Vorlage is released: each sign-off against the fingerprint of what the Vorlage prints now.

What is signed is the normalised text rendition of the Vorlage and its Anlagen (texts, tables, header fields:
every figure and fact it prints; it shows what changed), the target of every link, and the Druckbild
(druckbild.py): the digests of the print HTML of the Vorlage and its Markdown Anlagen and of every file the
renderer loads for them – what the PDF is made of, byte for byte – and, kept by `zeichnen`, the Seitenbild
(seitenbild.py): the pages as they were set. While text and Druckbild hold, the pages as this machine sets them now
(seitensatz.py) must match it too: another WeasyPrint or a system font that sets the same print differently makes a
sign-off stale. A reformatted YAML or a soft hyphen that prints the same keeps every sign-off. Results of a Beratung, the sign-offs themselves and the ENTWURF marks are not
signed.

A sign-off's fingerprint covers its role, name and date with the text (`siegel`): a name or date changed by
hand, or a fingerprint copied from another sign-off, makes it „ungültig“; so does a missing or altered
gezeichnet/<rolle>.txt, the record of what was signed.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import html as markup
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from vorlagen.compute.haushalt import Auswirkungen
from vorlagen.core.befehlszeile import argument
from vorlagen.core.fmt import datum
from vorlagen.core.problems import Where
from vorlagen.load.mitzeichnung import ORDNER, Mitzeichnung, datei
from vorlagen.load.vorlagenordner import AUSSEN, SCHLEIFE
from vorlagen.render import plaintext, seitenbild
from vorlagen.render.druckbild import WEICH
from vorlagen.render.seitenbild import KOPF as SEITENBILD

GUELTIG, VERALTET, FEHLT, UNGUELTIG = "gültig", "veraltet", "fehlt", "ungültig"


@dataclass(frozen=True)
class Stand:
    """One role's sign-off as it stands now."""

    rolle: str
    zustand: str  # gültig | veraltet | fehlt
    erforderlich: bool
    mitzeichnung: Mitzeichnung | None = None
    datei: str | None = None  # ungültig because gezeichnet/<rolle>.txt is not read: FEHLT, AUSSEN or SCHLEIFE
    grund: str | None = None  # why the budget law asks this role, whatever the Hausstil says (§ 83 GO NRW)
    grund_where: Where | None = None  # the line that causes it (the Vorlage's „positionen“)
    beschlossen: dt.date | None = None  # the decision day, when only Haushalt figures staled a sign-off given before it

    @property
    def offen(self) -> bool:
        """It keeps the Vorlage an ENTWURF: required and not valid, or not verifiable (ungültig). A stale sign-off
        the Hausstil does not ask for only counts as not given."""
        return self.zustand == UNGUELTIG or (self.erforderlich and self.zustand != GUELTIG)


@dataclass
class Freigabe:
    text: str  # the normalised text a sign-off signs now (its fingerprint: siegel, with role, name and date)
    staende: list[Stand] = field(default_factory=list)
    druck: dict[str, str] = field(default_factory=dict)  # 'Vorlage', 'Anlage N' → the print HTML signed (unmarked)

    @property
    def offen(self) -> list[Stand]:
        return [s for s in self.staende if s.offen]

    @property
    def entwurf(self) -> bool:
        return bool(self.offen)

    def wer(self) -> str:
        """'Kämmerei (veraltet), Rechtsamt (fehlt)': who still has to sign."""
        return ", ".join(f"{s.rolle} ({s.zustand})" for s in self.offen)


def normalise(text: str) -> str:
    """The text as signed: NFC, without soft hyphens (they print nothing unless a line breaks there), each line's
    runs of white space as one space, at most one empty line in a row."""
    text = unicodedata.normalize("NFC", text).replace(WEICH, "")
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def fingerprint(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def siegel(rolle: str, name: str, datum: dt.date, text: str) -> str:
    """A sign-off's fingerprint: who (role, name), when, and the normalised text signed."""
    return fingerprint(f"Rolle: {rolle}\nName: {name}\nDatum: {datum.isoformat()}\n\n{normalise(text)}")


Seiten = Callable[[], dict[str, list[seitenbild.Bereich]]]  # the signed print's pages as set now (seitensatz.py)


def _zustand(
    m: Mitzeichnung, text: str, gezeichnet: str | None, unlesbar: str | None, jetzt: Seiten | None
) -> tuple[str, str | None]:
    """(state, why gezeichnet/ gives no text: FEHLT, AUSSEN or SCHLEIFE) of one recorded sign-off against the
    current text and, when the text is the same and the sign-off kept its pages, against the pages as set now."""
    if gezeichnet is None:
        return UNGUELTIG, unlesbar or FEHLT
    if siegel(m.rolle, m.name, m.datum, gezeichnet) != m.fingerabdruck:
        return UNGUELTIG, None
    signed, pages = seiten(normalise(gezeichnet))
    if signed != text and not _nur_text(signed, text):
        return VERALTET, None
    if pages and jetzt is not None and seitenbild.unterschiede(seitenbild.lesen(pages), jetzt()):
        return VERALTET, None  # same print, set differently here: another renderer or a system font
    return GUELTIG, None


def _nur_text(signed: str, text: str) -> bool:
    """A sign-off given before the Druckbild was kept (0.2) signed the text alone: it holds while the text is the
    same – nothing of its print was kept to compare, and the upgrade must not unsign a decided Vorlage."""
    return "\n" + DRUCKBILD + "\n" not in signed and normalise(teile(text)[0]) == signed


def freigabe(
    erforderlich: list[str],
    mitzeichnungen: list[Mitzeichnung],
    text: str,
    gezeichnet: dict[str, str | None],
    gruende: dict[str, tuple[str, Where | None]] | None = None,
    unlesbar: dict[str, str] | None = None,
    beschlossen: dt.date | None = None,
    stellen: tuple[str, ...] = (),
    druck: dict[str, str] | None = None,
    jetzt: Seiten | None = None,
) -> Freigabe:
    """The state of every required role and every recorded sign-off for the signed text `text`; `gezeichnet`
    holds per role the text kept in gezeichnet/ (None: missing or not read – `unlesbar` says why: AUSSEN,
    SCHLEIFE); `gruende`: per role the budget law's reason to ask it and the line that causes it; `beschlossen`:
    the day the Vorlage was decided (None while open); `stellen`: the Haushalt positions it prints (see
    nur_haushalt); `druck`: the print HTML of the Vorlage and its Markdown Anlagen as signed (without marks);
    `jetzt`: their pages as set now, asked only for a sign-off whose text and Druckbild still hold."""
    gruende, unlesbar = gruende or {}, unlesbar or {}
    jetzt = functools.cache(jetzt) if jetzt is not None else None
    text = normalise(text)
    result = Freigabe(text, druck=druck or {})
    given = {m.rolle: m for m in mitzeichnungen}
    for rolle in [*erforderlich, *(r for r in given if r not in erforderlich)]:
        m = given.get(rolle)
        zustand, datei_grund = (
            (FEHLT, None) if m is None else _zustand(m, text, gezeichnet.get(rolle), unlesbar.get(rolle), jetzt)
        )
        grund, where = gruende.get(rolle, (None, None))
        gebucht = (
            beschlossen
            if m is not None
            and beschlossen is not None
            and m.datum <= beschlossen
            and zustand == VERALTET
            and nur_haushalt(gezeichnet.get(rolle) or "", text, stellen)
            else None
        )
        result.staende.append(Stand(rolle, zustand, rolle in erforderlich, m, datei_grund, grund, where, gebucht))
    return result


def haushaltsstellen(haushalt: Auswirkungen | None) -> tuple[str, ...]:
    """The Haushalt positions a Vorlage prints (its lines and its Deckungen), for nur_haushalt."""
    if haushalt is None:
        return ()
    return tuple(sorted({z.position.konto for z in haushalt.zeilen} | {d.konto for d in haushalt.deckungen if d.konto}))


_ZAHL = re.compile(r"\d[\d.,]*")


def nur_haushalt(alt: str, neu: str, stellen: tuple[str, ...]) -> bool:
    """True when the signed and the current text differ only in figures, on lines that name one of `stellen` (the
    Haushalt positions a Vorlage prints): what the Kämmerei's `gebunden` changes, never a changed sentence. Of the
    Druckbild only the Vorlage's own print may differ (it holds those figures); every file it loads must be the same."""
    (alt_text, alt_bild), (neu_text, neu_bild) = teile(normalise(alt)), teile(normalise(neu))
    if {k: v for k, v in alt_bild.items() if k != "Vorlage"} != {k: v for k, v in neu_bild.items() if k != "Vorlage"}:
        return False
    a, b = alt_text.splitlines(), neu_text.splitlines()
    if len(a) != len(b):
        return False
    geaendert = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return bool(geaendert) and all(
        _ZAHL.sub("#", x) == _ZAHL.sub("#", y) and any(stelle in y for stelle in stellen) for x, y in geaendert
    )


_LINK = re.compile(r"<a\b[^>]*?\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)


def verweise(html: str) -> list[str]:
    """The target of every link in the HTML, once each, in order."""
    return list(dict.fromkeys(markup.unescape(m[1] if m[1] is not None else m[2]) for m in _LINK.finditer(html)))


DRUCKBILD = "Druckbild (SHA-256 der Druckfassungen und jeder Datei, die sie laden):"


def signed_text(html: str, anlagen: list, bild: dict[str, str]) -> str:
    """What a sign-off signs: the text rendition of the Vorlage's HTML and of each Anlage (a PDF by its hash), the
    targets of its links, and `bild`: the digests of what the print shows (druckbild.py) – 'Vorlage', 'Anlage N',
    each file loaded by its name."""
    parts, links = [plaintext.render(html)], verweise(html)
    for anlage in anlagen:
        if anlage.html is not None:
            parts += [f"Anlage {anlage.nummer}: {anlage.titel}", plaintext.render(anlage.html)]
            links += [link for link in verweise(anlage.html) if link not in links]
        elif anlage.pdf is not None:
            parts.append(
                f"Anlage {anlage.nummer}: {anlage.titel} (PDF-Datei, SHA-256 {hashlib.sha256(anlage.pdf).hexdigest()})"
            )
    if links:
        parts.append("Verweise:\n" + "\n".join(f"- {link}" for link in links))
    parts.append(DRUCKBILD + "\n" + "\n".join(f"- {was}: {wert}" for was, wert in bild.items()))
    return normalise("\n\n".join(parts))


def seiten(signed: str) -> tuple[str, str]:
    """A signed text split into what every build compares (text, Verweise, Druckbild) and its Seitenbild, the
    pages as laid out when it was signed (seitenbild.py; empty for a text signed before pages were recorded)."""
    text, _, bild = signed.partition("\n\n" + SEITENBILD + "\n")
    return (text + "\n" if bild else text), bild


def teile(signed: str) -> tuple[str, dict[str, str]]:
    """A signed text split into its text and its Druckbild (name → digest; empty for a text signed before)."""
    text, _, bild = seiten(signed)[0].partition("\n" + DRUCKBILD + "\n")
    zeilen = (line.removeprefix("- ").rpartition(": ") for line in bild.splitlines() if line.startswith("- "))
    return text, {was: wert for was, _, wert in zeilen}


_BODY = re.compile(r"<body\b[^>]*>")


def marked(html: str, marks: str) -> str:
    """The HTML with the ENTWURF marks first in its body (also in a Körperschaft's own templates)."""
    match = _BODY.search(html)
    return html if match is None else html[: match.end()] + "\n" + marks + html[match.end() :]


_UNGUELTIG = {  # why gezeichnet/<rolle>.txt gives no text → (reason, what to do)
    FEHLT: ("{text}, der gezeichnete Text, fehlt", "zeichnen Sie neu"),
    AUSSEN: (
        "{text}, der gezeichnete Text, liegt außerhalb des Datenordners (eine Verknüpfung zeigt hinaus) und wird "
        "nicht gelesen",
        "ersetzen Sie die Verknüpfung durch den Ordner und die Datei selbst oder zeichnen Sie neu",
    ),
    SCHLEIFE: (
        "{text}, der gezeichnete Text, ist eine Verknüpfung, die im Kreis verweist, und wird nicht gelesen",
        "ersetzen Sie die Verknüpfung durch die Datei selbst oder zeichnen Sie neu",
    ),
}


def was_tun(nummer: str, stand: Stand) -> str:
    """What a person does about an open sign-off, in German; `nummer` as `zeichnen` takes it (or the folder)."""
    zeichnen = f'vorlagen zeichnen {argument(nummer)} --rolle "{stand.rolle}" --name "…"'
    if stand.zustand == UNGUELTIG:
        m, text = stand.mitzeichnung, f"{ORDNER}/{datei(stand.rolle)}"
        assert m is not None  # an invalid sign-off is a recorded one
        warum, rat = _UNGUELTIG.get(
            stand.datei or "",
            (
                f"ihr Fingerabdruck passt nicht zu Rolle, Name, Datum und {text} – einer davon wurde nach dem "
                "Zeichnen von Hand geändert",
                "zeichnen Sie neu",
            ),
        )
        return (
            f"Die Mitzeichnung „{stand.rolle}“ ({m.name}, {datum(m.datum)}) ist ungültig: "
            f"{warum.format(text=text)}; {rat}: {zeichnen}"
        )
    if stand.zustand == VERALTET:
        m = stand.mitzeichnung
        assert m is not None  # a stale sign-off is a recorded one
        if stand.beschlossen is not None:
            return (
                f"Die Mitzeichnung „{stand.rolle}“ ({m.name}, {datum(m.datum)}) gilt nicht mehr, aber die Vorlage ist "
                f"am {datum(stand.beschlossen)} beschlossen: was sie druckt, hat sich seit dem Beschluss geändert "
                f"(was, zeigt „vorlagen freigabe {argument(nummer)}“). Ein beschlossenes Dokument wird nicht nachträglich neu "
                "gezeichnet – hat die Kämmerei nach dem Beschluss Mittel gebunden, setzen Sie „gebunden“ in "
                "haushalt/<jahr>.yaml auf den Stand des Beschlusses zurück, halten Sie ihn fest (vorlagen beschluss "
                f"{argument(nummer)}) und erhöhen Sie „gebunden“ erst dann – oder tragen Sie die Mittel unter „buchungen“ mit "
                "ihrem Tag ein; dann druckt die Vorlage wieder den Haushalt ihres Beschlusses und die Mitzeichnung gilt."
            )
        return (
            f"Die Mitzeichnung „{stand.rolle}“ ({m.name}, {datum(m.datum)}) gilt nicht mehr: die Vorlage hat sich "
            f"seitdem geändert – was, zeigt „vorlagen freigabe {argument(nummer)}“; neu zeichnen: {zeichnen}"
        )
    grund = f"{stand.grund}; " if stand.grund else ""
    return f"Die Mitzeichnung „{stand.rolle}“ fehlt – {grund}zeichnen: {zeichnen}"

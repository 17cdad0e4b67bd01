"""The bad-input corpus: each case breaks a copy of data/ one way and checks the exact messages.

A case is (id, edits, expected). Edits change files relative to the data folder; each expected line
is (file, line, message), where `line` is a number, a text to find in the edited file, or None.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hilfen import edit, line_of, run
from vorlagen import __version__

V = "vorlagen/2021-0123/vorlage.yaml"
KIM = "foerderprogramme/kim.yaml"
RECHNEN = (
    ": In Texten wird nicht gerechnet ({} im Ausdruck) – legen Sie die Zahl in vorlage.yaml unter „zahlen“ an, "
    "mit Formel, Einheit und Rundung (z. B. „- id: gebuehr“ und „formel: {}“), und zitieren Sie sie im Text mit "
    '{{{{ zahlen["gebuehr"] }}}}; Tausender und Millionen zeigen „| teur“ und „| mio“.'
)
RUNDET = (  # a text that rounds: no formula of + - * / gives its value, none is proposed
    ": In Texten wird nicht gerechnet ({} im Ausdruck) – legen Sie die Zahl in vorlage.yaml unter „zahlen“ an, "
    'mit Formel, Einheit und Rundung (z. B. „- id: gebuehr“), und zitieren Sie sie im Text mit {{{{ zahlen["gebuehr"] '
    "}}}}; Tausender und Millionen zeigen „| teur“ und „| mio“."
)
KGST = "kostensaetze/kgst-2020.yaml"
ASI = "sitzungen/ASI-2021-06-10.yaml"
M2 = "bescheide/2021-02-03-kim-modul-2.yaml"
TEXT = "vorlagen/2021-0123/vorbemerkungen.md"
QUOTE = "setzen Sie den Text in Anführungszeichen"
N = "sitzungen/ASI-2021-06-10/niederschrift.yaml"
STELLEN = "stellen/kim-nrw-2024-01.yaml"
VOTE = "{ja: 14, nein: 0, enthaltung: 2, ergebnis: angenommen}"
NICHT_ERLAUBT = (
    ": {} ist in Texten nicht erlaubt – dort stehen nur Namen, ihre Felder und die Filter eur, eur_cent, teur, mio, "
    "mrd, zahl, vzae, prozent, datum, datum_lang, monat, monate; eine berechnete Zahl legen Sie unter „zahlen“ an, "
    "alle Namen mit Werten zeigt „vorlagen zahlen NUMMER“."
)
OHNE_FORMEL = (
    ": In Texten wird nicht gerechnet ({} im Ausdruck) – legen Sie die Zahl in vorlage.yaml unter „zahlen“ an, "
    "mit Formel, Einheit und Rundung (z. B. „- id: gebuehr“), und zitieren Sie sie im Text mit "
    '{{{{ zahlen["gebuehr"] }}}}; Tausender und Millionen zeigen „| teur“ und „| mio“.'
)
GRENZE = "überschreitet eine Grenze ({}) – so viel braucht kein Text; prüfen Sie den Ausdruck."
MILLION = "Text oder Liste mit mehr als 1 Million Zeichen"
MINIMAL = (
    'beginn: "15:00 Uhr"\nende: "16:00 Uhr"\nvorsitz: A\nschriftfuehrung: B\nanwesend: {mitglieder: []}\npunkte: []\n'
)


@dataclass
class Replace:
    file: str
    old: str
    new: str

    def apply(self, data: Path):
        edit(data / self.file, self.old, self.new)


@dataclass
class Write:
    file: str
    content: str | bytes

    def apply(self, data: Path):
        path = data / self.file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(self.content, bytes):
            path.write_bytes(self.content)
        else:
            path.write_text(self.content, encoding="utf-8")


@dataclass
class Symlink:
    file: str
    target: str  # relative to the folder above the data folder

    def apply(self, data: Path):
        (data / self.file).symlink_to(data.parent / self.target)


@dataclass
class CopyVorlage:
    folder: str

    def apply(self, data: Path):
        shutil.copytree(data / "vorlagen" / "2021-0123", data / "vorlagen" / self.folder)


def _pdf(pages: int = 1, password: str | None = None) -> bytes:
    import io

    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF_ANLAGE = Replace(V, "anlagen:\n", "anlagen:\n  - {titel: Antrag, datei: anlagen/antrag.pdf}\n")

CASES = [
    # --- YAML traps that would silently change meaning ---------------------------------------
    (
        "doppelter-schluessel",
        [Replace("koerperschaft.yaml", "anschrift:", "name: Kreis Siegburg\nanschrift:")],
        [
            (
                "koerperschaft.yaml",
                "Kreis Siegburg",
                "Der Schlüssel „name“ steht doppelt (zuerst in Zeile 2) – YAML würde "
                "den ersten Wert stillschweigend verwerfen; löschen Sie einen der beiden Einträge.",
            )
        ],
    ),
    (
        "tausenderpunkt-foerdersatz",
        [Replace(KIM, "koordination: {betrag: 55000,", "koordination: {betrag: 55.000,")],
        [
            (
                KIM,
                "55.000",
                "„betrag“: „55.000“ lässt sich zweifach lesen: mit Tausenderpunkt als 55000\u00a0€, mit "
                "Dezimalpunkt als 55\u00a0€; gemeint ist nur eines – schreiben Sie 55000, wenn der Punkt ein "
                "Tausenderpunkt ist, oder 55, wenn er ein Dezimalpunkt ist.",
            )
        ],
    ),
    (
        "tausenderpunkt-kostensatz",
        [Replace(KGST, "E11: 106540", "E11: 106.540")],
        [
            (
                KGST,
                "E11: 106.540",
                "„E11“: „106.540“ lässt sich zweifach lesen: mit Tausenderpunkt als 106540\u00a0€, mit "
                "Dezimalpunkt als 106,54\u00a0€; gemeint ist nur eines – schreiben Sie 106540, wenn der Punkt ein "
                "Tausenderpunkt ist, oder 106.54, wenn er ein Dezimalpunkt ist.",
            )
        ],
    ),
    (
        "tausenderpunkte-erwartet",
        [Replace(V, "eigenanteil: 158644", "eigenanteil: 1.158.644")],
        [
            (
                V,
                "1.158.644",
                "„eigenanteil“: „1.158.644“ hat Tausendertrennzeichen; Zahlen der Datendateien stehen ohne sie "
                "und mit Dezimalpunkt – schreiben Sie 1158644.",
            )
        ],
    ),
    (
        "betrag-drei-nachkommastellen",
        [Replace(M2, "betrag: 605000", "betrag: 605000.125")],
        [(M2, "betrag", "„betrag“: Ein Betrag hat höchstens zwei Nachkommastellen (Cent), nicht „605000.125“.")],
    ),
    (
        "dezimalkomma",
        [Replace(V, "{anzahl: 3.5, saetze: [kgst-2020/E11]}", "{anzahl: '3,5', saetze: [kgst-2020/E11]}")],
        [
            (
                V,
                "'3,5'",
                "„anzahl“: „3,5“ hat ein Dezimalkomma; Zahlen der Datendateien haben einen Dezimalpunkt – schreiben Sie 3.5.",
            )
        ],
    ),
    (
        "exponent-statt-betrag",
        [Replace(M2, "betrag: 605000", "betrag: 6.05e5")],
        [
            (
                M2,
                "betrag",
                "„betrag“: „6.05e5“ ist keine Zahl – schreiben Sie Zahlen ohne Tausenderpunkt und mit "
                "Dezimalpunkt, z. B. 55000 oder 3.5.",
            )
        ],
    ),
    (
        "unendlich",
        [Replace(KGST, "E5: 73780", "E5: .inf")],
        [
            (
                KGST,
                "E5",
                "„E5“: „.inf“ ist keine Zahl – schreiben Sie Zahlen ohne Tausenderpunkt und mit Dezimalpunkt, "
                "z. B. 55000 oder 3.5.",
            )
        ],
    ),
    (
        "fuehrende-null-zahl",
        [Replace(V, "{anzahl: 7, saetze: [kgst-2020/S12]}", "{anzahl: 07, saetze: [kgst-2020/S12]}")],
        [
            (
                V,
                "anzahl: 07",
                "„anzahl“: „07“ hat eine führende Null, die YAML-Programme unterschiedlich lesen – schreiben Sie 7.",
            )
        ],
    ),
    (
        "fuehrende-null-text",
        [Replace(M2, "behoerde:", "aktenzeichen: 01234\nbehoerde:")],
        [
            (
                M2,
                "01234",
                f'„aktenzeichen“: Bei „01234“ ginge die führende Null verloren – {QUOTE}: „aktenzeichen: "01234"“.',
            )
        ],
    ),
    (
        "ja-nein-als-text",
        [Replace(ASI, "ort: Kreishaus Siegburg, Großer Sitzungssaal", "ort: no")],
        [
            (
                ASI,
                "ort",
                "„ort“: „no“ lesen viele YAML-Programme als ja/nein, nicht als Text – setzen Sie Text in "
                'Anführungszeichen: „ort: "no"“.',
            )
        ],
    ),
    (
        "on-als-kommune",
        [Replace("koerperschaft.yaml", "  - Alfter\n", "  - Alfter\n  - On\n")],
        [
            (
                "koerperschaft.yaml",
                "- On",
                "„kommunen“: „On“ lesen viele YAML-Programme als ja/nein, nicht als Text – "
                'setzen Sie Text in Anführungszeichen: „kommunen: "On"“.',
            )
        ],
    ),
    (
        "uhrzeit-basis-60",
        [Replace(ASI, 'beginn: "15:00 Uhr"', "beginn: 15:00")],
        [
            (
                ASI,
                "beginn",
                f"„beginn“: „15:00“ lesen viele YAML-Programme als Zahl zur Basis 60 (Uhrzeit-Falle) – "
                f'{QUOTE}: „beginn: "15:00"“.',
            )
        ],
    ),
    (
        "datum-als-freitext",
        [Replace(ASI, "datum: 2021-06-10", "datum: 10. Juni 2021")],
        [(ASI, "datum", "„datum“: „10. Juni 2021“ ist kein Datum – schreiben Sie z. B. 2021-06-10 oder 10.06.2021.")],
    ),
    (
        "unmoegliches-datum",
        [Replace(ASI, "datum: 2021-06-10", "datum: 31.02.2021")],
        [(ASI, "datum", "„datum“: Den 31.02.2021 gibt es nicht im Kalender – prüfen Sie Tag und Monat.")],
    ),
    (
        "zeitraum-verkehrt",
        [Replace(M2, "zeitraum: {von: 2021-01-01, bis: 2021-12-31}", "zeitraum: {von: 2021-12-31, bis: 2021-01-01}")],
        [
            (
                M2,
                "zeitraum",
                "Der Zeitraum endet (01.01.2021) vor seinem Beginn (31.12.2021) – tauschen Sie „von“ und „bis“.",
            )
        ],
    ),
    (
        "tabulator",
        [Write(ASI, "gremium: ASI\ndatum: 2021-06-10\nort:\n\tKreishaus\n")],
        [
            (
                ASI,
                4,
                "Tabulatorzeichen zum Einrücken – YAML erlaubt nur Leerzeichen; ersetzen Sie die Tabs durch Leerzeichen.",
            )
        ],
    ),
    (
        "nicht-utf8",
        [Write(ASI, "gremium: ASI\ndatum: 2021-06-10\nort: Gro\xdfer Saal\n".encode("latin-1"))],
        [
            (
                ASI,
                3,
                "Die Datei ist nicht als UTF-8 gespeichert, sondern vermutlich als Windows-1252 (ANSI) – speichern Sie "
                "sie im Editor mit der Kodierung „UTF-8“.",
            )
        ],
    ),
    (
        "leere-datei",
        [Write(ASI, "# nur ein Kommentar\n")],
        [(ASI, None, "Die Datei ist leer – tragen Sie die Angaben ein oder löschen Sie die Datei.")],
    ),
    (
        "liste-statt-abschnitt",
        [Write(ASI, "- gremium: ASI\n- datum: 2021-06-10\n")],
        [(ASI, 1, "„ASI-2021-06-10.yaml“ muss ein Abschnitt mit Einträgen der Form `schlüssel: wert` sein.")],
    ),
    (
        "wahrheitswert",
        [Replace(V, "oeffentlich: true", "oeffentlich: öffentlich")],
        [(V, "oeffentlich", "„oeffentlich“: „öffentlich“ ist weder ja noch nein – schreiben Sie true oder false.")],
    ),
    (
        "text-statt-liste",
        [Replace(V, "abschnitte:\n  - vorbemerkungen.md\n  - erlaeuterungen.md", "abschnitte: vorbemerkungen.md")],
        [(V, "abschnitte", "„abschnitte“ muss eine Liste sein (Einträge mit „- “ am Zeilenanfang).")],
    ),
    (
        "liste-statt-text",
        [Replace(V, "federfuehrend: KI", 'federfuehrend: [KI, "20"]')],
        [(V, "federfuehrend", "„federfuehrend“ muss ein einzelner Wert sein, keine Liste und kein Abschnitt.")],
    ),
    # a Python tag is neither resolved nor constructed: the list after it is only a list
    (
        "python-tag",
        [Replace(V, "federfuehrend: KI", 'federfuehrend: !!python/object/apply:os.system ["touch gehackt"]')],
        [(V, "federfuehrend", "„federfuehrend“ muss ein einzelner Wert sein, keine Liste und kein Abschnitt.")],
    ),
    (
        "unbekannte-rolle",
        [Replace(V, "rolle: Entscheidung", "rolle: Beschluss")],
        [
            (
                V,
                "Beschluss}",
                "„rolle“: „Beschluss“ steht nicht in der Liste „hausstil: rollen“ der Körperschaft – möglich "
                "sind: Vorberatung, Entscheidung, Kenntnisnahme, Beratung, Anhörung. Für ein eigenes Wort legen Sie die Liste "
                "„rollen:“ unter „hausstil:“ in koerperschaft.yaml an – sie ersetzt die Standardwörter; übernehmen Sie die, "
                "die Sie weiter brauchen.",
            )
        ],
    ),
    (
        "yml-endung",
        [Write("sitzungen/KT-2021-07-01.yml", "gremium: KT\ndatum: 2021-07-01\n")],
        [("sitzungen/KT-2021-07-01.yml", None, "Dateien enden auf .yaml, nicht .yml – benennen Sie die Datei um.")],
    ),
    (
        "farbe-ohne-raute",
        [Replace("koerperschaft.yaml", 'akzentfarbe: "#00599c"', "akzentfarbe: blau")],
        [
            (
                "koerperschaft.yaml",
                "akzentfarbe",
                '„blau“ ist keine Farbe – schreiben Sie sie als #rrggbb in Anführungszeichen, z. B. "#1f4e79".',
            )
        ],
    ),
    (
        "oparl-adresse-ohne-schema",
        [
            Replace(
                "koerperschaft.yaml",
                "basis_url: https://ratsinfo.rhein-sieg-kreis.de/vorlagen/",
                "basis_url: ratsinfo.rhein-sieg-kreis.de/vorlagen",
            )
        ],
        [
            (
                "koerperschaft.yaml",
                "basis_url",
                "„ratsinfo.rhein-sieg-kreis.de/vorlagen“ ist keine Webadresse – schreiben "
                "Sie sie vollständig mit http:// oder https://, z. B. https://ratsinfo.example.de/vorlagen/.",
            )
        ],
    ),
    (
        "oparl-seitengroesse-null",
        [Replace("koerperschaft.yaml", "seitengroesse: 100", "seitengroesse: 0")],
        [
            (
                "koerperschaft.yaml",
                "seitengroesse",
                "Eine Listenseite muss mindestens ein Objekt fassen, nicht 0 – geben Sie z. B. 100 an.",
            )
        ],
    ),
    (
        "wahlperiode-vertauscht",
        [Replace("koerperschaft.yaml", "von: 2020-11-01, bis: 2025-10-31", "von: 2025-10-31, bis: 2020-11-01")],
        [
            (
                "koerperschaft.yaml",
                "2020–2025",
                "Die Wahlperiode endet (01.11.2020) vor ihrem Beginn (31.10.2025) – tauschen Sie „von“ und „bis“.",
            )
        ],
    ),
    (
        "leerer-wert",
        [
            Replace(
                V,
                "betreff: Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022",
                "betreff:",
            )
        ],
        [(V, "betreff", "„betreff“ ist leer – tragen Sie einen Wert ein.")],
    ),
    # --- references and consistency ---------------------------------------------------------
    (
        "unbekannte-berechnung",
        [Replace(V, "berechnung: m2-case-management", "berechnung: m2-casemanagement")],
        [
            (
                V,
                "m2-casemanagement",
                "Unbekannte Berechnung „m2-casemanagement“ – meinten Sie „m2-case-management“? "
                "Nennen Sie eine Berechnung aus „finanzierung“.",
            )
        ],
    ),
    (
        "doppelte-nummer",
        [CopyVorlage("2021-0124")],
        [
            (
                "vorlagen/2021-0124/vorlage.yaml",
                1,
                "Die Nummer „2021/0123“ hat schon data/vorlagen/2021-0123/vorlage.yaml:1 – "
                "jede Vorlage braucht eine eigene Nummer.",
            )
        ],
    ),
    (
        "gleicher-ausgabepfad",
        [
            CopyVorlage("2021-0123-b"),
            Replace("vorlagen/2021-0123-b/vorlage.yaml", 'nummer: "2021/0123"', 'nummer: "2021-0123"'),
        ],
        [
            (
                "vorlagen/2021-0123-b/vorlage.yaml",
                1,
                "Die Nummern „2021-0123“ und „2021/0123“ "
                "(data/vorlagen/2021-0123/vorlage.yaml:1) ergäben dieselben Ausgabedateien 2021-0123.pdf – vergeben Sie "
                "unterscheidbare Nummern.",
            )
        ],
    ),
    (
        "beratungsfolge-rueckwaerts",
        [
            Replace(
                V,
                "  - {sitzung: ASI-2021-06-10, rolle: Vorberatung}\n  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
                "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}\n  - {sitzung: ASI-2021-06-10, rolle: Entscheidung}",
            )
        ],
        [
            (
                V,
                "sitzung: ASI",
                "Die Beratungsfolge ist nicht nach Datum geordnet: „ASI-2021-06-10“ (10.06.2021) steht nach "
                "„KA-2021-06-21“ (21.06.2021) – ordnen Sie die Sitzungen nach ihrem Datum.",
            )
        ],
    ),
    (
        "satz-ausserhalb-der-gueltigkeit",
        [Replace(KGST, "gueltig: {von: 2020-01-01, bis: 2022-12-31}", "gueltig: {von: 2020-01-01, bis: 2021-12-31}")],
        [
            (
                V,
                line,
                f"Der Satz „kgst-2020/{satz}“ gilt nur vom 01.01.2020 bis 31.12.2021, die Berechnung „{table}“ reicht vom "
                "01.12.2021 bis 31.12.2022 – wählen Sie Sätze, die für den Zeitraum gelten.",
            )
            for line, satz, table in [
                ("[kgst-2020/E11]", "E11", "m1-steuerung"),
                ("[kgst-2020/E5]", "E5", "m1-assistenz"),
                ("[kgst-2020/S12]", "S12", "m2-case-management"),
                ("anteil: 0.75, saetze: [kgst-2020/E9a]", "E9a", "m3-berechnung-1"),
                ("{anzahl: 3, saetze: [kgst-2020/E9a]}", "E9a", "m3-berechnung-2"),
            ]
        ],
    ),
    (
        "anlage-fehlt",
        [Replace(V, "datei: anlagen/handlungskonzept.md", "datei: anlagen/konzept.md")],
        [
            (
                V,
                "konzept.md",
                "Die Datei „anlagen/konzept.md“ gibt es nicht im Ordner data/vorlagen/2021-0123 – prüfen Sie "
                "den Namen.",
            )
        ],
    ),
    (
        "anlage-word",
        [Replace(V, "datei: anlagen/handlungskonzept.md", "datei: anlagen/konzept.docx")],
        [(V, "konzept.docx", "Anlagen sind Markdown (.md) oder PDF (.pdf), nicht „anlagen/konzept.docx“.")],
    ),
    (
        "anlage-keine-pdf",
        [
            Write("vorlagen/2021-0123/anlagen/antrag.pdf", "Das ist Text, kein PDF."),
            Replace(V, "datei: anlagen/handlungskonzept.md", "datei: anlagen/antrag.pdf"),
        ],
        [(V, "antrag.pdf", "„anlagen/antrag.pdf“ ist keine PDF-Datei – speichern Sie die Anlage als PDF.")],
    ),
    (
        "ordner-ohne-vorlage",
        [Write("vorlagen/2021-0200/text.md", "# Entwurf\n")],
        [("vorlagen/2021-0200", None, "In diesem Vorlagenordner fehlt die Datei vorlage.yaml.")],
    ),
    (
        "doppelte-berechnung",
        [Replace(V, "  - id: m1-assistenz", "  - id: m1-steuerung")],
        [
            (
                V,
                "finanzierung:",
                "Die Kennung „m1-steuerung“ steht in „finanzierung“ doppelt – vergeben Sie eindeutige Namen.",
            )
        ],
    ),
    (
        "beschlussvorlage-ohne-vorschlag",
        [Replace(V, "beschlussvorschlag: beschlussvorschlag.md\n", "")],
        [(V, "art:", "Eine Beschlussvorlage braucht „beschlussvorschlag“ (eine Markdown-Datei) – ergänzen Sie ihn.")],
    ),
    (
        "mitteilung-mit-vorschlag",
        [Replace(V, "art: Beschlussvorlage", "art: Mitteilungsvorlage")],
        [
            (
                V,
                "beschlussvorschlag:",
                "Eine Mitteilungsvorlage hat keinen Beschlussvorschlag – entfernen Sie ihn oder "
                "wählen Sie „art: Beschlussvorlage“.",
            )
        ],
    ),
    (
        "raten-ungleich-eins",
        [
            Replace(
                M2,
                "anteil: 1/2}\n  - {faellig: 2021-07-01, anteil: 1/2}",
                "anteil: 1/2}\n  - {faellig: 2021-07-01, anteil: 1/3}",
            )
        ],
        [(M2, "raten", "Die Anteile der Raten ergeben 5/6 statt 1 – prüfen Sie die Anteile.")],
    ),
    (
        "verteilung-doppelt-angegeben",
        [Replace(V, "berechnung: m2-case-management", "berechnung: m2-case-management\n    vzae: 7")],
        [(V, "werte:", "Geben Sie genau eines an: „berechnung“ (Stellenzahl daraus) oder „vzae“.")],
    ),
    (
        "hinweis-ohne-eintrag",
        [Replace(V, "Troisdorf: eigene Stelle", "Troisdorff: eigene Stelle")],
        [
            (
                V,
                "Troisdorff",
                "Der Hinweis zu „Troisdorff“ gehört zu keinem Eintrag unter „werte“ – prüfen Sie die Schreibweise.",
            )
        ],
    ),
    # --- hostile or careless prose and paths --------------------------------------------------
    (
        "pfad-nach-oben",
        [Replace(V, "  - vorbemerkungen.md", "  - ../../../README.md")],
        [
            (
                V,
                "abschnitte:",
                "„../../../README.md“ liegt außerhalb des Datenordners – legen Sie die Datei in den Ordner "
                "der Vorlage.",
            )
        ],
    ),
    (
        "absoluter-pfad",
        [Replace(V, "  - vorbemerkungen.md", "  - /etc/passwd")],
        [
            (
                V,
                "abschnitte:",
                "„/etc/passwd“: Geben Sie Dateien relativ zum Ordner der Vorlage an, ohne / oder Laufwerk am Anfang.",
            )
        ],
    ),
    (
        "windows-pfad",
        [Replace(V, "  - vorbemerkungen.md", "  - C:\\Daten\\text.md")],
        [
            (
                V,
                "abschnitte:",
                "„C:\\Daten\\text.md“: Geben Sie Dateien relativ zum Ordner der Vorlage an, ohne / oder "
                "Laufwerk am Anfang.",
            )
        ],
    ),
    (
        "symlink-nach-aussen",
        [
            Write("../geheim.md", "GEHEIM\n"),
            Symlink("vorlagen/2021-0123/link.md", "geheim.md"),
            Replace(V, "  - vorbemerkungen.md", "  - link.md"),
        ],
        [
            (
                V,
                "abschnitte:",
                "„link.md“ liegt außerhalb des Datenordners – legen Sie die Datei in den Ordner der Vorlage.",
            )
        ],
    ),
    (
        "bild-absolut",
        [Write(TEXT, "# Titel\n\n![Passwort](/etc/passwd)\n")],
        [
            (
                TEXT,
                3,
                "Bild „/etc/passwd“: Bilder müssen als Datei im Ordner der Vorlage liegen und relativ angegeben "
                "werden, z. B. bilder/grafik.png.",
            )
        ],
    ),
    (
        "bild-aus-dem-netz",
        [Write(TEXT, "Text\n\n![Zähler](https://tracker.example/pixel.png)\n")],
        [
            (
                TEXT,
                3,
                "Bild „https://tracker.example/pixel.png“: Bilder müssen als Datei im Ordner der Vorlage liegen und "
                "relativ angegeben werden, z. B. bilder/grafik.png.",
            )
        ],
    ),
    (
        "javascript-link",
        [Write(TEXT, "[Klick](javascript:alert(1))\n")],
        [(TEXT, 1, "Verweis „javascript:alert(1)“ ist nicht erlaubt: erlaubt sind https:, http: und mailto:.")],
    ),
    (
        "file-link",
        [Write(TEXT, "Siehe [Akte](file:///srv/akten/geheim.pdf).\n")],
        [
            (
                TEXT,
                1,
                "Verweis „file:///srv/akten/geheim.pdf“ ist nicht erlaubt: erlaubt sind https:, http: und mailto:.",
            )
        ],
    ),
    (
        "anweisung-im-text",
        [Write(TEXT, "Text\n{% for x in range(10**9) %}x{% endfor %}\n")],
        [
            (
                TEXT,
                2,
                "„{% for x in range(10**9) %}“: In Texten sind nur Ausdrücke in {{ … }} erlaubt, keine Anweisungen "
                "{% … %} oder Kommentare {# … #} – entfernen Sie sie.",
            ),
            (
                TEXT,
                2,
                "„{% endfor %}“: In Texten sind nur Ausdrücke in {{ … }} erlaubt, keine Anweisungen {% … %} oder "
                "Kommentare {# … #} – entfernen Sie sie.",
            ),
        ],
    ),
    (
        "sandbox",
        [Write(TEXT, "{{ koerperschaft.__init__.__globals__ }}\n")],
        [(TEXT, 1, "{{ koerperschaft.__init__.__globals__ }} greift auf Interna zu; das ist in Texten nicht erlaubt.")],
    ),
    (
        "ausdruck-kaputt",
        [Write(TEXT, 'Betrag: {{ finanzierung["m1-steuerung"].eigenanteil | eur \n\nmehr }}\n')],
        [
            (
                TEXT,
                1,
                '{{ finanzierung["m1-steuerung"].eigenanteil | eur \n\nmehr }} ist kein gültiger Ausdruck – '
                "prüfen Sie Klammern und Anführungszeichen; ein Ausdruck ist ein Name mit Filtern, z. B. "
                '{{ zahlen["gebuehr"] }} oder {{ vorlage.datum | datum }}.',
            )
        ],
    ),
    (
        "datum-ohne-format",
        [Write(TEXT, "Stand: {{ vorlage.datum }}\n")],
        [(TEXT, 1, "{{ vorlage.datum }} ergibt ein Datum ohne Format – hängen Sie „| datum“ oder „| datum_lang“ an.")],
    ),
    (
        "gruppe-statt-wert",
        [Write(TEXT, 'Stand: {{ finanzierung["m1-steuerung"] }}\n')],
        [
            (
                TEXT,
                1,
                '{{ finanzierung["m1-steuerung"] }} ergibt keinen Text, sondern eine ganze Gruppe von Werten – '
                "wählen Sie einen einzelnen Wert, z. B. „.eigenanteil | eur“.",
            )
        ],
    ),
    (
        "unbekannter-bescheid-im-text",
        [Write(TEXT, '{{ bescheide["2021-01-15-kim-modul-3"].betrag | eur }}\n')],
        [
            (
                TEXT,
                1,
                '{{ bescheide["2021-01-15-kim-modul-3"].betrag | eur }}: „2021-01-15-kim-modul-3“ gibt es nicht in '
                "den Bescheiden dieser Vorlage (Liste „bescheide“ in vorlage.yaml) – meinten Sie „2021-02-22-kim-modul-1“? Vorhanden: 2021-02-03-kim-modul-2, "
                "2021-02-22-kim-modul-1.",
            )
        ],
    ),
    # --- vorlagen.toml at the root of the data repository ---------------------------------------
    (
        "einstellung-version-passt-nicht",
        [Write("../vorlagen.toml", 'version = "9.1"\n')],
        [
            (
                "../vorlagen.toml",
                1,
                f"Dieses Datenrepository verlangt vorlagen 9.1, installiert ist {__version__} – "
                "installieren Sie eine passende Version oder passen Sie „version“ in vorlagen.toml an.",
            )
        ],
    ),
    (
        "einstellung-unbekannt",
        [Write("../vorlagen.toml", '# Einstellungen\nversoin = "0.2"\n')],
        [
            (
                "../vorlagen.toml",
                2,
                "Unbekannte Einstellung „versoin“ – meinten Sie „version“? Erlaubt sind: „version“ "
                "(welche Programmversion dieses Repository erwartet), „daten“ (der Datenordner), „ausgabe“ (der "
                "Ausgabeordner).",
            )
        ],
    ),
    (
        "einstellung-yaml-statt-toml",
        [Write("../vorlagen.toml", 'version: "0.2"\n')],
        [
            (
                "../vorlagen.toml",
                1,
                "Die Einstellungsdatei ist kein gültiges TOML – schreiben Sie jede Einstellung als "
                'name = "wert" in eine eigene Zeile.',
            )
        ],
    ),
    (
        "einstellung-zahl-statt-text",
        [Write("../vorlagen.toml", "version = 0.2\n")],
        [("../vorlagen.toml", 1, '„version“ muss ein Text in Anführungszeichen sein, z. B. version = "0.3".')],
    ),
    (
        "monatsmitte",
        [
            Replace(
                V,
                "    titel: Verwaltungsassistenz im KI\n    zeitraum: {von: 2021-12-01",
                "    titel: Verwaltungsassistenz im KI\n    zeitraum: {von: 2021-12-15",
            )
        ],
        [
            (
                V,
                "von: 2021-12-15",
                "Der Zeitraum 15.12.2021–31.12.2022 umfasst keine ganzen Monate – beginnen Sie am "
                "Monatsersten und enden Sie am Monatsletzten, oder setzen Sie „tagesgenau: true“.",
            )
        ],
    ),
    (
        "bescheid-monatsmitte",
        [Replace(M2, "zeitraum: {von: 2021-01-01", "zeitraum: {von: 2021-01-15")],
        [
            (
                M2,
                "zeitraum",
                "Bescheid „2021-02-03-kim-modul-2“: Der Zeitraum 15.01.2021–31.12.2021 umfasst keine ganzen "
                "Monate – beginnen Sie am Monatsersten und enden Sie am Monatsletzten, oder setzen Sie „tagesgenau: true“.",
            )
        ],
    ),
    (
        "anzahl-negativ",
        [Replace(V, "{anzahl: 7, saetze: [kgst-2020/S12]}", "{anzahl: -7, saetze: [kgst-2020/S12]}")],
        [
            (
                V,
                "anzahl: -7",
                "Die Anzahl ist negativ (\u22127) – Abzüge stehen unter „abzuege“; schreiben Sie die Anzahl "
                "ohne Minus.",
            )
        ],
    ),
    (
        "anzahl-summe-kaputt",
        [Replace(V, "{anzahl: 7, saetze: [kgst-2020/S12]}", "{anzahl: 6 + x, saetze: [kgst-2020/S12]}")],
        [
            (
                V,
                "6 + x",
                "„anzahl“: „6 + x“ ist weder eine Zahl noch eine Summe von Zahlen – schreiben Sie z. B. 9 oder "
                '"6 + 3".',
            )
        ],
    ),
    (
        "eigenanteil-negativ",
        [Replace(V, "{anzahl: 3.5, saetze: [kgst-2020/E11]}", "{anzahl: 1, saetze: [kgst-2020/E11]}")],
        [
            (
                V,
                "abzuege:",
                "Berechnung „m1-steuerung“: Der Eigenanteil ist negativ (\u2212129.901\u00a0€), die Abzüge "
                "übersteigen die Gesamtkosten – prüfen Sie Anzahlen und Sätze; ist ein Überschuss gewollt, setzen Sie "
                "„negativ: true“.",
            ),
            (
                V,
                "eigenanteil: 158644",
                "Berechnung „m1-steuerung“, Eigenanteil: berechnet \u2212129.901\u00a0€, erwartet "
                "158.644\u00a0€, Differenz \u2212288.545\u00a0€ – prüfen Sie den erwarteten Wert und die Eingangswerte.",
            ),
        ],
    ),
    (
        "rate-ohne-faelligkeit",
        [Replace(M2, "- {faellig: 2021-02-15, anteil: 1/2}", "- {anteil: 1/2}")],
        [(M2, "- {anteil: 1/2}", "Eine Rate braucht „faellig“ (Datum) oder „name“ – ergänzen Sie eins davon.")],
    ),
    (
        "unbekannte-tabellenart",
        [
            Replace(
                V,
                "    titel: Strategische Steuerung im KI\n",
                "    art: Eigenanteile\n    titel: Strategische Steuerung im KI\n",
            )
        ],
        [
            (
                V,
                "art: Eigenanteile",
                "„art“: „Eigenanteile“ ist nicht vorgesehen – meinten Sie „Eigenanteil“? Möglich sind: "
                "Eigenanteil, Aufstellung, Finanzierungsplan, Vergleich, Matrix.",
            )
        ],
    ),
    (
        "unbekannte-einheit",
        [Replace(KIM, "koordination: {betrag: 55000,", "koordination: {betrag: 55000, einheit: Woche,")],
        [
            (
                KIM,
                "einheit: Woche",
                "„einheit“: „Woche“ ist nicht vorgesehen. Möglich sind: Jahr, Monat, Tag, Stück, einmalig.",
            )
        ],
    ),
    (
        "satz-negativ",
        [Replace(KIM, "koordination: {betrag: 55000,", "koordination: {betrag: -55000,")],
        [
            (
                KIM,
                "betrag: -55000",
                "Der Satz „Personalkosten je Koordinationsstelle (VZÄ)“ ist negativ (\u221255.000) – "
                "Sätze schreiben Sie ohne Minus.",
            )
        ],
    ),
    (
        "kostensatz-negativ",
        [Replace(KGST, "E5: 73780", "E5: -73780")],
        [(KGST, "E5: -73780", "Der Satz „E5“ ist negativ (\u221273.780) – Sätze schreiben Sie ohne Minus.")],
    ),
    (
        "zeile-gibt-es-nicht",
        [Write(TEXT, '{{ finanzierung["m1-steuerung"].zeilen[5].betrag | eur }}\n')],
        [
            (
                TEXT,
                1,
                '{{ finanzierung["m1-steuerung"].zeilen[5].betrag | eur }}: „[5]“: Zeilen heißen nach ihrer id '
                "oder Bezeichnung, nicht nach ihrer Stelle. Vorhanden: Gesamtkosten, KIM-Förderung.",
            )
        ],
    ),
    # --- second hardening round (issue 9) ------------------------------------------------------
    (
        "pfad-in-andere-vorlage",
        [Replace(V, "  - vorbemerkungen.md", "  - ../2021-0130/sachstand.md")],
        [
            (
                V,
                "abschnitte:",
                "„../2021-0130/sachstand.md“ liegt im Ordner einer anderen Vorlage (2021-0130) – legen Sie "
                "gemeinsame Texte außerhalb von vorlagen/ ab, z. B. unter textbausteine/.",
            )
        ],
    ),
    (
        "anlage-in-andere-vorlage",
        [
            Write("vorlagen/2021-0130/geheim.md", "# Geheim\n"),
            Replace(V, "datei: anlagen/handlungskonzept.md", "datei: ../2021-0130/geheim.md"),
        ],
        [
            (
                V,
                "../2021-0130/geheim.md",
                "„../2021-0130/geheim.md“ liegt im Ordner einer anderen Vorlage (2021-0130) – "
                "legen Sie gemeinsame Texte außerhalb von vorlagen/ ab, z. B. unter textbausteine/.",
            )
        ],
    ),
    (
        "anzahl-33-stellen",
        [
            Replace(
                V,
                "{anzahl: 3.5, saetze: [kgst-2020/E11]}",
                "{anzahl: 123456789012345678901234567890123, saetze: [kgst-2020/E11]}",
            )
        ],
        [
            (
                V,
                "123456789012345678901234567890123",
                "„anzahl“: „123456789012345678901234567890123“ ist unplausibel groß – "
                "Zahlen haben hier höchstens zwölf Stellen vor dem Komma; prüfen Sie den Wert.",
            )
        ],
    ),
    (
        "kosten-leer",
        [Replace(V, "    kosten:\n      - {anzahl: 3.5, saetze: [kgst-2020/E11]}\n", "    kosten: []\n")],
        [
            (
                V,
                "kosten: []",
                "Berechnung „m1-steuerung“ (Eigenanteil): „kosten“ ist leer – tragen Sie mindestens einen Eintrag ein.",
            )
        ],
    ),
    (
        "saetze-leer",
        [Replace(V, "{anzahl: 3.5, saetze: [kgst-2020/E11]}", "{anzahl: 3.5, saetze: []}")],
        [
            (
                V,
                "saetze: []}",
                "Geben Sie genau eines an: „saetze“ (mindestens ein Satz, z. B. [kgst-2020/E11]), "
                "„betrag“ (ein fester Betrag) oder – in einer Aufstellung – „formel“.",
            )
        ],
    ),
    (
        "vzae-negativ",
        [Replace(KIM, "Sachausgaben für Maßnahmen, vzae: 0}", "Sachausgaben für Maßnahmen, vzae: -1}")],
        [(KIM, "vzae: -1", "„vzae“ ist negativ (\u22121) – Stellen je Einheit sind 0 oder mehr.")],
    ),
    (
        "formel-im-eigenanteil",
        [Replace(V, "{anzahl: 3.5, saetze: [kgst-2020/E11]}", "{anzahl: 3.5, saetze: [kgst-2020/E11], gruppe: A}")],
        [(V, "gruppe: A}", "„gruppe“ gibt es nur in Zeilen einer Aufstellung – entfernen Sie es.")],
    ),
    (
        "frist-negativ",
        [Replace("koerperschaft.yaml", "frist_tage: 14}", "frist_tage: -5}")],
        [
            (
                "koerperschaft.yaml",
                "frist_tage: -5",
                "„frist_tage“: -5 Tage sind keine mögliche Frist – tragen Sie eine Zahl von 0 bis 365 ein.",
            )
        ],
    ),
    (
        "frist-riesig",
        [Replace("koerperschaft.yaml", "frist_tage: 14}", "frist_tage: 99999999999999}")],
        [
            (
                "koerperschaft.yaml",
                "frist_tage: 999",
                "„frist_tage“: „99999999999999“ ist unplausibel groß – Zahlen haben "
                "hier höchstens zwölf Stellen vor dem Komma; prüfen Sie den Wert.",
            )
        ],
    ),
    (
        "yaml-verweis-rekursiv",
        [Replace(KGST, "E11: 106540", "E11: 106540\nschleife: &a [*a]")],
        [
            (
                KGST,
                "schleife",
                "YAML-Verweise (*name auf einen &name-Anker) sind in den Datendateien nicht erlaubt – "
                "schreiben Sie den Wert an jeder Stelle aus.",
            )
        ],
    ),
    (
        "privates-zeichen",
        [Write(TEXT, "# Titel\n\nHaken \uf0fc und \ue000 0 \ue001 Platzhalter\n")],
        [
            (
                TEXT,
                3,
                "Das Zeichen U+E000 aus dem privaten Bereich von Unicode lässt sich nicht drucken – löschen Sie es "
                "(oft ein Rest einer Symbolschrift aus Word).",
            ),
            (
                TEXT,
                3,
                "Das Zeichen U+E001 aus dem privaten Bereich von Unicode lässt sich nicht drucken – löschen Sie es "
                "(oft ein Rest einer Symbolschrift aus Word).",
            ),
            (
                TEXT,
                3,
                "Das Zeichen U+F0FC aus dem privaten Bereich von Unicode lässt sich nicht drucken – löschen Sie es "
                "(oft ein Rest einer Symbolschrift aus Word).",
            ),
        ],
    ),
    (
        "zeichen-fehlt-in-der-schrift",
        [Write(TEXT, "# Titel\n\nDer Begriff 中 steht hier.\n")],
        [
            (
                TEXT,
                3,
                "Das Zeichen „中“ (U+4E2D) gibt es in der Schrift „Liberation Sans“ nicht – es würde als leeres "
                "Kästchen oder in einer fremden Schrift gedruckt. Ersetzen Sie es oder wählen Sie im Hausstil eine Schrift, "
                "die es enthält.",
            )
        ],
    ),
    (
        "emoji-im-betreff",
        [Replace(V, "betreff: Kommunales", "betreff: 🙂 Kommunales")],
        [
            (
                V,
                "betreff:",
                "Das Zeichen „🙂“ (U+1F642) gibt es in der Schrift „Liberation Sans“ nicht – es würde als leeres "
                "Kästchen oder in einer fremden Schrift gedruckt. Ersetzen Sie es oder wählen Sie im Hausstil eine Schrift, "
                "die es enthält.",
            )
        ],
    ),
    (
        "verweis-ohne-ziel",
        [Write(TEXT, "# Titel\n\nSiehe [oben](#titel) und [Seite 2](?seite=2).\n")],
        [
            (
                TEXT,
                3,
                f"Verweis „{href}“ ist nicht erlaubt: er nennt weder eine Anlage noch eine Webadresse mit https: – "
                "Sprungmarken (#…) gibt es in den Dokumenten nicht; nennen Sie den Abschnitt mit Worten.",
            )
            for href in ("#titel", "?seite=2")
        ],
    ),
    (
        "pdf-abgeschnitten",
        [Write("vorlagen/2021-0123/anlagen/antrag.pdf", _pdf()[:300]), PDF_ANLAGE],
        [
            (
                V,
                "antrag.pdf",
                "„anlagen/antrag.pdf“ ist unvollständig (das Dateiende fehlt) – speichern oder kopieren Sie "
                "die PDF-Datei neu.",
            )
        ],
    ),
    (
        "pdf-verschluesselt",
        [Write("vorlagen/2021-0123/anlagen/antrag.pdf", _pdf(password="geheim")), PDF_ANLAGE],
        [
            (
                V,
                "antrag.pdf",
                "„anlagen/antrag.pdf“ ist verschlüsselt (Kennwortschutz) – speichern Sie sie ohne Kennwort und "
                "ohne Einschränkungen, z. B. über „Drucken als PDF“.",
            )
        ],
    ),
    (
        "pdf-ohne-seiten",
        [Write("vorlagen/2021-0123/anlagen/antrag.pdf", _pdf(pages=0)), PDF_ANLAGE],
        [(V, "antrag.pdf", "„anlagen/antrag.pdf“ hat keine Seiten – exportieren Sie das Dokument neu als PDF.")],
    ),
    (
        "pdf-kaputt",
        [Write("vorlagen/2021-0123/anlagen/antrag.pdf", b"%PDF-1.7\nkaputt\n%%EOF\n"), PDF_ANLAGE],
        [
            (
                V,
                "antrag.pdf",
                "„anlagen/antrag.pdf“ ist beschädigt und lässt sich nicht lesen – speichern oder exportieren "
                "Sie die PDF-Datei neu.",
            )
        ],
    ),
    (
        "gremium-kuerzel-nicht-latin1",
        [Replace("koerperschaft.yaml", "{id: KT,", '{id: "KŢ",')],
        [
            (
                "koerperschaft.yaml",
                "KŢ",
                "Das Kürzel „KŢ“ enthält Zeichen, die der Seitenstempel der Sitzungsmappe nicht "
                "drucken kann – verwenden Sie Buchstaben, Ziffern und Bindestriche.",
            )
        ],
    ),
    # --- bounded resources (issue 9, point 9): each bound hit early, never built ------------------
    (
        "bewilligungszeitraum-bis-9999",
        [Replace(M2, "bis: 2021-12-31}", "bis: 9999-12-31}")],
        [
            (
                M2,
                "zeitraum",
                "Der Zeitraum 01.01.2021–31.12.9999 erstreckt sich über 7.979 Kalenderjahre – mehr als 50 "
                "Kalenderjahre rechnet vorlagen nicht, auch nicht mit „lang: true“; prüfen Sie die Jahreszahlen.",
            )
        ],
    ),
    (
        "bewilligungszeitraum-zehn-jahre",
        [Replace(M2, "bis: 2021-12-31}", "bis: 2030-12-31}")],
        [
            (
                M2,
                "zeitraum",
                "Der Zeitraum 01.01.2021–31.12.2030 umfasst 120 Monate, mehr als sechs Jahre – prüfen Sie die "
                "Jahreszahlen; ist er so gewollt, setzen Sie „lang: true“.",
            )
        ],
    ),
    (
        "berechnung-3000-jahre-trotz-lang",
        [
            Replace(
                V,
                "    titel: Strategische Steuerung im KI\n    zeitraum: {von: 2021-12-01, bis: 2022-12-31}",
                "    titel: Strategische Steuerung "
                "im KI\n    lang: true\n    zeitraum: {von: 2021-12-01, bis: "
                "5020-12-31}",
            )
        ],
        [
            (
                V,
                "5020",
                "Der Zeitraum 01.12.2021–31.12.5020 erstreckt sich über 3.000 Kalenderjahre – mehr als 50 "
                "Kalenderjahre rechnet vorlagen nicht, auch nicht mit „lang: true“; prüfen Sie die Jahreszahlen.",
            )
        ],
    ),
    (
        "kosten-1001-zeilen",
        [
            Replace(
                V,
                "    kosten:\n      - {anzahl: 3.5, saetze: [kgst-2020/E11]}\n",
                "    kosten:\n" + "      - {anzahl: 1, saetze: [kgst-2020/E11]}\n" * 1001,
            )
        ],
        [
            (
                V,
                "kosten:",
                "„kosten“ hat mehr als 1.000 Einträge – so lange Listen und Tabellen braucht "
                "kein Dokument; prüfen Sie, ob die Datei richtig erzeugt wurde, oder legen Sie lange Aufstellungen als "
                "PDF-Anlage bei.",
            )
        ],
    ),
    (
        "verteilung-1001-werte",
        [Replace(V, "    werte:\n", "    werte:\n" + "".join(f"      Ort {i}: 1\n" for i in range(1001)))],
        [
            (
                V,
                "werte:",
                "„werte“ hat mehr als 1.000 Einträge – so lange Listen und Tabellen braucht kein Dokument; prüfen "
                "Sie, ob die Datei richtig erzeugt wurde, oder legen Sie lange Aufstellungen als PDF-Anlage bei.",
            )
        ],
    ),
    (
        "yaml-51-ebenen",
        [Replace(KGST, "E11: 106540", "E11: 106540\ntief: " + "[" * 51 + "]" * 51)],
        [
            (
                KGST,
                "tief",
                "Die Angaben sind mehr als 50 Ebenen tief verschachtelt – so tief ist keine Datendatei; prüfen "
                "Sie Klammern und Einrückung.",
            )
        ],
    ),
    (
        "markdown-tabelle-1001-zeilen",
        [Write(TEXT, "# Liste\n\n| Nr. | Ort |\n|---|---|\n" + "".join(f"| {i} | Siegburg |\n" for i in range(1000)))],
        [
            (
                TEXT,
                3,
                "Die Tabelle hat mehr als 1.000 Zeilen – so lange Tabellen braucht kein Dokument; kürzen Sie sie "
                "oder legen Sie die Aufstellung als PDF-Anlage bei.",
            )
        ],
    ),
    # Texts do not compute (issue 21): these fail before any bound is reached; the same expressions in a
    # Hausstil template meet the sandbox's bounds (tests/render/test_sandbox.py).
    (
        "ausdruck-range",
        [Write(TEXT, "{{ range(10 ** 9) | list | length }}\n")],
        [(TEXT, 1, "{{ range(10 ** 9) | list | length }}" + NICHT_ERLAUBT.format("der Filter „length“"))],
    ),
    (
        "ausdruck-potenz",
        [Write(TEXT, "{{ 9 ** 9999999 }}\n")],
        [(TEXT, 1, "{{ 9 ** 9999999 }}" + OHNE_FORMEL.format("„**“"))],
    ),
    (
        "ausdruck-listenbombe",
        [Write(TEXT, '{{ (["x" * 999999] * 999999) | join }}\n')],
        [(TEXT, 1, '{{ (["x" * 999999] * 999999) | join }}' + NICHT_ERLAUBT.format("der Filter „join“"))],
    ),
    (
        "ausdruck-verkettung",
        [Write(TEXT, '{{ ("x" * 999999) ~ ("x" * 999999) }}\n')],
        [(TEXT, 1, '{{ ("x" * 999999) ~ ("x" * 999999) }}' + NICHT_ERLAUBT.format("„~“ (Texte zusammensetzen)"))],
    ),
    (
        "ausdruck-rechnet",
        [Write(TEXT, '{{ (finanzierung["m1-steuerung"].eigenanteil / 1000) | round | zahl }} T€\n')],
        [
            (
                TEXT,
                1,
                '{{ (finanzierung["m1-steuerung"].eigenanteil / 1000) | round | zahl }}'
                + RUNDET.format("„/“ und „round“"),
            )
        ],
    ),
    (
        "ausdruck-rundet",
        [Write(TEXT, '{{ finanzierung["m1-steuerung"].eigenanteil | round | eur }}\n')],
        [
            (
                TEXT,
                1,
                '{{ finanzierung["m1-steuerung"].eigenanteil | round | eur }}' + RUNDET.format("„round“"),
            )
        ],
    ),
    (
        "ausdruck-ljust",
        [Write(TEXT, '{{ "x".ljust(999999999) }}\n')],
        [(TEXT, 1, '{{ "x".ljust(999999999) }}' + NICHT_ERLAUBT.format("die Methode „.ljust(…)“"))],
    ),
    (
        "ausdruck-zahl-stellen",
        [Write(TEXT, "{{ 1 | zahl(999999) }}\n")],
        [(TEXT, 1, "{{ 1 | zahl(999999) }} " + GRENZE.format("Filter „zahl“ mit einer Zahl über 1.000"))],
    ),
    # --- Niederschrift and Stellenstatistik --------------------------------------------------
    (
        "mehr-stimmen-als-anwesende",
        [Replace(N, VOTE, "{ja: 14, nein: 2, enthaltung: 2, ergebnis: angenommen}")],
        [
            (
                N,
                "ja: 14",
                "TOP 3: 14 Ja + 2 Nein + 2 Enthaltungen = 18 Stimmen, aber nur 16 stimmberechtigte Mitglieder "
                "sind anwesend – prüfen Sie die Stimmen und die Anwesenheit.",
            )
        ],
    ),
    (
        "ergebnis-gegen-mehrheit",
        [Replace(N, VOTE, "{ja: 6, nein: 8, enthaltung: 2, ergebnis: angenommen}")],
        [
            (
                N,
                "ja: 6",
                "TOP 3: „angenommen“ passt nicht zu 6 Ja und 8 Nein (mehr Nein- als Ja-Stimmen: abgelehnt) – "
                "prüfen Sie Ergebnis und Stimmen.",
            )
        ],
    ),
    (
        "stimmengleichheit-angenommen",
        [Replace(N, VOTE, "{ja: 7, nein: 7, enthaltung: 2, ergebnis: angenommen}")],
        [
            (
                N,
                "ja: 7",
                "TOP 3: „angenommen“ passt nicht zu 7 Ja und 7 Nein (Stimmengleichheit: abgelehnt) – "
                "prüfen Sie Ergebnis und Stimmen.",
            )
        ],
    ),
    (
        "einstimmig-mit-gegenstimmen",
        [Replace(N, "{einstimmig: true}", "{einstimmig: true, nein: 2}")],
        [
            (
                N,
                "einstimmig: true, nein",
                "„einstimmig angenommen“ und 2 Nein-Stimmen widersprechen sich – streichen Sie "
                "„einstimmig“ oder die Gegenstimmen.",
            )
        ],
    ),
    (
        "beschluss-ohne-text",
        [Replace(N, "    beschluss: top-2-beschluss.md\n", "")],
        [
            (
                N,
                "ergebnis: Beschluss",
                "TOP 2: Für diesen Beschluss gibt es keinen Beschlussvorschlag einer Vorlage – "
                "tragen Sie den Beschlusstext als Markdown-Datei unter „beschluss“ ein.",
            )
        ],
    ),
    (
        "unbekannter-top",
        [Replace(N, '{top: "4", text: top-4.md}', '{top: "7", text: top-4.md}')],
        [
            (
                N,
                'top: "7"',
                "Unbekannter TOP „7“ – die Niederschrift nennt nur TOPs aus der Tagesordnung von „ASI-2021-06-10“.",
            )
        ],
    ),
    (
        "auftrag-unbekanntes-amt",
        [Replace(N, "amt: KI", "amt: KJ")],
        [(N, "amt: KJ", "Unbekanntes Amt „KJ“ – tragen Sie es in koerperschaft.yaml unter „aemter“ ein.")],
    ),
    (
        "niederschrift-text-fehlt",
        [Replace(N, "text: top-4.md", "text: top-9.md")],
        [
            (
                N,
                "top-9.md",
                "Die Datei „top-9.md“ gibt es nicht im Ordner data/sitzungen/ASI-2021-06-10 – prüfen Sie den Namen.",
            )
        ],
    ),
    (
        "niederschrift-ohne-sitzung",
        [Write("sitzungen/ASI-2021-06-11/niederschrift.yaml", MINIMAL)],
        [
            (
                "sitzungen/ASI-2021-06-11/niederschrift.yaml",
                1,
                "Unbekannte Sitzung „ASI-2021-06-11“ – meinten Sie "
                "„ASI-2021-06-10“? Der Ordner der Niederschrift heißt wie die Sitzungsdatei unter sitzungen/.",
            )
        ],
    ),
    (
        "ergebnis-widerspricht-niederschrift",
        [
            Replace(
                V,
                "{sitzung: ASI-2021-06-10, rolle: Vorberatung}",
                "{sitzung: ASI-2021-06-10, rolle: Vorberatung, ergebnis: abgelehnt}",
            )
        ],
        [
            (
                V,
                "ergebnis: abgelehnt",
                "Hier steht „abgelehnt“, die Niederschrift von „ASI-2021-06-10“ hält unter TOP 3 "
                "„ungeändert beschlossen“ fest – entfernen Sie „ergebnis“ hier; das Ergebnis kommt aus der Niederschrift.",
            )
        ],
    ),
    (
        "mehr-besetzt-als-stellen",
        [Replace(STELLEN, "besetzt: 165.5", "besetzt: 265.5")],
        [(STELLEN, "besetzt: 265.5", "„besetzt“ (265.5) ist größer als „stellen“ (200) – prüfen Sie beide Zahlen.")],
    ),
]


@pytest.mark.parametrize("edits, expected", [pytest.param(e, x, id=i) for i, e, x in CASES])
def test_bad_input_gives_exact_messages(capsys, data, edits, expected):
    for change in edits:
        change.apply(data)
    code, out, err = run(capsys, "check", "--data", str(data))
    assert code == 1 and out == ""
    lines = []
    for file, line, message in expected:
        if isinstance(line, str):
            line = line_of(data / file, line)
        where = (file[3:] if file.startswith("../") else f"data/{file}") + (f":{line}" if line else "")
        lines.append(f"{where}: {message}")
    count = len(expected)
    summary = (
        f"{count} {'Problem' if count == 1 else 'Probleme'} gefunden – es wurde nichts geschrieben; "
        "die bisherige Ausgabe ist unverändert."
    )
    assert err == "\n".join(sorted(lines)) + "\n\n" + summary + "\n"


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


def test_byte_order_mark_is_accepted(capsys, data):
    """A BOM (Windows editors write one) changes nothing: the file reads as without it."""
    path = data / "sitzungen" / "ASI-2021-06-10.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    text = data / TEXT
    text.write_bytes(b"\xef\xbb\xbf" + text.read_bytes())
    code, out, _ = run(capsys, "check", "--ohne-satz", "--data", str(data))
    assert code == 0 and out.startswith("Geprüft:")

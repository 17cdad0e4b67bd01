"""Every bound on work and memory that data can ask for, in one place (the handbook's referenz/grenzen.md)."""

from __future__ import annotations

# Periods (Berechnungen, Bescheide, Anträge): each year of a period is a column and a split.
LANG_MONATE = 72  # plausibility: a longer period needs „lang: true“ in its record
MAX_JAHRE = 50  # never more calendar years in one period, not even with „lang: true“

# Numbers and formulas (load/records.py, compute/formel.py, compute/kennzahlen.py).
MAX_VORKOMMA = 12  # digits before the decimal comma of a number in the data, a formula or a figure's value
MAX_FORMEL = 2_000  # characters of one formula
MAX_KLAMMERN = 40  # nested brackets, functions and signs of one formula
MAX_RECHENSCHRITTE = 100  # operations one after the other in one formula (a + b + c … counts each „+“)

# YAML files, lists and tables.
MAX_TIEFE = 50  # levels of nesting in one YAML file (the deepest real one has six)
MAX_EINTRAEGE = 1000  # entries in one YAML list or section (rows of Kosten, Werte, Positionen, TOPs …)
MAX_TABELLENZEILEN = 1000  # rows of one Markdown table, header included
# Markdown nesting (render/verschachtelung.py): below the parser's own bound, which drops the rest of a text silently
MAX_EBENEN = 8  # lists and quotes inside each other in one text
MAX_AUSZEICHNUNGEN = 10  # emphasis, links and images inside each other (a deeper nesting ends the layout)
# bytes of all files of a data folder copied for `aktualisieren` or written from a git revision for `vergleichen`
# (a year of Vorlagen with their PDF Anlagen is a few hundred MB; a revision of zeros packs 200 GB into a few MB)
MAX_DATENORDNER = 2 * 1024 * 1024 * 1024
MAX_EINSTELLUNGEN = 1024 * 1024  # bytes of vorlagen.toml, in the working tree and in a git revision (three lines)
MAX_NAMEN = 100_000  # files and folders of a data folder whose names are checked for Windows (core/dateinamen.py)
# characters the texts of one document print together, Markdown and the values of its expressions (about 300 pages:
# laid out in under a minute; 16 expressions of 600.000 characters each took 485 s and 1,1 GB before)
MAX_DOKUMENTTEXT = 1_000_000

MAX_UEBERSCHRIFT = 200  # characters of a heading the Hausstil names (the longest real one has about 60)
MAX_BETREFF = 1000  # (real Betreffe reach 400; a bound, not a style rule) characters of a Betreff as printed, its figures put in (render/betreff.py, `vorlagen vorlage neu`)

# Templates and prose expressions (render/sandbox.py).
MAX_TEXT = 1_000_000  # characters (or list items) one operation may produce
MAX_STEPS = 100_000  # range() items per rendering
MAX_EXPONENT = 64  # exponent of **
MAX_AUSGABE = 10 * MAX_TEXT  # characters one template rendering may print
MAX_GEMACHT = 5 * MAX_AUSGABE  # characters and list entries all operations of one rendering may make together
MAX_SCHLEIFE = 1_000_000  # rounds of all {% for %} loops of one rendering
MAX_STELLEN = 1000  # decimal digits of an integer made by * or **
MAX_ARGUMENT = 1000  # integer arguments that set the size of a filter's result (batch, round, zahl, prozent)

# aktualisieren: the text renditions of the earlier build it compares (migration/gedruckt.py); a larger file is not one
# this program wrote and is named, not read.
MAX_TEXTFASSUNG = 20 * 1024 * 1024  # bytes of one text rendition
# pairs of equal figures the alignment of one text rendition's differing middle looks at (difflib: each figure of the
# earlier build against each equal one of the new; the same figures at start and end are not counted)
MAX_ZAHLENVERGLEICH = 20_000_000

# Layout check (render/layout.py): boxes of one laid-out document looked at; a larger one is checked that far.
MAX_BOXEN = 1_000_000
# Tables wider than the page (render/tabellenbreite.py): times a document is set again (smaller, in landscape).
MAX_NEUSATZ = 5

# nachrechnen: typed Vorlagen of other bodies (nachrechnen/lesen/datei.py and its readers). Each bound ends the read with a German
# message that names it (exit 2), before the memory it guards is taken.
NR_DATEI = 20 * 1024 * 1024  # bytes of one file (a typed Vorlage, even with pictures, is far smaller)
NR_ENTPACKT = 100_000_000  # bytes the parts of one DOCX unpack to together (a ZIP bomb is far larger)
NR_XML = 16_000_000  # bytes one part of a DOCX unpacks to, counted as it comes out (parsed XML takes ten times as much)
NR_TEILE = 10_000  # parts (files in the ZIP archive) of one DOCX; a long report has a few hundred
NR_STROM = 16_000_000  # bytes one stream of a PDF unpacks to
NR_SEITEN = 1000  # pages of one PDF
NR_INHALT = 64_000_000  # bytes the content streams of all pages of one PDF unpack to together (a shared one per page)
NR_FORMULARE = 5000  # form XObjects one PDF page may call while its text is read (pypdf's own bound)
NR_ABSAETZE = 50_000  # paragraphs of one DOCX (a Haushaltsplan of 500 pages has fewer)
NR_ZELLEN = 200_000  # table cells of one DOCX, a merged cell counted once for every grid column it spans
NR_SPANNE = 63  # grid columns one DOCX table cell may span (Word's own maximum is 63 columns)
NR_ZEILEN = 120_000  # lines of one document (100.000 lines of dense calculations take about 220 MB)
NR_ZEILENLAENGE = 20_000  # characters of one line
NR_LISTE = 250  # rows a list above a total may have; a longer list's total stays „nicht geprüft“ (keeps time linear)
NR_SATZ = 2000  # characters of a sentence read as one over lines a PDF wrapped
NR_ZAHLEN = 250_000  # figures of one document (each becomes an object with its value and place)

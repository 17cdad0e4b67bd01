"""The German words nachrechnen knows: the words that mark a row or a sentence as a total, a change, a Nachtrag …,
each defined once here and imported where it is used."""

from __future__ import annotations

import re

WORD = r"[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß.\-/]*"  # a word as typed, with its dots, hyphens and slashes (in a pattern)

# „(Saldo aus 2.3 und 2.6)“: a line computed from the rows it names
FROM_ROWS = re.compile(
    r"\b(?:Saldo|Summe|Differenz)\s+(?:aus|der Zeilen|von)\s+(?P<refs>\d{1,2}(?:\.\d{1,2})+"
    r"(?:\s*(?:,|und|\+|-|−)\s*\d{1,2}(?:\.\d{1,2})+)+)"
)


# „Gesamt- betrag“, „Jahresfehl- betrag“: a word a page broke at its end and set on with a space; „Ein- und
# Auszahlungen“ keeps its hyphen (the word after it is a conjunction)
_BROKEN_WORD = re.compile(r"(?<=[A-Za-zÄÖÜäöüß])- (?!(?:und|oder|bzw|sowie)\b)(?=[a-zäöüß])")


def unbroken(label: str) -> str:
    """The label with the words a page broke at a hyphen joined again, so that the words of a row are found in it."""
    return _BROKEN_WORD.sub("", label)


# a row so labelled is a part of the row above it (at its start) or has parts below it (at its end): „davon
# Steuern“, „darunter Personal“, „nachrichtlich: …“ (a row given for information, no part of a sum)
PARTS_WORD = r"davon|darunter|hiervon"
PART_ROW = re.compile(rf"^(?:{PARTS_WORD}|nachrichtlich)\b", re.IGNORECASE)

# the number of an outlined row: „1.2 Jahresverlust“, „1.2.1 Summe der Erträge“, „1.3. Ordentliches Ergebnis“
OUTLINE = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)")


def names_its_rows(text: str) -> bool:
    """„(Saldo aus 2.3 und 2.6)“: the line is computed from the rows it names."""
    return FROM_ROWS.search(text) is not None


# A total: the words of a total row, a total column, a total stated in a sentence.
TOTAL_WORD = re.compile(
    r"(?:Zwischen|Gesamt|End)?[Ss]ummen?|[Ii]nsgesamt|[Gg]esamt|[Zz]usammen|Total|Gesamt(?:kosten|betrag|aufwand|"
    r"aufwendungen|ausgaben|einnahmen|erträge|ertrag|finanzierung|volumen|förderung|zuschuss|zuschüsse|bedarf|"
    r"mittel|investitionen|investition|ergebnis|defizit|zahl)"
)
SUBTOTAL = re.compile(r"\bZwischensumme", re.IGNORECASE)
GRAND_TOTAL = re.compile(r"(?:Gesamt|Gesamtsumme|Summe|Summe gesamt|Insgesamt|Gesamt insgesamt|Endsumme|Total)\s*:?")
GROUP_TOTAL = re.compile(r"(?:Summe|Zwischensumme)\s+\w")  # „Summe Beamte“
TOTAL_COLUMN_LAST = re.compile(
    r"(?:^|\s)(?:Gesamt|Summe|Insgesamt|Gesamtbetrag|Gesamtsumme|Gesamt-\w+)(?:\s+(?:in\s+)?(?:EURO?|€|T€|TEUR))?\s*$",
    re.IGNORECASE,
)
# a head naming a price per unit („Menge | Einzelpreis | Gesamtpreis“, „Kostensatz je VZÄ“, „EP“) or a count: its
# „Gesamt“ is a product, no sum of the row
UNIT_PRICE_HEAD = re.compile(
    r"(?:einzel|stück|einheits|stk\.?)\s*-?\s*preis|\bpreis\s*(?:je|pro|/)|(?:kosten|personalkosten|durchschnitts|"
    r"pauschal|vergütungs|förder)satz|\b(?:je|pro)\s+(?:stück|stk|einheit|platz|kind|person|monat|jahr|stunde|vzä|"
    r"stelle|einwohner|teilnehmer|schüler|schülerin|fall|m²|qm|lfm)\b|(?:€|\beur|\beuro)\s*(?:je|pro|/)\s*\w|"
    r"\b(?:rate|preis|kosten|betrag|miete|pauschale)\s+(?:je|pro)\s+[a-zäöüß]|\b(?:ct|cent)\s*(?:je|pro|/)\s*\w|"
    r"(?-i:\bEP\b)",
    re.IGNORECASE,
)
COUNT_HEAD = re.compile(r"\b(?:Menge|Anzahl|Stückzahl|Stück|Stk\.?)(?!\w)", re.IGNORECASE)
# a head naming a column of counts („Einwohner“, „Schülerzahl“) beside columns of money („Kosten“, „in €“): the
# counts are no summands of its „Gesamt in €“
COUNT_COLUMN = re.compile(
    r"\b(?:\w*[Zz]ahl|Einwohner\w*|Schüler\w*|Kinder|Plätze|Fläche|m²|VZÄ|Stellen|Personen|Fälle)(?!\w)"
)
MONEY_COLUMN = re.compile(r"€|\bEUR\b|\bEuro\b|Kosten|Betrag|Umlage|Zuschuss|Mittel|Aufwand", re.IGNORECASE)
AMOUNT_COLUMN = re.compile(r"\b(?:Betrag|Beträge|Summe|Gesamt|Insgesamt|Kosten|Gesamtkosten)\b", re.IGNORECASE)
TOTAL_IN_SENTENCE = re.compile(
    r"(?:^|[.;:]\s+)(?:In der Summe|In Summe|Insgesamt|Zusammen|Summa summarum|Damit ergibt sich|Somit ergibt sich|"
    r"Daraus ergibt sich|Es ergibt sich|Das ergibt|Dies ergibt|Gesamt|Summe|"
    r"(?:Damit|Somit)\s+(?:ist|sind|wird|beträgt)\s+(?:die|der)\s+\w*(?:summe|betrag))\b[^.;\d€]{0,80}$"
    # „… beläuft sich auf 91.123,00 EUR, zusammen also auf 911.230,00 EUR“: the total after a comma
    r"|,\s+(?:zusammen|insgesamt)\s+(?:also|somit|damit)\b[^.;\d€]{0,20}$",
    re.IGNORECASE,
)
TOTAL_NAME = re.compile(r"Gesamt|Gesamtkosten|Gesamtsumme|Summe|Insgesamt|Gesamtbetrag|Gesamtvolumen|Gesamtausgaben")
OPENS_TOTAL = re.compile(r"^\s*(?:\d+\.\s*)?(?:Zusammen|Insgesamt|Gesamtsumme|In Summe|Damit insgesamt)\b")
TOTAL_BEFORE = re.compile(r"(?:Gesamt\w*|[Ii]nsgesamt|[Zz]usammen|Summe)\W+(?:\w+\W+){0,3}$")
TOTAL_IN_PROSE = re.compile(r"\b(?:insgesamt|zusammen|in Summe|Gesamtsumme|gesamt)\b")
STATED_TOTAL = re.compile(r"\b(?:insgesamt|zusammen|in Summe|ergibt|ergeben|somit|also)\s+(?:\S+\s+){0,2}$")
TOTAL_AFTER = re.compile(
    r"^[^\d.;:()]{0,40}?[,;]?\s*(?:zusammen|insgesamt|in Summe|also|somit|ergibt|ergeben|macht|=)\s+"
    r"(?:(?:also|somit|rund|ca\.|von|auf|sich|damit|insgesamt)\s+){0,2}$"
)
TOTAL_EXPENSE = re.compile(
    r"\b(?:Gesamt\w*|Kosten|Ausgabe\w*|Aufwendung\w*|Auszahlung\w*|Mehrkosten|Mehraufwendung\w*|Bedarf)\b",
    re.IGNORECASE,
)
# A line that states a total: its figures without a unit (a table „in €“, „in T€“) are results as well.
TOTAL_LINE = re.compile(
    r"^\s*(?:\d{1,3}\s*)?=|\t\s*=|^\s*(?:Zwischensumme|Summe|Gesamtsumme|Gesamtbetrag|Gesamt|"
    r"Insgesamt|Endsumme|Zusammen|Total)\b",
    re.IGNORECASE,
)
# A word that names a result ("die verbleibenden 11.000 Adressen", "Bilanzsumme", "zur Verfügung stehende Mittel"):
# the figures after it without a unit may be results as well.
RESULT_WORD = re.compile(
    r"\b(?:verbleib\w*|verfügbar\w*|zur Verfügung stehende\w*|Rest\w*|restlich\w*|übrig\w*|"
    r"Saldo|Differenz|Fehlbetrag|Überschuss|[A-Za-zÄÖÜäöüß]*summe)\b",
    re.IGNORECASE,
)
# a row that opens with a total word ends a list of grants
TOTAL_ROW_START = re.compile(r"(?:Summe|Gesamt|Insgesamt|Zusammen)\b", re.IGNORECASE)

# A change: the words of a difference or a change against the figure before.
CHANGE_IN_PROSE = re.compile(
    r"Steigerung|Erhöhung|Anstieg|Zunahme|Zuwachs|Rückgang|Senkung|Minderung|Abnahme|Reduzierung|"
    r"Reduktion|Veränderung|steigt|stieg|sinkt|sank|erhöht|gestiegen|gesunken|gesenkt|verringert"
)
CHANGE_STATED = re.compile(
    r"\b(?:Steigerung|Erhöhung|Anstieg|Zunahme|Zuwachs|Mehrbetrag|Minderung|Rückgang|Senkung|"
    r"Abnahme|Reduzierung|Verringerung|Veränderung|Differenz|Mehrbedarf|Minderbedarf)\b",
    re.IGNORECASE,
)
CHANGE_ROW = re.compile(
    r"^\W*[A-Za-zÄÖÜäöüß/-]*(?:veränderung|änderung|differenz|abweichung|zuwachs|abbau|mehrung|delta)\b|"
    r"^\W*(?:Veränderung|Änderung|Differenz|Abweichung|Zuwachs|Abbau|Delta|Mehr\s*/\s*Weniger|\+\s*/\s*[-−–])",
    re.IGNORECASE,
)
DIFFERENCE_ROW = re.compile(
    r"^\W*(?:eingespart\w*|Einsparung\w*|Ersparnis|Mehreinnahme\w*|Mindereinnahme\w*|Mehrausgabe\w*|"
    r"Minderausgabe\w*|Mehrkosten|Minderkosten|Differenz)\b",
    re.IGNORECASE,
)
DIFFERENCE_HEAD = re.compile(
    r"\b(?:Veränderung|Veränd\.|Differenz|Diff\.|Abweichung|Delta|Mehr-?/Minder\w*|"
    r"(?:Mehr|Minder)(?:einnahmen|ausgaben|erträge|aufwendungen|einzahlungen|auszahlungen)\b)|\+/-|\+/−|"
    r"\b[A-Za-zÄÖÜäöüß]{0,20}(?:abbau|zuwachs)\b",
    re.IGNORECASE,
)

# A column in percent: a cell that names it so, whole („%“, „in %“, „Anteil in %“, „v. H.“: a head over figures
# typed without the sign), and a head that speaks of percent anywhere („Prozentuale Steigerung“, „Veränderung in %“).
PERCENT_CELL = re.compile(r"(?:(?:Anteil\s+)?in\s+)?%|(?:in\s+)?v\.\s?H\.", re.IGNORECASE)
PERCENT_WORD = re.compile(r"%|\bv\.\s?H\.|\bProzent\w*")

# A Nachtrag and a Saldo: the roles of a Nachtrag's columns, a Saldo, a surplus or a deficit.
NACHTRAG_ROLES = re.compile(
    r"erhöht|vermindert|verändert|bisher|nunmehr|festgesetzt", re.IGNORECASE
)  # a Nachtrag's head
NACHTRAG_ROLE = re.compile(r"erhöht|vermindert|verändert|bisher|nunmehr|festgesetzt auf|\bneu\b", re.IGNORECASE)
NEXT_PARAGRAPH = re.compile(r"^\W*§")  # the next § of a Satzung: a Nachtrag table ends before it
SALDO_WORD = re.compile(r"\bSaldo\b|Jahresergebnis", re.IGNORECASE)
SURPLUS = re.compile(r"Überschuss|Jahresgewinn", re.IGNORECASE)
DEFICIT = re.compile(r"Fehlbetrag|Jahresverlust", re.IGNORECASE)
# a label that names both sides of a Saldo in one word: „Zahlungsmittelüberschuss/-bedarf“,
# „Finanzierungsmittelüberschuss/-fehlbetrag“ – the sign typed says which
BOTH_SIDES_NAMED = re.compile(r"überschuss\s*/\s*-?\s*(?:bedarf|fehlbedarf|fehlbetrag|defizit)", re.IGNORECASE)
SALDO_ROW = re.compile(
    r"\bSaldo\b|Jahresüberschuss|Jahresfehlbetrag|Jahresergebnis|Jahresgewinn|Jahresverlust", re.IGNORECASE
)

# Haushaltssatzung and Nachtrag (issue 60): a Saldo named among the items of a Nachtrag table stored column by column.
STACK_SALDO = re.compile(r"\bSaldo\b|Jahresergebnis|Jahresüberschuss|Jahresfehlbetrag", re.IGNORECASE)

# Prose (issue 60, the family of calculations in sentences): a Deckung that opens its paragraph, an amount called
# über- or außerplanmäßig, and a doubling or halving „von … auf …“.
DECKUNG_OPENS = re.compile(r"^\W*(?:Die\s+)?(?:Deckung\b|Gedeckt\s+w(?:ird|erden)\b)")
OUT_OF_PLAN = re.compile(r"(?:über|außer)planmäßig", re.IGNORECASE)
DOUBLING = re.compile(r"\b(?:verdoppel\w*|verdoppl\w*|Verdoppe?lung|halbier\w*|Halbierung)\b", re.IGNORECASE)
HEDGE = re.compile(r"\b(?:mehr\s+als|fast|nahezu|knapp|rund|etwa|ca\.|beinahe|annähernd|gut|über|mindestens)\s*$")
# An Ergebnis in a sentence: the amounts called Erträge and Aufwendungen, the Defizit or Überschuss drawn from them.
INCOME_WORD = re.compile(r"\b(?:Ertr[äa]g\w*|Einnahmen|Einzahlungen|Gesamt(?:ertr[äa]g\w*|einnahmen|einzahlungen))\b")
EXPENSES_WORD = re.compile(
    r"\b(?:Aufwendungen|Aufwand|Ausgaben|Auszahlungen|Gesamt(?:aufwendungen|aufwand|ausgaben|auszahlungen))\b"
)
SALDO_IN_SENTENCE = re.compile(
    r"\b(?:(?P<minus>Defizit|Fehlbetrag|Jahresfehlbetrag|(?-i:Minus)|negative[snr]?\s+\w*ergebnis)|"
    r"(?P<plus>Überschuss|Jahresüberschuss|(?-i:Plus)|positive[snr]?\s+\w*ergebnis)|"
    # a word without a direction: the result's own sign gives it („Sonderergebnis 18.679.820,87 EUR“)
    r"(?P<neutral>Sonderergebnis|Gesamtergebnis|Jahresergebnis|(?:außer)?ordentliche[snr]?\s+Ergebnis))\b",
    re.IGNORECASE,
)
CONSEQUENCE = re.compile(
    r"\b(?:somit|damit|also|folglich|daraus\s+ergibt\s+sich|ergibt\s+sich|unterm\s+Strich|unter\s+dem\s+Strich)\b",
    re.IGNORECASE,
)
CHANGE_BY = re.compile(r"\bum\s+(?:rund\s+|ca\.\s+|etwa\s+)?$")
# … also where it opens a sentence: „Um 415.000,00 € sank …“
CHANGE_BY_ANY_CASE = re.compile(CHANGE_BY.pattern, re.IGNORECASE)
CHANGE_VERB = re.compile(
    r"\b(?:wächst|wuchs|steigt|stieg|sinkt|sank|fällt|fiel|verringer\w*|vermindert\w*|erhöh\w*|verbesser\w*|"
    r"verschlechter\w*|gegenüber|Vorjahr\w*|Veränderung\w*|mehr|weniger)\b",
    re.IGNORECASE,
)
# a total called approximate in one direction right before it („zusammen gut 72.000 €“): no sum to the last digit
APPROXIMATE = re.compile(r"\b(?:gut|knapp|fast|nahezu|beinahe|annähernd|über|mehr\s+als|weniger\s+als)\s*$")
# an amount per period: parts per month and a total per year are no plain sum
PER_PERIOD = re.compile(r"\b(?:monatlich|jährlich|(?:im|pro|je)\s+(?:Monat|Jahr)|p\.\s?a\.)(?!\w)")
# a bound on an amount or a rate: the figure after it is a cap or a floor, no result of the rate before it
BOUND = re.compile(
    r"mindestens|mind\.|höchstens|max\.|maximal|begrenzt|Höchstbetrag|Mindestbetrag|Höchstgrenze|Obergrenze|"
    r"gedeckelt|\bbis\s+zu(?:r\s+Höhe)?\b",  # not „bis zum Stichtag“
    re.IGNORECASE,
)
# A total in a sentence typed coarser than its parts, marked as rounded („Zusammen rund 13,7 Millionen Euro“).
ROUNDED = re.compile(r"\b(?:rund|rd\.|ca\.|circa|etwa|gerundet)\s*$", re.IGNORECASE)
# where a sentence ends within a line (a paragraph of Word or HTML is one line): not after „Mio.“, „ca.“ …
SENTENCE_END = re.compile(r"(?<!\bMio)(?<!\bMrd)(?<!\bTsd)(?<!\bca)(?<!\bNr)(?<!\bbzw)[.!?](?=\s+[A-ZÄÖÜ„])")

# why an „ordentliches Ergebnis“ that Erträge less Aufwendungen miss is no certain slip (NKF NRW counts the
# Finanzergebnis into it)
WITH_FINANZERGEBNIS = "das ordentliche Ergebnis kann das Finanzergebnis enthalten, das die Tabelle nicht zeigt"


# The noun of a count of heads or places right after its figure: „476 Vollzeitstellen“, „8,66 Stellen“, „82 Schüler“
COUNT_NOUN = re.compile(
    r"\s*(?:Vollzeit|Plan|Teilzeit)?(?:[Ss]tellen|Vollzeitäquivalente|VZÄ|Beschäftigte\w*|Mitarbeit\w*|Beamt\w*|"
    r"Personen|Kräfte|Schüler\w*|Kinder|Plätze|Betreuungsplätze)\b"
)

# Words that say a whole is split by a key: „ist nach der Zahl der betreuten Kinder … zu verteilen“, „Umlagebedarf“,
# „entfallen auf die Mitgliedsgemeinden“, „anteilig“, „nach dem Einwohnerschlüssel“.
SPLIT_BY_KEY = re.compile(
    r"verteil|aufgeteilt|aufzuteilen|aufteil|umgelegt|umzulegen|Umlage|Schlüssel|anteilig|entfall|nach\s+der\s+Zahl|"
    r"nach\s+dem\s+Verhältnis|im\s+Verhältnis",
    re.IGNORECASE,
)

# the three parts of a Finanzhaushalt by their names, in their order: laufende Verwaltungs-, Investitions- and
# Finanzierungstätigkeit
FINANZHAUSHALT_PARTS = {
    "laufend": re.compile(r"laufende[rn]?\s+Verwaltungstätigkeit", re.IGNORECASE),
    "investition": re.compile(r"Investitionstätigkeit", re.IGNORECASE),
    "finanzierung": re.compile(r"Finanzierungstätigkeit", re.IGNORECASE),
}

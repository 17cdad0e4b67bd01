"""A percentage of a base the text names elsewhere by its noun: „Den größten Posten bilden die Leistungen der
Sozialhilfe mit 262,04 Millionen Euro. Sie entsprechen 67,5 Prozent der Gesamtaufwendungen.“ and, a paragraph on,
„… stehen Gesamtaufwendungen in Höhe von 388,26 Millionen Euro gegenüber.“ – or „Am Gesamtertrag hat die Umlage
einen Anteil von 28,6 Prozent.“ – the part in percent of the base.

The base is the one amount the lines around name with the same noun (right before it: „391,65 Millionen Euro
Gesamterträgen“, or a few words after it: „Gesamtaufwendungen in Höhe von 388,26 Millionen Euro“); two amounts for
the noun, and nothing is read. The part is the one amount of the percentage's sentence or, where that names none,
the one amount of the sentence before. A slip only where the sentence with the percentage opens with a pronoun
that points back to that amount („Sie entsprechen …“, „Dies sind …“) or names it itself, and neither amount is
marked as rounded, and the sentence states what is, not what would be („ohne diese entspräche …“); otherwise a guess,
confirmed or left „nicht geprüft“. Every look is bounded.

The base may also stand right after the noun in the percentage's own sentence, the part before the rate: „Das Defizit
von 658.838 € entspricht 47,7 % der Aufwendungen von 1.380.468 €“ – a sure reading.

And the amount a rate of a base so named gives: „… mit 10 % am Eigenanteil zu beteiligen; das wären 13.288,75 €“
(_amount)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from vorlagen.nachrechnen.aufbau.gerundet import marked_approximate
from vorlagen.nachrechnen.aufbau.rechnung import Fund, Rechnung
from vorlagen.nachrechnen.erkennen.fliesstext import sentence_spans
from vorlagen.nachrechnen.lesen.zahlenlesen import Zahl
from vorlagen.nachrechnen.lesen.zeile import Zeile
from vorlagen.nachrechnen.woerter import BOUND

_OF_NOUN = re.compile(r"\s*(?:der|des)\s+(?:gesamten\s+)?(?P<noun>[A-ZÄÖÜ][a-zäöüß]{3,})\b")
_SHARE_OF = re.compile(r"\b(?:[Aa]m|[Aa]n\s+der|[Aa]n\s+den|[Vv]om)\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]{3,})\b")
_SHARE = re.compile(r"\bAnteil\b")
# „sich mit 10 % am Eigenanteil zu beteiligen; das wären 13.288,75 €“: the rate of a noun, and the amount it gives
_AT_NOUN = re.compile(r"\s*(?:am|an\s+der|an\s+den|vom|von\s+der|von\s+den)\s+(?P<noun>[A-ZÄÖÜ][a-zäöüß]{3,})\b")
# words right after the noun that take a part of it: „der Gesamtkosten ohne Umsatzsteuer“, „am Eigenanteil für …“
_QUALIFIED = re.compile(
    r"\s*(?:ohne|abzüglich|abzgl\.|netto|brutto|zuzüglich|zzgl\.|einschließlich|inkl\.|für|bis|soweit|sofern)(?!\w)"
)
# „77,5 % des Ansatzes der Versorgungsaufwendungen“: the base of a thing the noun alone does not name
_OF_WHAT = re.compile(r"\s+(?:der|des)\s+[A-ZÄÖÜ]")
# „Damit sind noch 17,3 % des Ansatzes offen“: a rate of what is left, not of the amount before
_LEFT = re.compile(r"\b(?:offen|verbleib\w*|ausstehend\w*|fehl\w*|übrig\w*)\b")
_GIVES = re.compile(
    r"[^\d.!?]{0,40}?[,;]\s*(?:(?:das|dies)\s+(?:sind|wären|ergibt|ergäbe|macht|entspricht|entspräche)|also|somit)\s+"
    r"(?:rund\s+)?$"
)
_POINTS_BACK = re.compile(r"\s*(?:Sie|Er|Es|Dies|Das|Diese|Dieser|Dieses|Damit|Dieser\s+Betrag|Das\s+sind)\b")
_BEFORE_AMOUNT = re.compile(
    r"[^\d.;:!?]{0,30}?(?:in\s+Höhe\s+von|von|mit|betr[äa]g\w*|belaufen\s+sich\s+auf|(?:liegt|liegen|lag|lagen)\s+bei|:)\s*(?:rund\s+|rd\.\s+)?$"
)
# a sentence that states what would be, not what is: its rate is of other amounts than those it names
_HYPOTHETICAL = re.compile(r"\b(?:entspräche\w*|wäre\w*|würde\w*|hätte\w*|ohne\s+(?:diese|diesen|die|den|das))\b")
_UMLAUTS = str.maketrans("äöüß", "aous")
_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}")
# „Die Personalaufwendungen sind mit 24,35 Mio. € veranschlagt. … das sind 74,1 % des Ansatzes“: the verb names it too
_PLANNED = re.compile(r"\bveranschlagt\b")
_PLAN_STEM = "ansatz"
_ENDINGS = re.compile(r"(?:en|es|n|e|s)$")
_LINES = 40  # lines above and below that may name the base
_NEAR = 40  # characters after the noun in which an amount may be its own
_NAMINGS = 400  # places of one noun in the lines around a percentage looked at, at most


@dataclass
class _Text:
    """The lines read once: each line's sentences, the figures of each sentence and where each noun stands (its stem:
    line, sentence, start and end of the word, in line order) – every look of a percentage is then a lookup."""

    zeilen: list[Zeile]
    saetze: list[list[tuple[int, int]]] = field(default_factory=list)
    zahlen: list[list[list[Zahl]]] = field(default_factory=list)
    nouns: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    named: dict[tuple[int, int], tuple[Zahl | None, list[Zahl]]] = field(default_factory=dict)  # see naming()

    def __post_init__(self) -> None:
        for index, zeile in enumerate(self.zeilen):
            spans = [] if "\t" in zeile.text else sentence_spans(zeile.text)
            self.saetze.append(spans)
            figures = [z for z in zeile.zahlen if z.tiefe == 0]
            self.zahlen.append([figures[lo:hi] for lo, hi in _ranges(figures, spans)])
            for position, (start, end) in enumerate(spans):
                words = [(w.start(), w.end(), _stem(w.group())) for w in _WORD.finditer(zeile.text, start, end)]
                words += [(w.start(), w.end(), _PLAN_STEM) for w in _PLANNED.finditer(zeile.text, start, end)]
                for word_start, word_end, stem in sorted(words):
                    self.nouns.setdefault(stem, []).append((index, position, word_start, word_end))

    def money(self, index: int, position: int) -> list[Zahl]:
        return [z for z in self.zahlen[index][position] if z.geld]

    def naming(self, index: int, position: int, word_start: int, word_end: int) -> tuple[Zahl | None, list[Zahl]]:
        """What one place of a noun names (_named), worked out once however many percentages look at it."""
        if (index, word_start) not in self.named:
            money = self.money(index, position)
            self.named[(index, word_start)] = _named(self.zeilen[index], money, word_start, word_end)
        return self.named[(index, word_start)]


def recognise(zeilen: list[Zeile], prior: tuple[Rechnung, ...]) -> list[Rechnung]:
    taken = {r.ergebnis.key for r in prior} | {t.key for r in prior for t in r.teile}  # a percentage read already
    found: list[Rechnung] = []
    text = _Text(zeilen)
    for index, zeile in enumerate(zeilen):
        for position in range(len(text.saetze[index])):
            for rate in (z for z in text.zahlen[index][position] if z.einheit == "%"):
                if Fund(zeile, rate).key in taken:
                    continue
                # „30 % der Baukosten, also 123.000 €“: the amount after the rate is its result, not its part
                reading = _amount(text, index, position, rate) or _share(text, index, position, rate)
                if reading is not None:
                    taken.add(reading.ergebnis.key)
                    found.append(reading)
    return found


def _ranges(figures: list[Zahl], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each sentence, the slice of the line's figures (in order) that start in it."""
    starts = [z.start for z in figures]
    return [(bisect_left(starts, start), bisect_left(starts, end)) for start, end in spans]


def _stem(word: str) -> str:
    return _ENDINGS.sub("", word.lower().translate(_UMLAUTS))


def _noun_of(text: str, start: int, rate: Zahl) -> str | None:
    """The noun the percentage is of: „67,5 Prozent der Gesamtaufwendungen“, „am Gesamtertrag … einen Anteil von
    28,6 Prozent“."""
    after = _OF_NOUN.match(text, rate.ende)
    if after:
        return after.group("noun")
    sentence = text[start : rate.start]
    share = _SHARE_OF.search(sentence)
    return share.group("noun") if share and _SHARE.search(sentence) else None


def _share(text: _Text, index: int, position: int, rate: Zahl) -> Rechnung | None:
    zeile = text.zeilen[index]
    start, _ = text.saetze[index][position]
    noun = _noun_of(zeile.text, start, rate)
    if noun is None or _of_a_part(zeile.text, text.saetze[index][position], rate):
        return None
    base = _base(text, index, position, _stem(noun)) or _base_after(text, index, position, rate)
    if base is None:
        return None
    base_zeile, base_zahl = base
    # the base may stand in the percentage's own sentence too: „Das Defizit von 658.838 € entspricht 47,7 % der
    # Aufwendungen von 1.380.468 €“ – then the part is the sentence's other amount
    own = [z for z in text.money(index, position) if z.wert != base_zahl.wert]
    if any(z.start > rate.ende for z in own):
        return None  # „30 % der Baukosten; der Eigenanteil beträgt also 287.000 €“: an amount after the rate is no part
    part_zeile, points_back = zeile, True
    if not own:
        before = _sentence_before(text, index, position)
        if before is None:
            return None
        own = [z for z in text.money(*before) if (text.zeilen[before[0]], z) != (base_zeile, base_zahl)]
        part_zeile, points_back = text.zeilen[before[0]], bool(_POINTS_BACK.match(zeile.text, start))
    if len(own) != 1 or not 0 < abs(own[0].wert) < abs(base_zahl.wert):
        return None
    part = own[0]
    start, end = text.saetze[index][position]
    hypothetical = _HYPOTHETICAL.search(zeile.text, start, end)  # „ohne diese entspräche das Defizit 42,7 %“
    sure = (
        points_back
        and not hypothetical
        and not marked_approximate(part_zeile.text, part.start)
        and not marked_approximate(base_zeile.text, base_zahl.start)
    )
    return Rechnung(
        f"Anteil an „{noun}“ ({base_zeile.ort})",
        "quote",
        [Fund(part_zeile, part), Fund(base_zeile, base_zahl)],
        Fund(zeile, rate),
        f"{part.betrag()} / {base_zahl.betrag()} x 100",
        sicher=sure,
        rang=1,
        typ="prozentbezug",
    )


def _amount(text: _Text, index: int, position: int, rate: Zahl) -> Rechnung | None:
    """The amount a rate of a noun gives, in the rate's sentence after it: „Der Landkreis will sich mit 10 % am
    Eigenanteil beteiligen; das wären 13.288,75 €“ – the base the amount the lines around name with the noun. Sure
    but where an amount is marked as rounded; the base is the one the words name, not the nearest amount (the
    search among amounts confirmed 10 % of the Gesamtkosten there)."""
    zeile = text.zeilen[index]
    noun = _OF_NOUN.match(zeile.text, rate.ende) or _AT_NOUN.match(zeile.text, rate.ende)
    money = text.money(index, position)
    if (
        noun is None
        or any(z.ende <= rate.start for z in money)
        or _of_a_part(zeile.text, text.saetze[index][position], rate)
    ):
        return None  # an amount before the rate in its sentence may be its base: other forms read it
    after = [z for z in money if z.start >= noun.end()]
    if len(after) != 1 or not _GIVES.fullmatch(zeile.text[noun.end() : after[0].start]):
        return None
    base = _base(text, index, position, _stem(noun.group("noun")))
    if base is None:
        return None
    base_zeile, base_zahl = base
    result = after[0]
    return Rechnung(
        f"Prozentsatz von „{noun.group('noun')}“ ({base_zeile.ort})",
        "anteil",
        [Fund(base_zeile, base_zahl), Fund(zeile, rate)],
        Fund(zeile, result),
        f"{base_zahl.betrag()} × {rate.text}",
        sicher=not any(
            marked_approximate(z.text, f.start) for z, f in ((zeile, result), (base_zeile, base_zahl), (zeile, rate))
        ),
        rang=1,
        typ="prozentbezug",
    )


def _of_a_part(text: str, sentence: tuple[int, int], rate: Zahl) -> bool:
    """The rate is of a part of what its noun names, or bounded: „80 % der Gesamtkosten ohne Umsatzsteuer“, „10 % am
    Eigenanteil für die Flutlichtanlage“, „10 % der Gesamtkosten, höchstens jedoch 50.000 €“."""
    named = _OF_NOUN.match(text, rate.ende) or _AT_NOUN.match(text, rate.ende)
    if named is not None and (_QUALIFIED.match(text, named.end()) or _OF_WHAT.match(text, named.end())):
        return True
    return bool(BOUND.search(text, sentence[0], sentence[1]) or _LEFT.search(text, sentence[0], sentence[1]))


def _base_after(text: _Text, index: int, position: int, rate: Zahl) -> tuple[Zeile, Zahl] | None:
    """The amount right after „R % der <Noun> von“ in the percentage's own sentence, where the part stands before the
    rate („Das Defizit von 658.838 € entspricht 47,7 % der Aufwendungen von 1.380.468 €“)."""
    zeile = text.zeilen[index]
    noun = _OF_NOUN.match(zeile.text, rate.ende)
    after = [z for z in text.money(index, position) if z.start >= rate.ende]
    before = [z for z in text.money(index, position) if z.ende <= rate.start]
    if noun is None or not after or not before or not _BEFORE_AMOUNT.fullmatch(zeile.text[noun.end() : after[0].start]):
        return None
    return zeile, after[0]


def _sentence_before(text: _Text, index: int, position: int) -> tuple[int, int] | None:
    """The line and sentence before a sentence: in its line, or the last of the nearest line above with text."""
    if position:
        return index, position - 1
    for back in range(index - 1, max(-1, index - 3), -1):
        if text.zeilen[back].text.strip():
            return (back, len(text.saetze[back]) - 1) if text.saetze[back] else None
    return None


def _base(text: _Text, index: int, position: int, stem: str) -> tuple[Zeile, Zahl] | None:
    """The one amount the lines around name with the noun of `stem`, outside the percentage's own sentence."""
    places = text.nouns.get(stem, [])
    window = places[bisect_left(places, (index - _LINES,)) : bisect_left(places, (index + _LINES + 1,))]
    if len(window) > _NAMINGS:
        return None  # a noun named that often names more than one thing
    # „… ein Ansatz von 8,4 Mio. € veranschlagt. … gebucht; das entspricht 82,7 % des Ansatzes.“ where other
    # paragraphs name other Ansätze: the one the rate's own paragraph names before it
    local = [place for place in window if place[0] == index and place[1] < position]
    return _named_once(text, local, index, position) or _named_once(text, window, index, position)


def _named_once(
    text: _Text, places: list[tuple[int, int, int, int]], index: int, position: int
) -> tuple[Zeile, Zahl] | None:
    """The one amount `places` of a noun name, where no other amount stands near any of them."""
    named: dict[tuple[int, int], tuple[Zeile, Zahl]] = {}
    loosely: set[object] = set()  # the values of every amount near the noun, in whatever words
    for other, where, word_start, word_end in places:
        if (other, where) == (index, position):
            continue  # „80 % der Gesamtkosten von 250.000 €“: a form of its own sentence (anteil.py, prosa.py)
        amount, near = text.naming(other, where, word_start, word_end)
        if amount is not None:
            named[(other, amount.start)] = (text.zeilen[other], amount)
        loosely |= {z.wert for z in near}
    values = {z.wert for _, z in named.values()}
    if len(values) != 1 or loosely - values:
        return None  # „die Gesamtaufwendungen lagen im Vorjahr bei …“: another amount for the noun
    return next(iter(named.values()))


def _named(zeile: Zeile, money: list[Zahl], word_start: int, word_end: int) -> tuple[Zahl | None, list[Zahl]]:
    """The amount right before the noun („388,26 Millionen Euro Gesamtaufwendungen“) or a few words after it
    („Gesamtaufwendungen in Höhe von 388,26 Millionen Euro“) – and every amount so near it in other words."""
    before = [z for z in money if z.ende <= word_start and not zeile.text[z.ende : word_start].strip()]
    after = [z for z in money if z.start >= word_end]
    gap = zeile.text[word_end : after[0].start] if after else ""
    own = after and len(gap) <= _NEAR and not re.search(r"\d|\b[A-ZÄÖÜ][a-zäöüß]{3,}", gap)  # no other noun between
    near = before[-1:] + (after[:1] if own else [])
    if before:
        return before[-1], near
    if after and _BEFORE_AMOUNT.fullmatch(gap):
        return after[0], near
    return None, near

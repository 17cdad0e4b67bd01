"""A body that prints „EUR“ (issue 34, point 2; Mainz: „1.383.750 EUR“, „647.800 EUR“): `hausstil: waehrung: EUR`
puts the sign behind every amount of a Vorlage – texts, named figures, tables, the units in table heads (TEUR,
Mio. EUR), the Betreff –, keeps it with its number by a no-break space, and reads the same spellings where the data
name a unit. Expected texts are written apart from the engine (tests/referenz)."""

from __future__ import annotations

from fractions import Fraction

from tests.hilfen import DATA, ERLENBRUCH, ROOT, composed, copy_data, edit, line_of, problems_of, run
from tests.referenz.rechnen import NBSP, euro, zahl

VORLAGE = "vorlagen/2021-0123/vorlage.yaml"
ZUWEISUNGEN = """  - id: zuweisungen
    art: Aufstellung
    titel: Zuweisungen aus dem Fonds
    anzeige: TEUR
    kosten:
      - {betrag: 125000, als: Alfter}
      - {betrag: 95500, als: Bornheim}
"""


def eur_house(tmp_path):
    data = copy_data(DATA, tmp_path)
    edit(data / "koerperschaft.yaml", "hausstil:\n", "hausstil:\n  waehrung: EUR\n")
    return data


def test_a_vorlage_prints_eur_everywhere(tmp_path):
    data = eur_house(tmp_path)
    edit(data / VORLAGE, "finanzierung:\n", "finanzierung:\n" + ZUWEISUNGEN)
    edit(
        data / VORLAGE,
        "verteilungen:\n",
        'zahlen:\n  - {id: fonds, formel: "220,5", einheit: TEUR, stellen: 1, erwartet: "220,5"}\n'
        '  - {id: land, formel: "1,4", einheit: Mio. EUR}\nverteilungen:\n',
    )
    text = data / "vorlagen/2021-0123/erlaeuterungen.md"
    text.write_text(
        text.read_text(encoding="utf-8")
        + '\n\nDer Fonds hat {{ zahlen["fonds"] }}, das Land gibt {{ zahlen["land"] }} und typisch 2,5 Mio. EUR.'
        + '\n\n{{ tabelle("zuweisungen") }}\n',
        encoding="utf-8",
    )
    doc = composed(data)
    for html in (doc.print_html, doc.web_html):
        assert "€" not in html.replace("&euro;", "€")
    flat = " ".join(doc.text.split(" "))
    fonds, land = Fraction(2205, 10), Fraction(14, 10)
    assert (
        f"Der Fonds hat {zahl(fonds, 1)}{NBSP}TEUR, das Land gibt {zahl(land, 1)}{NBSP}Mio.{NBSP}EUR" in flat
    )  # typed with one place, printed with it (issue 57)
    assert f"typisch 2,5{NBSP}Mio.{NBSP}EUR." in flat  # typed: kept together like the engine's own
    assert "in TEUR" in doc.print_html  # the table's unit, once in its head
    eigenanteil = Fraction(158644)  # the example's Eigenanteil of M1 (docs/anleitungen/zahlen-im-text.md)
    assert euro(eigenanteil, zeichen="EUR") in doc.print_html.replace("&nbsp;", NBSP)


def test_units_are_read_in_either_spelling(tmp_path):
    """`einheit: TEUR` is T€, `Mio. EUR` is Mio. € – the same figure, checked by the same `erwartet`."""
    data = copy_data(DATA, tmp_path)
    edit(
        data / VORLAGE,
        "verteilungen:\n",
        'zahlen:\n  - {id: a, formel: "220,5", einheit: TEUR, stellen: 1, erwartet: "220,4"}\nverteilungen:\n',
    )
    wo = f"data/{VORLAGE}:{line_of(data / VORLAGE, 'id: a,')}"
    assert problems_of(data) == [
        f"{wo}: Zahl „a“: berechnet {zahl(Fraction(2205, 10), 1)}{NBSP}T€, erwartet {zahl(Fraction(2204, 10), 1)}"
        f"{NBSP}T€ – prüfen Sie den erwarteten Wert und die Formel."
    ]


def test_an_unknown_sign_is_refused(tmp_path, capsys):
    data = copy_data(DATA, tmp_path)
    edit(data / "koerperschaft.yaml", "hausstil:\n", "hausstil:\n  waehrung: Euro\n")
    code, stdout, stderr = run(capsys, "--data", str(data), "pruefen")
    assert code == 1
    assert (
        f"data/koerperschaft.yaml:{line_of(data / 'koerperschaft.yaml', 'waehrung')}: „waehrung“: „Euro“ ist nicht "
        "vorgesehen. Möglich sind: €, EUR."
    ) in stdout + stderr


def test_mainz_prints_eur_as_the_city_does(tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, _ = run(capsys, "--data", str(ROOT / "tests/fixtures/mainz"), "--out", str(out))
    assert code == 0, stdout
    text = (out / "intern/vorlagen/praeparation/praeparation.txt").read_text(encoding="utf-8")
    assert "€" not in text
    gesamt, mittel = Fraction(1383750), Fraction(647800)  # „1.383.750 EUR - 647.800 EUR“
    assert f"in Höhe von {euro(gesamt, zeichen='EUR')} ({euro(mittel, zeichen='EUR')} in 2023)" in " ".join(
        text.split(" ")
    )


def test_a_unit_in_a_formula_says_where_it_goes(tmp_path):
    data = copy_data(DATA, tmp_path)
    edit(data / VORLAGE, "verteilungen:\n", 'zahlen:\n  - {id: a, formel: "220,5 TEUR"}\nverteilungen:\n')
    wo = f"data/{VORLAGE}:{line_of(data / VORLAGE, 'id: a,')}"
    assert problems_of(data) == [
        f"{wo}: Zahl „a“: „TEUR“ an Stelle 7 steht hier zu viel – die Einheit gehört nicht in die Formel: schreiben "
        "Sie die Zahl allein und die Einheit unter „einheit“ (z. B. einheit: EUR oder einheit: TEUR)."
    ]
    edit(data / VORLAGE, 'formel: "220,5 TEUR"}', 'formel: "220,5", einheit: TEUR, stellen: 1}')  # as proposed
    from vorlagen.building.vorbereitung import vorbereitet

    assert vorbereitet(data).rechnungen["2021-0123"].zahlen["a"] == Fraction(220500)


def test_two_houses_in_one_process_print_each_its_own_sign(tmp_path):
    """Issue 47, point 3: the sign is the house's, handed on, never set for the process – a house with „EUR“ and one
    with „€“ prepared, composed, listed and derived in one process, in turns, each print only their own sign (under
    a sign set when a project is computed, the one computed last would print for both)."""
    from vorlagen.building.vorbereitung import vorbereitet
    from vorlagen.compute.herleitung.namen import herleitung_von
    from vorlagen.compute.herleitung.zeilen import Kontext
    from vorlagen.compute.rundung import rundung_of
    from vorlagen.compute.zahlen import zahlen
    from vorlagen.render.document import Composer

    eur_haus = copy_data(ERLENBRUCH, tmp_path / "eur")
    edit(eur_haus / "koerperschaft.yaml", "hausstil:\n", "hausstil:\n  waehrung: EUR\n")
    haeuser = {"EUR": eur_haus, "€": copy_data(ERLENBRUCH, tmp_path / "euro")}
    projekte = {zeichen: vorbereitet(data) for zeichen, data in haeuser.items()}  # „€“ computed last
    gedruckt: dict[str, list[str]] = {"EUR": [], "€": []}
    for zeichen in ("EUR", "€", "EUR", "€"):  # in turns, each after the other was prepared again
        project = projekte[zeichen]
        andere = "€" if zeichen == "EUR" else "EUR"
        projekte[andere] = vorbereitet(haeuser[andere])
        for doc in Composer(project).compose_all():
            gedruckt[zeichen] += [doc.text, doc.print_html.replace("&euro;", "€"), doc.web_html.replace("&euro;", "€")]
        rundung, k = rundung_of(project.facts), Kontext(project.facts)
        for rechnung in project.rechnungen.values():
            liste = zahlen(rechnung, project.facts.koerperschaft.zahlformat, rundung.quantum, rundung.prozent_stellen)
            gedruckt[zeichen] += [wert for _, wert in liste]
            gedruckt[zeichen] += [herleitung_von(rechnung, k, name)[1].gedruckt for name, _ in liste[:40]]
    # 2024-0041, Höchstförderung: 1,5 × 52.000 + (6 + 3) × 1.012 + 2 × 1.250 + 4.000 + 1.500 (tests/fixtures/erlenbruch)
    summe = Fraction(3, 2) * 52000 + 9 * 1012 + 2 * 1250 + 4000 + 1500
    for zeichen, texte in gedruckt.items():
        alles = "\n".join(texte).replace("&nbsp;", NBSP)
        assert euro(summe, zeichen=zeichen) in alles, zeichen
        if zeichen == "EUR":
            assert "€" not in alles
        else:
            assert f"{NBSP}EUR" not in alles and "TEUR" not in alles

"""The Hausstil as data: every key changes what is printed, the defaults change nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vorlagen.compute.project import prepare
from vorlagen.render.document import Composer

from .conftest import edit, line_of, run

V = "vorlagen/2021-0123/vorlage.yaml"
K = "koerperschaft.yaml"


def html_of(data: Path, nummer: str = "2021/0123") -> str:
    """The web HTML of one Vorlage, composed without rendering PDFs."""
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.vorlage.nummer == nummer)
    return Composer(project).compose(source).web_html


def section(html: str, css_class: str) -> str:
    match = re.search(rf'<section class="{css_class}">(.*?)</section>', html, re.S)
    assert match, f"no section {css_class}"
    return match[1]


def hausstil(data: Path, yaml: str) -> None:
    """Appends keys under `hausstil:` of the example's koerperschaft.yaml."""
    edit(data / K, 'hausstil:\n  akzentfarbe: "#00599c"\n', 'hausstil:\n  akzentfarbe: "#00599c"\n' + yaml)


# --- Beratungsfolge -----------------------------------------------------------------------

def test_beratungsfolge_columns_labels_and_heading_come_from_the_hausstil(data):
    hausstil(data, "  beratungsfolge:\n    ueberschrift: Beratungsreihenfolge\n"
                   "    spalten: [gremium, datum, uhrzeit, berichterstattung, ergebnis]\n"
                   "    beschriftung: {datum: Termin, uhrzeit: Uhrzeit, ergebnis: Stand}\n")
    edit(data / V, "{sitzung: ASI-2021-06-10, rolle: Vorberatung}",
         "{sitzung: ASI-2021-06-10, rolle: Vorberatung, ergebnis: geändert beschlossen,\n"
         "     berichterstattung: {name: Frau Berger, funktion: Leitung des KI}}")
    part = section(html_of(data), "beratungsfolge")
    assert "<h2>Beratungsreihenfolge</h2>" in part
    headers = re.findall(r'<th scope="col">(.*?)</th>', part)
    assert headers == ["Gremium", "Termin", "Uhrzeit", "Berichterstattung", "Stand"]
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", part)[1:]]
    assert rows[0] == ["Ausschuss für Soziales und Integration", "10.06.2021", "15:00 Uhr",
                       'Frau Berger<br><span class="funktion">Leitung des KI</span>', "geändert beschlossen"]
    assert rows[1][3:] == ["", ""]  # the Kreisausschuss step has neither yet
    assert "Zuständigkeit" not in part  # the role column was left out


def test_default_beratungsfolge_shows_date_gremium_and_role(data):
    part = section(html_of(data), "beratungsfolge")
    assert re.findall(r'<th scope="col">(.*?)</th>', part) == ["Datum", "Gremium", "Zuständigkeit"]
    assert "<td>21.06.2021</td><td>Kreisausschuss</td><td>Entscheidung</td>" in part


def test_two_gremien_on_one_day_keep_the_stated_order(data):
    sitzung = (data / "sitzungen" / "KA-2021-06-21.yaml").read_text(encoding="utf-8")
    (data / "sitzungen" / "KT-2021-06-21.yaml").write_text(
        sitzung.replace("gremium: KA", "gremium: KT").replace("tagesordnung", "alt_tagesordnung")
        .split("alt_tagesordnung")[0], encoding="utf-8")
    edit(data / V, "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
         "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}\n  - {sitzung: KT-2021-06-21, rolle: Entscheidung}")
    part = section(html_of(data), "beratungsfolge")
    assert part.index("Kreisausschuss") < part.index("Kreistag")


CASES = [
    ("ergebnis-unbekannt", [(V, "rolle: Vorberatung}", "rolle: Vorberatung, ergebnis: beschlossen}")],
     [(V, "ergebnis: beschlossen", "„ergebnis“: „beschlossen“ ist nicht vorgesehen – meinten Sie „geändert beschlossen“? "
       "Möglich sind: ungeändert beschlossen, geändert beschlossen, abgelehnt, zur Kenntnis genommen, "
       "zurückgestellt, vertagt, zurückgezogen.")]),
    ("berichterstattung-ohne-name", [(V, "rolle: Vorberatung}", "rolle: Vorberatung, berichterstattung: {funktion: Leitung}}")],
     [(V, "berichterstattung", "In „berichterstattung“ fehlt der Eintrag „name“ – ergänzen Sie ihn.")]),
    ("unbekannter-hausstil-schluessel", [(K, "akzentfarbe:", "farbe: rot\n  akzentfarbe:")],
     [(K, "farbe: rot", "Unbekannter Schlüssel „farbe“ in „hausstil“ – meinten Sie „akzentfarbe“? Erlaubt sind: akzentfarbe, logo, kopf, "
       "beratungsfolge.")]),
    ("unbekannte-spalte", [(K, "akzentfarbe:", "beratungsfolge: {spalten: [datum, sitzungsort]}\n  akzentfarbe:")],
     [(K, "sitzungsort", "„spalten“: „sitzungsort“ ist nicht vorgesehen. Möglich sind: datum, uhrzeit, gremium, "
       "rolle, berichterstattung, ergebnis.")]),
    ("gleicher-tag-falsche-reihenfolge",
     [("sitzungen/KT-2021-06-21.yaml", None, "gremium: KT\ndatum: 2021-06-21\nbeginn: \"09:00 Uhr\"\n"),
      (V, "  - {sitzung: KA-2021-06-21, rolle: Entscheidung}",
       "  - {sitzung: KA-2021-06-21, rolle: Vorberatung}\n  - {sitzung: KT-2021-06-21, rolle: Entscheidung}")],
     [(V, "KT-2021-06-21", "Am 21.06.2021 beginnt „KT-2021-06-21“ (09:00 Uhr) vor „KA-2021-06-21“ (16:00 Uhr), steht "
       "in der Beratungsfolge aber danach – ordnen Sie die Sitzungen eines Tages nach ihrem Beginn.")]),
]


@pytest.mark.parametrize("edits, expected", [pytest.param(e, x, id=i) for i, e, x in CASES])
def test_bad_hausstil_input_gives_exact_messages(capsys, data, edits, expected):
    for file, old, new in edits:
        if old is None:
            (data / file).write_text(new, encoding="utf-8")
        else:
            edit(data / file, old, new)
    code, out, err = run(capsys, "check", "--data", str(data))
    assert code == 1 and out == ""
    lines = sorted(f"data/{file}:{line_of(data / file, needle)}: {message}" for file, needle, message in expected)
    count = len(expected)
    summary = f"{count} {'Problem' if count == 1 else 'Probleme'} gefunden – es wurde nichts geschrieben; " \
              "die bisherige Ausgabe ist unverändert."
    assert err == "\n".join(lines) + "\n\n" + summary + "\n"

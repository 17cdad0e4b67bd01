"""A body's own template that Jinja cannot read or run: a German problem naming file:line and what to do, never
Jinja's English sentence (issue 36, point 1: render returns its problems; a template is one of them)."""

from __future__ import annotations

import re

import pytest
from jinja2 import TemplateSyntaxError

from tests.hilfen import composed
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.problems import BuildFailed, Paths
from vorlagen.render.templates import Templates

EIGEN = "data/templates/eigen.html.j2"
PRUEFEN = "prüfen Sie, ob ein Operator, ein Komma, eine Klammer oder ein Anführungszeichen fehlt."
ALLGEMEIN = (
    "Das Template ist an dieser Stelle fehlerhaft – prüfen Sie die {% … %}- und {{ … }}-Blöcke: jeder Block "
    "braucht sein Ende, jeder Ausdruck geschlossene Klammern und Anführungszeichen."
)

KAPUTT = [
    (
        "<p>\n{% if x %}\nA\n",
        2,  # the line where the block opens, not the end of the template where Jinja notices
        "„{% if %}“ wird nicht geschlossen – ergänzen Sie „{% endif %}“ dort, wo der Block enden soll.",
    ),
    (
        "{% for a in b %}\nA\n",
        1,
        "„{% for %}“ wird nicht geschlossen – ergänzen Sie „{% endfor %}“ dort, wo der Block enden soll.",
    ),
    (
        "{% macro zeile(a) %}\n<td>{{ a }}</td>\n",
        1,
        "„{% macro %}“ wird nicht geschlossen – ergänzen Sie „{% endmacro %}“ dort, wo der Block enden soll.",
    ),
    (
        "{% for a in b %}\n{% set n = 1 %}{# {% if %} #}{% raw %}{% for %}{% endraw %}\n{% set t %}x{% endset %}\n"
        "{% if a %}\n{% if b %}{% endif %}\nA\n{% endfor %}",
        7,
        "„{% endfor %}“ passt nicht zum offenen Block „{% if %}“ aus Zeile 4 – der erwartet hier „{% elif %}“, „{% else %}“ oder "
        "„{% endif %}“; prüfen Sie, welcher Block wo endet.",
    ),
    (
        "{% for a in b %}\n{% set n = 1 %}{# {% if %} #}{% raw %}{% for %}{% endraw %}\n{% set t %}x{% endset %}\n"
        "{% if a %}\n{% if b %}{% endif %}\nA\n",
        4,  # comments, raw text, an assigning set and a closed if open nothing
        "„{% if %}“ wird nicht geschlossen – ergänzen Sie „{% endif %}“ dort, wo der Block enden soll.",
    ),
    (
        "{% for a in b %}\n{% if a %}\n{% endfor %}\n",
        3,
        "„{% endfor %}“ passt nicht zum offenen Block „{% if %}“ aus Zeile 2 – der erwartet hier „{% elif %}“, „{% else %}“ oder "
        "„{% endif %}“; prüfen Sie, welcher Block wo endet.",
    ),
    (
        "{% if x %}{% else %}{% else %}{% endif %}",
        1,  # the block closes later on the same line: no "aus Zeile", the scan cannot tell which else Jinja meant
        "„{% else %}“ passt nicht zum offenen Block „{% if %}“ – der erwartet hier „{% endif %}“; prüfen Sie, welcher "
        "Block wo endet.",
    ),
    (
        "A\n{% endif %}",
        2,
        "„{% endif %}“ schließt keinen offenen Block – löschen Sie es oder ergänzen Sie davor „{% if … %}“.",
    ),
    (
        "{% else %}",
        1,
        "„{% else %}“ steht außerhalb eines Blocks – es gehört zwischen „{% if … %}“ und „{% endif %}“ („else“ auch in "
        "„{% for %}“).",
    ),
    (
        "{% iff x %}",
        1,
        "Die Anweisung „{% iff %}“ gibt es nicht – meinten Sie „if“? Templates kennen if, elif, else, for, set, macro, "
        "call, filter, block, extends, include, import, from, with, autoescape, raw und die end-Tags dazu.",
    ),
    (
        "{% zeige x %}",
        1,
        "Die Anweisung „{% zeige %}“ gibt es nicht – Templates kennen if, elif, else, for, set, macro, call, filter, "
        "block, extends, include, import, from, with, autoescape, raw und die end-Tags dazu.",
    ),
    ("{{ vorlage.betreff titel }}", 1, f"„titel“ steht hier unerwartet – erwartet wird „}}}}“; {PRUEFEN}"),
    ("<p>\n{{ vorlage.betreff", 2, "„{{“ wird nicht geschlossen – ergänzen Sie „}}“."),
    ("{% if x %}A{% endif", 1, "„{%“ wird nicht geschlossen – ergänzen Sie „%}“."),
    ("{% if x \nA", 2, f"„A“ steht hier unerwartet – erwartet wird „%}}“; {PRUEFEN}"),
    ("{{ }}", 1, "Vor „}}“ fehlt ein Ausdruck – ergänzen Sie einen Namen oder Wert, z. B. „vorlage.betreff“."),
    ("{% set %}", 1, "Vor „%}“ fehlt ein Ausdruck – ergänzen Sie einen Namen oder Wert, z. B. „vorlage.betreff“."),
    ("{% %}", 1, "Nach „{%“ fehlt die Anweisung, z. B. „if“ oder „for“ – ergänzen Sie sie oder löschen Sie „{% %}“."),
    ("{% for x %}{% endfor %}", 1, f"„%}}“ steht hier unerwartet – erwartet wird „in“; {PRUEFEN}"),
    ("{{ x | }}", 1, f"„}}}}“ steht hier unerwartet – erwartet wird ein Name; {PRUEFEN}"),
    ("{{ 1 + }}", 1, f"„}}}}“ steht hier unerwartet – davor fehlt ein Wert oder Name; {PRUEFEN}"),
    (
        "{{ (x }}",
        1,
        "„}“ schließt die falsche Klammer – offen ist „(“, die mit „)“ schließt; prüfen Sie, dass jede Klammer ihr "
        "Gegenstück hat.",
    ),
    (
        "{{ [x) }}",
        1,
        "„)“ schließt die falsche Klammer – offen ist „[“, die mit „]“ schließt; prüfen Sie, dass jede Klammer ihr "
        "Gegenstück hat.",
    ),
    ("{{ x) }}", 1, "„)“ schließt keine offene Klammer – löschen Sie sie oder ergänzen Sie „(“."),
    (
        "{{ x ! y }}",
        1,
        "Das Zeichen „!“ ist in Ausdrücken nicht erlaubt – löschen Sie es oder setzen Sie Text in Anführungszeichen.",
    ),
    ("{{ 'Kreis }}", 1, "Ein Text in Anführungszeichen wird nicht geschlossen – ergänzen Sie das schließende '."),
    ("{# Notiz\nA", 1, "Der Kommentar „{#“ wird nicht geschlossen – ergänzen Sie „#}“."),
    ("{% raw %}x", 1, "„{% raw %}“ wird nicht geschlossen – ergänzen Sie „{% endraw %}“."),
    (
        "{% block a %}{% endblock %}\n{% block a %}{% endblock %}",
        2,
        "Den Block „a“ gibt es zweimal – geben Sie jedem Block einen eigenen Namen.",
    ),
    ("{% set 1 = 2 %}", 1, "Links von „=“ muss ein Name stehen – z. B. „{% set summe = … %}“."),
    ("{% block kopf-zeile %}{% endblock %}", 1, "Ein Blockname darf keinen Bindestrich enthalten – nehmen Sie „_“."),
    ("{% macro f(a=1, b) %}{% endmacro %}", 1, ALLGEMEIN),
    ("{{ f(a=1, 2) }}", 1, ALLGEMEIN),
]


def _templates(tmp_path, text: str) -> Templates:
    (tmp_path / "data" / "templates").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "templates" / "eigen.html.j2").write_text(text, encoding="utf-8")
    return Templates(tmp_path / "data", Paths(tmp_path), Zahlformat("€"))


@pytest.mark.parametrize("text, zeile, meldung", KAPUTT)
def test_each_broken_template_is_one_exact_german_problem(tmp_path, text, zeile, meldung):
    html, problems = _templates(tmp_path, text).render("eigen.html.j2", x=1, b=[], vorlage=None)
    assert html == ""
    assert [str(p) for p in problems] == [f"{EIGEN}:{zeile}: Syntaxfehler im Template: {meldung}"]


def test_an_unknown_filter_is_named_with_the_close_one_and_all_there_are(tmp_path):
    templates = _templates(tmp_path, "{{ x | jion }}")
    _, problems = templates.render("eigen.html.j2", x=[])
    vorhanden = sorted(f for f in templates.env.filters if f != "gezählt")
    assert [str(p) for p in problems] == [
        f"{EIGEN}:1: Syntaxfehler im Template: Den Filter „jion“ gibt es nicht – meinten Sie „join“? Vorhanden sind "
        f"{', '.join(vorhanden)}."
    ]
    assert "eur" in vorhanden and "gezählt" not in problems[0].message  # the sandbox's own loop counter is no filter


NAMEN = "prüfen Sie die Namen im Template"
VERBINDEN = (
    "Werte dieser Art lassen sich so nicht verbinden oder formatieren – prüfen Sie, welche Werte der Ausdruck "
    "verbindet, und setzen Sie Zahlen mit einem Filter wie „| eur“"
)
LAUFZEIT = [
    ("{{ 1 / 0 }}", "Division durch null – prüfen Sie, durch welchen Wert das Template teilt; er kann null sein"),
    ("{{ 'a' + 1 }}", VERBINDEN),
    ("{{ '{}'.format() }}", f"diese Zeile oder diesen Eintrag gibt es nicht – {NAMEN}"),
    (
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        "ein Makro ruft sich ohne Ende selbst auf – ein Makro darf sich nur mit einer Bedingung selbst aufrufen, "
        "die irgendwann endet",
    ),
    ("{% for a, b in [1] %}{% endfor %}", VERBINDEN),
]


@pytest.mark.parametrize("text, grund", LAUFZEIT)
def test_a_template_that_fails_while_running_is_german_too(tmp_path, text, grund):
    """Python's reason ('division by zero', 'can only concatenate str') never reaches the user; a macro calling
    itself without end ended in a traceback (RecursionError) before."""
    _, problems = _templates(tmp_path, text).render("eigen.html.j2")
    assert [str(p) for p in problems] == [f"{EIGEN}:1: Fehler im Template: {grund}."]


def test_a_missing_include_names_the_line_that_includes_it(tmp_path):
    _, problems = _templates(tmp_path, "<p>\n{% include 'fusszeile.html.j2' %}").render("eigen.html.j2")
    assert [str(p) for p in problems] == [
        f"{EIGEN}:2: Template „fusszeile.html.j2“ nicht gefunden – prüfen Sie den Namen in {{% include %}} oder "
        "{% extends %}."
    ]


TAGS = {"if", "elif", "else", "endif", "for", "endfor", "macro", "endmacro", "raw", "endraw", "block", "endblock"}


def _jinja(text: str) -> str:
    """Jinja's own English sentence for a template, as the parser says it."""
    from vorlagen.render.sandbox import Sandbox

    try:
        Sandbox(Zahlformat("€"), 2).from_string(text)
    except TemplateSyntaxError as error:
        return error.message or ""
    return ""


@pytest.mark.parametrize("text", [t for t, _, _ in KAPUTT] + ["{{ x | gibtsnicht }}", "{{ x is gibtsnicht }}"])
def test_no_word_of_jinjas_english_sentence_reaches_the_user(tmp_path, text):
    """Every word of Jinja's reason that is neither in the template itself nor the name of a filter or test must be
    missing from the German message (Jinja's words are lowercase English: 'expected', 'token', 'innermost' …)."""
    templates = _templates(tmp_path, text)
    _, problems = templates.render("eigen.html.j2", x=1)
    englisch = set(re.findall(r"[A-Za-z]{3,}", _jinja(text))) - set(re.findall(r"\w+", text))
    englisch -= set(templates.env.filters) | set(templates.env.tests) | TAGS  # the template language's own words
    assert englisch, "Jinja said nothing in English: the case tests nothing"
    (problem,) = problems
    assert problem.message.startswith("Syntaxfehler im Template: ")
    assert not {w for w in englisch if re.search(rf"\b{w}\b", problem.message)}, problem.message
    assert " – " in problem.message  # was falsch – was zu tun ist


def test_a_body_template_without_a_macro_the_program_calls_is_a_german_problem(data):
    """An own tabellen.html.j2 that lacks „verteilung“ ended in a traceback (AttributeError) before."""
    (data / "templates").mkdir()
    (data / "templates" / "tabellen.html.j2").write_text(
        "{% macro tabelle(t) %}<table></table>{% endmacro %}\n", encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as failed:
        composed(data)
    assert [str(p) for p in failed.value.problems] == [
        "data/templates/tabellen.html.j2: Im Template fehlt das Makro „verteilung“ – ein eigenes tabellen.html.j2 "
        "braucht alle Makros des mitgelieferten; übernehmen Sie es von dort."
    ]


def test_a_broken_table_template_is_reported_with_every_other_problem_of_the_vorlage(data):
    """render returns its problems: a broken macro no longer stops composing, the texts' problems come along."""
    from vorlagen.compute.project import prepare
    from vorlagen.render.document import Composer

    (data / "templates").mkdir()
    (data / "templates" / "tabellen.html.j2").write_text(
        "{% macro tabelle(t) %}{{ t.gibtsnicht }}{% endmacro %}\n{% macro verteilung(v) %}{% endmacro %}\n",
        encoding="utf-8",
    )
    text = data / "vorlagen" / "2021-0123" / "vorbemerkungen.md"
    text.write_text("Name: {{ kreis.name }}\n", encoding="utf-8")
    project = prepare(data)
    source = next(s for s in project.facts.vorlagen if s.vorlage.nummer == "2021/0123")
    doc, problems = Composer(project).composed(source)
    assert doc is None
    shown = [str(p) for p in problems]
    assert any(
        s.startswith("data/vorlagen/2021-0123/vorbemerkungen.md:1: {{ kreis.name }}: „kreis“ gibt es nicht")
        for s in shown
    )
    assert (
        "data/templates/tabellen.html.j2:1: Fehler im Template: „gibtsnicht“ gibt es nicht in „Tabelle“. Vorhanden: "
        "abzuege, alternative, anzahl_zeilen, art, berechnung, eigenanteil, gesamtkosten, id, jahre, monate, periode, quantum, titel, "
        "ueberschrift, vzae, zeilen, zeitraum." in shown
    )  # line 1 of the macro, not of the Python code Jinja compiled it to

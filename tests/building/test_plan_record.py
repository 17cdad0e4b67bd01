"""One record per document (issue 33, point 1): every file and fact a document reads is in its cache key, taken
where it is read. The property test makes random edits across every kind of data file and checks that the
incremental build – on the command line and in the preview – equals a clean build byte for byte: 18 edits in
the default tier, 210 in the slow one (marked langsam, a separate CI step). PDFs are set by a stand-in renderer
(tests/hilfen/schnellsatz.py) that reads what WeasyPrint reads; test_real_renderer… renders a few edits for real."""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.hilfen import DATA, ROOT, edit, ohne_mitzeichnung
from tests.hilfen.schnellsatz import Schnellsatz
from vorlagen.building.builder import Builder
from vorlagen.building.preview import Preview
from vorlagen.building.progress import Progress
from vorlagen.cli import main
from vorlagen.compute.project import prepare
from vorlagen.core.problems import BuildFailed

SEED = int(os.environ.get("VORLAGEN_SEED", "33"))
V = Path("vorlagen/2021-0123")
FONTS = ROOT / "templates" / "fonts"


def png(color: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (6, 6), color).save(buffer, "PNG")
    return buffer.getvalue()


def reiches_beispiel(target: Path) -> Path:
    """The example with every kind of data file a document can read: its own stylesheet with a font and a logo,
    an image in a text, an own template, shared figures quoted in a text, the time of a Sitzung in the
    Beratungsfolge. Without sign-offs and `erwartet:` assertions, so that every edit still builds."""
    data = ohne_mitzeichnung(shutil.copytree(DATA, target / "data"))
    for path in data.glob("vorlagen/*/vorlage.yaml"):
        path.write_text(re.sub(r"\n *erwartet: \{[^}]*\}", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    (data / "stil").mkdir()
    shutil.copy(FONTS / "LiberationSans-Bold.ttf", data / "stil" / "schrift.ttf")
    (data / "stil" / "logo.png").write_bytes(png("navy"))
    (data / "stil" / "hausstil.css").write_text(
        '@font-face { font-family: "Eigen"; src: url(schrift.ttf); }\nh1 { font-family: "Eigen"; color: #003366; }\n',
        encoding="utf-8",
    )
    edit(
        data / "koerperschaft.yaml",
        "  akzentfarbe:",
        "  stylesheet: stil/hausstil.css\n  logo: stil/logo.png\n"
        "  beratungsfolge: {spalten: [datum, uhrzeit, gremium, rolle, ergebnis]}\n  akzentfarbe:",
    )
    (data / "templates").mkdir()
    shutil.copy(DATA.parent / "templates" / "anlage.html.j2", data / "templates" / "anlage.html.j2")
    (data / "kennzahlen").mkdir()
    (data / "kennzahlen" / "fonds.yaml").write_text(
        "titel: Integrationsfonds\nquelle: Haushaltssatzung\nzahlen:\n"
        "  - {id: volumen, titel: Mittel des Fonds, formel: 480000}\n"
        "  - {id: anteil, titel: Anteil der Beratung, einheit: '%', formel: '12,5'}\n",
        encoding="utf-8",
    )
    folder = data / "vorlagen" / "2021-0130"
    (folder / "grafik.png").write_bytes(png("red"))
    edit(
        folder / "sachstand.md",
        "mündlich über den Stand des Verfahrens.",
        "mündlich über den Stand des Verfahrens. Der Fonds umfasst "
        '{{ kennzahlen["fonds"]["volumen"] | eur }}, davon {{ kennzahlen["fonds"]["anteil"] | prozent }}.\n\n'
        "![Grafik](grafik.png)",
    )
    return data


def _replace(path: Path, pattern: str, make) -> bool:
    """Replaces the first match of `pattern` by make(match); False when there is none."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, re.M)
    if match is None:
        return False
    path.write_text(text[: match.start()] + make(match) + text[match.end() :], encoding="utf-8")
    return True


def _ersetzt(name: str, ort: str, pattern: str, make):
    """The edit `name` that replaces the first match of `pattern` in the file `ort` – or, for a pattern of files,
    in one of them chosen at random – by make(rng, match)."""

    def kind(rng, data) -> bool:
        paths = sorted(data.glob(ort)) if "*" in ort else [data / ort]
        return bool(paths) and _replace(rng.choice(paths), pattern, lambda m: make(rng, m))

    kind.__name__ = name  # the name a failing step reports
    return kind


WORDS = ["Förderung", "Kommunen", "Beratung", "Haushalt", "Stelle", "Quartier", "Evaluation", "Zugang"]


def _text(rng, data):
    path = rng.choice(sorted(data.glob("vorlagen/**/*.md")) + sorted(data.glob("sitzungen/*/*.md")))
    with path.open("a", encoding="utf-8") as text:
        text.write(f"\n{rng.choice(WORDS)} {rng.randint(1, 999)} ergänzt.\n")
    return True


_betreff = _ersetzt(
    "_betreff", "vorlagen/*/vorlage.yaml", r"^betreff: (.*)$", lambda rng, m: f"betreff: {m[1]} {rng.choice(WORDS)}"
)

_anlage_titel = _ersetzt(
    "_anlage_titel",
    str(V / "vorlage.yaml"),
    r"\{titel: Handlungskonzept[^,}]*",
    lambda rng, m: f"{{titel: Handlungskonzept {rng.randint(1, 99)}",
)

_rate = _ersetzt("_rate", "kostensaetze/kommunen.yaml", r"SK: \d+", lambda rng, m: f"SK: {rng.randint(5000, 7000)}")


def _einheit(rng, data):
    path = data / "kostensaetze/kommunen.yaml"
    text = path.read_text(encoding="utf-8")
    if "einheit: Monat\n" in text:
        text = text.replace("einheit: Monat\n", "")
    else:  # a rate per month: twelve times the amount a year
        text = re.sub(
            r"SK: \d+", f"SK: {rng.randint(300, 500)}", text.replace("saetze:\n", "einheit: Monat\nsaetze:\n")
        )
    path.write_text(text, encoding="utf-8")
    return True


_programme = _ersetzt(
    "_programme",
    "foerderprogramme/kim.yaml",
    r"name: Sachkosten je Koordinationsstelle[^,}]*",
    lambda rng, m: f"name: Sachkosten je Koordinationsstelle {rng.choice(WORDS)}",
)

_bescheid = _ersetzt(
    "_bescheid",
    "bescheide/*.yaml",
    r"^datum: 2021-0(\d)-(\d\d)",
    lambda rng, m: f"datum: 2021-0{m[1]}-{rng.randint(10, 28)}",
)

_beginn = _ersetzt(
    "_beginn",
    "sitzungen/*.yaml",
    r'^beginn: "\d\d:\d\d Uhr"',
    lambda rng, m: f'beginn: "{rng.randint(8, 18):02d}:{rng.choice([0, 15, 30, 45]):02d} Uhr"',
)

_ort = _ersetzt("_ort", "sitzungen/*.yaml", r"^ort: (.+)$", lambda rng, m: f"ort: {m[1]}, Raum {rng.randint(1, 99)}")

_top = _ersetzt(
    "_top", "sitzungen/*.yaml", r"titel: ([^}]+)\}", lambda rng, m: f"titel: {m[1]} ({rng.randint(1, 9)})}}"
)


def _prozent(rng, data):
    path = data / "koerperschaft.yaml"
    text = re.sub(r"\nprozent_stellen: \d\n", "\n", path.read_text(encoding="utf-8"))
    path.write_text(text.replace("\nhausstil:", f"\nprozent_stellen: {rng.randint(0, 3)}\nhausstil:"), encoding="utf-8")
    return True


_anschrift = _ersetzt(
    "_anschrift", "koerperschaft.yaml", r"^anschrift: (.+)$", lambda rng, m: f"anschrift: {m[1]} {rng.randint(1, 9)}"
)

_gremium = _ersetzt(
    "_gremium",
    "koerperschaft.yaml",
    r"name: Kreisausschuss[^,}]*",
    lambda rng, m: f"name: Kreisausschuss {rng.choice(WORDS)}",
)

_stellen = _ersetzt(
    "_stellen", "stellen/*.yaml", r"stellen: (\d+)", lambda rng, m: f"stellen: {int(m[1]) + rng.randint(1, 40)}"
)

_haushalt = _ersetzt(
    "_haushalt", "haushalt/*.yaml", r"ansatz: (\d+)", lambda rng, m: f"ansatz: {int(m[1]) + 1000 * rng.randint(1, 90)}"
)

_kennzahl = _ersetzt(
    "_kennzahl",
    "kennzahlen/fonds.yaml",
    r"(Mittel des Fonds, formel: )\d+",
    lambda rng, m: f"{m[1]}{rng.randint(1, 9) * 10000}",
)

_niederschrift = _ersetzt(
    "_niederschrift",
    "sitzungen/*/niederschrift.yaml",
    r"^ende: \"\d\d:\d\d Uhr\"",
    lambda rng, m: f'ende: "{rng.randint(17, 21)}:{rng.choice([0, 30]):02d} Uhr"',
)


_abstimmung = _ersetzt(
    "_abstimmung",
    "sitzungen/*/niederschrift.yaml",
    r"\{ja: (\d+), nein: (\d+),",
    lambda rng, m: f"{{ja: {int(m[1]) + int(m[2]) - (k := rng.randint(0, 3))}, nein: {k},",
)

_beratung = _ersetzt(
    "_beratung",
    "vorlagen/2021-0130/vorlage.yaml",
    r"\{sitzung: KA-2021-06-21, rolle: Kenntnisnahme(, ergebnis: zur Kenntnis genommen)?\}",
    lambda rng, m: (
        "{sitzung: KA-2021-06-21, rolle: Kenntnisnahme" + ("}" if m[1] else ", ergebnis: zur Kenntnis genommen}")
    ),
)

# a Niederschrift with what its decision keeps (issue 61, point 1): the first one of a data folder, a later one
BESCHLOSSEN = {"KA-2021-06-21": ["vorlagen/2021-0123/beschlossen.yaml"]}


def _niederschrift_da(rng, data):
    """Takes a Sitzung's Niederschrift (and the Haushalt its decision keeps) away, or puts it back; or every
    Niederschrift away, when any is there."""
    sitzungen = ["ASI-2021-06-10", "ASI-2023-11-30", "KA-2021-06-21"]
    alle = rng.random() < 0.4 and any((data / "sitzungen" / s / "niederschrift.yaml").is_file() for s in sitzungen)
    abgelegt = data.parent / "abgelegt"
    for sitzung in sitzungen if alle else [rng.choice(sitzungen[::2])]:  # one alone: one with results of Vorlagen
        _umlegen(data, abgelegt, [f"sitzungen/{sitzung}/niederschrift.yaml", *BESCHLOSSEN.get(sitzung, [])], alle)
    return True


def _umlegen(data: Path, abgelegt: Path, names: list[str], weg: bool) -> None:
    """Files of the data folder taken away (into `abgelegt`) or put back; `weg`: only taken away."""
    for name in names:
        here, there = data / name, abgelegt / name
        if here.is_file():  # kept beside the data folder as it was (a refused step restores the data folder only)
            there.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(here, there)
            here.unlink()
        elif not weg:
            shutil.copy(there, here)


def _style(rng, data):
    path = data / "stil/hausstil.css"
    rule = rng.choice(
        [
            f"h1 {{ color: #{rng.randint(0, 0xFFFFFF):06x}; }}",
            'h2::after { content: " (geändert)"; }',
            "p:last-child { display: none; }",
            f".betrag {{ letter-spacing: {rng.randint(0, 3)}px; }}",
        ]
    )
    with path.open("a", encoding="utf-8") as css:
        css.write(rule + "\n")
    return True


def _font(rng, data):
    name = rng.choice(["LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-Regular.ttf"])
    shutil.copy(FONTS / name, data / "stil/schrift.ttf")
    return True


def _image(rng, data):
    target = rng.choice([data / "vorlagen/2021-0130/grafik.png", data / "stil/logo.png"])
    target.write_bytes(png(rng.choice(["red", "blue", "green", "navy", "orange"])))
    return True


_template = _ersetzt(
    "_template",
    "templates/anlage.html.j2",
    r"<h1>",
    lambda rng, m: f'<p class="hinweis">Fassung {rng.randint(1, 99)}</p>\n<h1>',
)


KINDS = [
    _text, _betreff, _anlage_titel, _rate, _einheit, _programme, _bescheid, _beginn, _ort, _top, _prozent,
    _anschrift, _gremium, _stellen, _haushalt, _kennzahl, _niederschrift, _style, _font, _image, _template,
    _abstimmung, _beratung, _niederschrift_da,
]  # fmt: skip


def _published(value):
    """An OParl object or list without what only its history decides: created/modified stamps, tombstones and the
    count of list members with them."""
    if isinstance(value, dict):
        return {k: _published(v) for k, v in value.items() if k not in ("created", "modified", "pagination")}
    if isinstance(value, list):
        return [_published(v) for v in value if not (isinstance(v, dict) and v.get("deleted"))]
    return value


def tree(out: Path) -> dict[str, bytes]:
    """Every output file by its path. The OParl endpoint stamps an object with the time it changed and keeps a
    removed one as a tombstone (its ledger remembers them): only that history may differ from a clean build, and
    with it the line of oparl.json in a bundle's SHA256SUMS."""
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            name, content = path.relative_to(out).as_posix(), path.read_bytes()
            if name.endswith(".json"):
                obj = json.loads(content)
                if isinstance(obj, dict) and obj.get("deleted"):
                    continue
                content = json.dumps(_published(obj), ensure_ascii=False, sort_keys=True).encode()
            elif name.endswith("SHA256SUMS"):
                content = b"".join(line for line in content.splitlines(True) if not line.endswith(b"oparl.json\n"))
            files[name] = content
    return files


def clean_build(data: Path, out: Path, mappen) -> dict[str, bytes] | list[str]:
    """A build into an empty output folder (and state): its files, or its problems."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / ".vorlagen" / out.name, ignore_errors=True)
    try:
        Builder(prepare(data), Progress(stream=io.StringIO(), live=False), Schnellsatz()).build(out, mappen)
    except BuildFailed as failed:
        return sorted(str(p) for p in failed.problems)
    return tree(out)


def _snapshot(data: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in data.rglob("*") if p.is_file()}


def _restore(data: Path, snapshot: dict[Path, bytes]) -> None:
    for p in [p for p in data.rglob("*") if p.is_file() and p not in snapshot]:
        p.unlink()
    for p, content in snapshot.items():
        if not p.is_file() or p.read_bytes() != content:
            p.write_bytes(content)


@pytest.mark.parametrize("edits", [18, pytest.param(210, marks=pytest.mark.langsam)])  # default tier, slow tier
def test_incremental_builds_equal_clean_builds_in_the_cli_and_the_preview(tmp_path, monkeypatch, edits):
    monkeypatch.setattr("vorlagen.building.workers.Renderer", Schnellsatz)
    data = reiches_beispiel(tmp_path)
    rng = random.Random(SEED)
    cli, vorschau = tmp_path / "cli", tmp_path / "vorschau"
    preview = Preview(data, vorschau, 0, say=lambda _: None)
    preview.renderer = Schnellsatz()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["--data", str(data), "--out", str(cli), "--mappen"]) == 0
    preview.build()
    done, steps, kinds = 0, 0, set()
    while done < edits:
        before = _snapshot(data)
        applied = [kind for kind in rng.sample(KINDS, rng.randint(1, 4)) if kind(rng, data)]
        try:
            prepare(data)
        except BuildFailed:
            _restore(data, before)  # an edit the checks refuse (a figure no longer adds up): not counted
            continue
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["--data", str(data), "--out", str(cli), "--mappen"])
        preview.build()
        expected = clean_build(data, tmp_path / "sauber", {"*"})
        label = f"Schritt {steps} (Seed {SEED}): {[k.__name__ for k in applied]}"
        assert isinstance(expected, dict), f"{label}: {expected}"
        assert code == 0, label
        assert tree(cli) == expected, label
        assert tree(vorschau) == clean_build(data, tmp_path / "sauber", set()), label
        done += len(applied)
        steps += 1
        kinds.update(k.__name__ for k in applied)
    if edits >= 200:
        assert kinds == {k.__name__ for k in KINDS}  # every kind of data file was edited


@pytest.fixture
def reich(tmp_path) -> Path:
    return reiches_beispiel(tmp_path)


def _fast(data: Path, out: Path) -> Builder:
    builder = Builder(prepare(data), Progress(stream=io.StringIO(), live=False), Schnellsatz())
    builder.build(out)
    return builder


def _same_as_clean(data: Path, out: Path, tmp_path: Path) -> None:
    _fast(data, out)
    assert tree(out) == clean_build(data, tmp_path / "sauber", set())


def test_a_rate_files_einheit_is_in_the_record(reich, tmp_path):
    """Jahr → Monat makes every figure of the rate twelve times as large: the Vorlage that reads it is rebuilt."""
    edit(reich / "kostensaetze/kommunen.yaml", "SK: 6250", "SK: 500")
    out = tmp_path / "output"
    _fast(reich, out)
    before = (out / V / "2021-0123.txt").read_text(encoding="utf-8")
    _einheit(random.Random(0), reich)
    _same_as_clean(reich, out, tmp_path)
    assert (out / V / "2021-0123.txt").read_text(encoding="utf-8") != before


def test_the_beginn_of_a_sitzung_printed_in_the_beratungsfolge_is_in_the_record(reich, tmp_path):
    out = tmp_path / "output"
    _fast(reich, out)
    assert "15:00 Uhr" in (out / V / "2021-0123.txt").read_text(encoding="utf-8")
    edit(reich / "sitzungen/ASI-2021-06-10.yaml", 'beginn: "15:00 Uhr"', 'beginn: "09:30 Uhr"')
    _same_as_clean(reich, out, tmp_path)
    assert "09:30 Uhr" in (out / V / "2021-0123.txt").read_text(encoding="utf-8")


def test_prozent_stellen_changed_while_the_preview_runs_reaches_the_own_templates(reich, tmp_path):
    """Jinja folds a constant expression such as {{ 0.123456 | prozent }} when it compiles a template: the code
    compiled under the old prozent_stellen must not be used under the new one."""
    edit(reich / "templates/anlage.html.j2", "<h1>", "<p>Quote {{ 0.123456 | prozent }}</p>\n<h1>")
    preview = Preview(reich, tmp_path / "vorschau", 0, say=lambda _: None)
    preview.renderer = Schnellsatz()
    preview.build()
    anlage = next((tmp_path / "vorschau" / V).glob("anlage-1-*.txt"))
    assert "Quote 12,35\u00a0%" in anlage.read_text(encoding="utf-8")
    edit(reich / "koerperschaft.yaml", "\nhausstil:", "\nprozent_stellen: 3\nhausstil:")
    preview.build()
    assert "Quote 12,346\u00a0%" in anlage.read_text(encoding="utf-8")
    assert tree(tmp_path / "vorschau") == clean_build(reich, tmp_path / "sauber", set())


def test_the_first_niederschrift_reaches_the_beratungsfolge_of_every_vorlage_it_records(reich, tmp_path):
    """Issue 61, point 1: a build before any Niederschrift, then the Niederschrift of the Kreisausschuss and the
    Haushalt its decision keeps: the results it records are printed in the Beratungsfolge as in a clean build."""
    abgelegt = {p: p.read_bytes() for p in reich.glob("sitzungen/*/niederschrift.yaml")}
    beschlossen = reich / "vorlagen/2021-0123/beschlossen.yaml"
    abgelegt[beschlossen] = beschlossen.read_bytes()
    for path in abgelegt:
        path.unlink()
    out = tmp_path / "output"
    _fast(reich, out)
    assert "zur Kenntnis genommen" not in (out / "intern/vorlagen/2021-0130/2021-0130.txt").read_text(encoding="utf-8")
    for path in (reich / "sitzungen/KA-2021-06-21/niederschrift.yaml", beschlossen):
        path.write_bytes(abgelegt[path])
    _same_as_clean(reich, out, tmp_path)
    assert "zur Kenntnis genommen" in (out / "intern/vorlagen/2021-0130/2021-0130.txt").read_text(encoding="utf-8")

"""`aktualisieren` loses nothing (issue 54): a text not in UTF-8 is refused, never emptied; the proof compares the
whole printed text and an explanation covers only its own figures; the files are written together or not at all,
never over an edit made during the proof, whole after kill -9 at any instant."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hilfen import ROOT, altfassung, run
from vorlagen.migration.erklaerungen import Erklaerung
from vorlagen.migration.gedruckt import Abweichung, Fund, textabweichungen

pytestmark = pytest.mark.usefixtures("aus_dem_repository")

LOHNE = ROOT / "tests" / "fixtures" / "altbestand" / "lohne"
VORLAGE = "data/vorlagen/2010-014"


@pytest.fixture(scope="module")
def alte_ausgabe(tmp_path_factory) -> Path:
    """lohne built once by the program of the last version: the oracle."""
    out = tmp_path_factory.mktemp("alt") / "lohne"
    altfassung.bauen(LOHNE, out)
    return out


@pytest.fixture
def repo(alte_ausgabe: Path, tmp_path: Path) -> Path:
    repo = tmp_path / "lohne"
    shutil.copytree(LOHNE, repo)
    shutil.copytree(alte_ausgabe, repo / "output")
    return repo


def sources(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted(repo.rglob("*")) if p.is_file()}


def ohne_ausgabe(repo: Path) -> dict[str, bytes]:
    return {k: v for k, v in sources(repo).items() if not k.startswith(("output/", ".vorlagen/"))}


def test_a_text_saved_as_latin_1_is_named_with_its_encoding_and_never_emptied(repo: Path, capsys) -> None:
    text = repo / VORLAGE / "sachverhalt.md"
    inhalt = text.read_text(encoding="utf-8")
    text.write_bytes((inhalt + "\nDie Maßnahme läuft weiter.\n").encode("cp1252"))
    zeile = next(n for n, line in enumerate(inhalt.splitlines(), start=1) if not line.isascii())
    before = ohne_ausgabe(repo)
    code, out, err = run(capsys, "--data", str(repo), "aktualisieren")
    assert code != 0
    assert (
        f"{VORLAGE}/sachverhalt.md:{zeile}: Die Datei ist nicht als UTF-8 gespeichert, sondern vermutlich als "
        "Windows-1252 (ANSI) – speichern Sie sie im Editor mit der Kodierung „UTF-8“."
    ) in out + err
    assert ohne_ausgabe(repo) == before


def test_a_sentence_the_update_no_longer_prints_blocks_the_write(repo: Path, capsys) -> None:
    """The earlier build printed a sentence without a figure that this build would not print: the proof compares
    the whole text, not only its figures."""
    rendition = repo / "output" / "vorlagen" / "2010-014" / "2010-014.txt"
    lines = rendition.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(6, "Der Kreistag hat diesen Satz gelesen, und er darf nicht verschwinden.\n")
    rendition.write_text("".join(lines), encoding="utf-8")
    before = ohne_ausgabe(repo)
    code, out, _ = run(capsys, "--data", str(repo), "aktualisieren")
    assert code == 1, out
    assert (
        "vorlagen/2010-014/2010-014.txt:7: „Der Kreistag hat diesen Satz gelesen, und er darf nicht verschwinden.“ "
        "wird nicht mehr gedruckt"
    ) in out
    assert out.endswith("Nichts geschrieben: das Datenrepository ist unverändert.\n")
    assert ohne_ausgabe(repo) == before


def test_the_text_comparison_ignores_figures_spaces_wraps_and_renamed_words_only() -> None:
    vorher = {"a.txt": "Die Einsparung von 1.000 €   deckt die\nAusgabe der Integrations-\nmanagerin.\nSchluss."}
    gleich = {"a.txt": "Die Minderausgabe von 1.000,00 € deckt die Ausgabe der Integrationsmanagerin.\nSchluss."}
    assert textabweichungen(vorher, gleich, {"Einsparung": ("Minderausgabe",)}) == []
    ohne_schluss = {"a.txt": gleich["a.txt"].replace("Schluss.", "")}
    [weg] = textabweichungen(vorher, ohne_schluss, {"Einsparung": ("Minderausgabe",)})
    assert weg.vorher is not None and weg.nachher is None
    assert (weg.vorher.text, weg.vorher.zeile) == ("Schluss.", 4)
    anders = {"a.txt": gleich["a.txt"].replace("deckt", "verschiebt")}
    [ersetzt] = textabweichungen(vorher, anders, {"Einsparung": ("Minderausgabe",)})
    assert ersetzt.vorher is not None and ersetzt.nachher is not None
    assert (ersetzt.vorher.text, ersetzt.nachher.text) == ("deckt", "verschiebt")


def fund(text: str) -> Fund:
    return Fund(text, 3, f"… {text} …")


def test_an_explanation_covers_only_the_figures_it_is_about() -> None:
    datei = "vorlagen/x/x.txt"
    allgemein = Erklaerung("x", "Zeile nach Namen gelesen", bewahrbar=False)
    assert allgemein.erklaert(Abweichung(datei, fund("1.000 €"), fund("1.200 €")))
    # a figure no longer printed is never what an update explains: 13 figures of a Sachverhalt gone stay gone
    assert not allgemein.erklaert(Abweichung(datei, fund("1.000 €"), None))
    assert not allgemein.erklaert(Abweichung("vorlagen/y/y.txt", fund("1.000 €"), fund("1.200 €")))
    anteile = Erklaerung("x", "Anteile anders gerundet", bewahrbar=False, nur="%")
    assert anteile.erklaert(Abweichung(datei, fund("33,33 %"), fund("33,3 %")))
    assert not anteile.erklaert(Abweichung(datei, fund("1.000 €"), fund("1.200 €")))
    null = Erklaerung("x", "0 T€ jetzt in €", bewahrbar=False, nur="0")
    assert null.erklaert(Abweichung(datei, fund("0 T€"), fund("400 €")))
    assert not null.erklaert(Abweichung(datei, fund("12 T€"), fund("12.400 €")))


def test_a_file_changed_during_the_proof_is_not_overwritten(repo: Path, capsys, monkeypatch) -> None:
    """The proof takes minutes on a year of Vorlagen; an edit saved meanwhile is kept and nothing is written."""
    from vorlagen.migration import aktualisieren as befehl

    yaml = repo / VORLAGE / "vorlage.yaml"
    echt = befehl.probebau

    def bauen_und_bearbeiten(data: Path, out: Path) -> None:
        echt(data, out)
        yaml.write_bytes(yaml.read_bytes() + b"# in der Zwischenzeit gespeichert\n")

    monkeypatch.setattr(befehl, "probebau", bauen_und_bearbeiten)
    settings = (repo / "vorlagen.toml").read_bytes()
    code, out, err = run(capsys, "--data", str(repo), "aktualisieren")
    assert code != 0
    assert yaml.read_bytes().endswith(b"# in der Zwischenzeit gespeichert\n")
    assert (repo / "vorlagen.toml").read_bytes() == settings, "vorlagen.toml is written with the others or not"
    assert f"{VORLAGE}/vorlage.yaml: Die Datei wurde geändert, seit sie gelesen wurde" in err
    assert "Nichts geschrieben: Dateien wurden während der Prüfung geändert – rufen Sie „aktualisieren“ erneut" in out


def test_a_comment_on_a_rewritten_line_stays(repo: Path, capsys) -> None:
    """The handbook promises that comments stay: also one that quotes what the line says."""
    yaml = repo / VORLAGE / "vorlage.yaml"
    text = yaml.read_text(encoding="utf-8")
    for vorher, nachher in [
        ("erwartet: 3871.65\n", "erwartet: 3871.65  # laut Bescheid: 3871.65\n"),
        (
            "formel: finanzierung.dk650.zeilen.5.differenz\n",
            "formel: finanzierung.dk650.zeilen.5.differenz  # wie finanzierung.dk650.zeilen.5.differenz 2009\n",
        ),
    ]:
        assert vorher in text
        text = text.replace(vorher, nachher)
    yaml.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "--data", str(repo), "aktualisieren")
    assert code == 0, out
    neu = yaml.read_text(encoding="utf-8")
    assert 'erwartet: "3871,65"  # laut Bescheid: 3871.65\n' in neu
    assert (
        'formel: finanzierung.dk650.zeilen["110.650"].differenz  # wie finanzierung.dk650.zeilen.5.differenz 2009\n'
    ) in neu


AKTUALISIEREN = [sys.executable, "-m", "vorlagen", "aktualisieren"]


@pytest.mark.langsam  # runs the whole update many times
def test_kill_9_at_any_instant_of_aktualisieren_leaves_the_repository_old_or_new_and_building(
    repo: Path, tmp_path: Path
) -> None:
    """Killed at random instants (most of them near the end, where it writes), `aktualisieren` leaves every file of
    the repository either as it was or as the update writes it, all of one kind; the next command finishes or
    undoes what it began, and the repository builds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VORLAGEN_WORKER": "0"}
    alt = ohne_ausgabe(repo)
    fertig = tmp_path / "fertig"
    shutil.copytree(repo, fertig)
    start = time.monotonic()
    subprocess.run(AKTUALISIEREN, cwd=fertig, env=env, check=True, capture_output=True, timeout=600)
    dauer = time.monotonic() - start
    neu = ohne_ausgabe(fertig)
    assert neu != alt
    zufall = random.Random(int(os.environ.get("VORLAGEN_ZUFALL_SEED", "5403")))
    gesehen = set()
    for _ in range(8):
        child = subprocess.Popen(AKTUALISIEREN, cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(dauer * zufall.uniform(0.6, 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        pruefen = subprocess.run(
            [sys.executable, "-m", "vorlagen", "pruefen", "--ohne-satz"], cwd=repo, env=env, capture_output=True
        )
        jetzt = ohne_ausgabe(repo)
        assert jetzt in (alt, neu), sorted(k for k in set(jetzt) | set(neu) if jetzt.get(k) != neu.get(k))
        if jetzt == neu:  # updated: it builds with this version
            assert pruefen.returncode == 0, pruefen.stderr.decode()
        else:  # as it was: refused only for the version it names, as before the update
            meldung = pruefen.stderr.decode()
            assert pruefen.returncode == 1 and "Dieses Datenrepository verlangt vorlagen 0.2" in meldung, meldung
            assert "1 Problem gefunden" in meldung, meldung
        gesehen.add("neu" if jetzt == neu else "alt")
        if jetzt == neu:
            for name, inhalt in alt.items():  # back to the old state for the next kill
                (repo / name).write_bytes(inhalt)
    assert gesehen, "no round ran"
    # after the last kill, the update runs to its end and the repository builds
    subprocess.run(AKTUALISIEREN, cwd=repo, env=env, check=True, capture_output=True, timeout=600)
    assert ohne_ausgabe(repo) == neu
    pruefen = subprocess.run(
        [sys.executable, "-m", "vorlagen", "pruefen", "--ohne-satz"], cwd=repo, env=env, capture_output=True
    )
    assert pruefen.returncode == 0, pruefen.stderr.decode()


def test_a_change_decided_before_a_kill_is_finished_by_a_command_the_old_version_would_refuse(
    repo: Path, tmp_path: Path, capsys
) -> None:
    """Killed after the instant that decides but before any file was renamed: vorlagen.toml still asks for the old
    version. The next command finishes the change before it reads vorlagen.toml – it used to refuse the repository
    for its old version and leave old files beside the new ones (once seen in CI by the kill test above)."""
    alt = ohne_ausgabe(repo)
    fertig = tmp_path / "fertig"
    shutil.copytree(repo, fertig)
    assert run(capsys, "--data", str(fertig), "aktualisieren")[0] == 0
    neu = ohne_ausgabe(fertig)
    assert alt["vorlagen.toml"] != neu["vorlagen.toml"]
    dateien = []  # the committed journal as such a writer leaves it: each new file beside its target, none renamed
    for name in sorted(set(alt) | set(neu)):
        if name not in neu:
            dateien.append({"ziel": name, "neu": None})
        elif alt.get(name) != neu[name]:
            wartet = Path(name).with_name(f".{Path(name).name}.0123456789ab.neu").as_posix()
            (repo / wartet).parent.mkdir(parents=True, exist_ok=True)
            (repo / wartet).write_bytes(neu[name])
            dateien.append({"ziel": name, "neu": wartet})
    (repo / ".vorlagen").mkdir(exist_ok=True)
    (repo / ".vorlagen" / "schreibvorgang-beschlossen.json").write_text(json.dumps({"dateien": dateien}))
    code, _, err = run(capsys, "--data", str(repo), "pruefen", "--ohne-satz")
    assert ohne_ausgabe(repo) == neu
    assert code == 0, err
    assert not (repo / ".vorlagen" / "schreibvorgang-beschlossen.json").exists()


def test_only_the_dropped_sentence_this_version_names_is_explained_among_lost_text() -> None:
    """0.2 printed „Keine.“ under Finanzielle Auswirkungen where a Vorlage said nothing; 0.3 prints no sentence it
    was not given – named with its reason. Any other text no longer printed still blocks the write."""
    from vorlagen.migration.aktualisieren import Ergebnis, _texte_einordnen

    vorher = {
        "v.txt": "Sachverhalt\n-----------\nText.\n\nFinanzielle Auswirkungen\n------------------------\nKeine.\n"
    }
    nachher = {"v.txt": "Sachverhalt\n-----------\nText.\n"}
    ergebnis = Ergebnis()
    _texte_einordnen(ergebnis, textabweichungen(vorher, nachher, {}), [])
    assert ergebnis.abweichungen == []
    assert [grund.split(" druckt seit")[0] for _, grund in ergebnis.worte] == [
        "eine Vorlage ohne Angaben zu finanziellen Auswirkungen"
    ]
    anders = {"v.txt": vorher["v.txt"].replace("Text.", "Der Kreistag beschließt.")}
    ergebnis = Ergebnis()
    _texte_einordnen(ergebnis, textabweichungen(anders, nachher, {}), [])
    assert [a.vorher.text.startswith("Der Kreistag beschließt.") for a in ergebnis.abweichungen if a.vorher] == [True]
    assert ergebnis.worte == []

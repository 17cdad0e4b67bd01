"""What the public part of the output shows of a Vorlage that is an ENTWURF (issue 61, point 2): its last released
state, or nothing if it was never released; the draft goes to output/intern/; its OParl Paper stays published and
is marked deleted only when the Vorlage is gone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hilfen import edit, run

NR = "2021/0123"
FOLDER = Path("vorlagen/2021-0123")
SENTENCE = ("fördert das Land Nordrhein-Westfalen seit 2020", "fördert das Land NRW seit 2020")
MARK = "ENTWURF – noch nicht freigegeben; Mitzeichnung ausstehend: Kämmerei (veraltet)"
PAPER = Path("oparl/paper/2021-0123.json")


def _public(out: Path) -> dict[str, bytes]:
    """Every file outside output/intern/ by its path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.relative_to(out).parts[0] != "intern"
    }


def _ohne_stempel(content: bytes) -> dict:
    obj = json.loads(content)
    return {k: v for k, v in obj.items() if k not in ("created", "modified")}


def _kein_entwurf(out: Path) -> None:
    for name, content in _public(out).items():
        if name.endswith((".txt", ".html", ".json")):
            assert "ENTWURF" not in content.decode("utf-8"), name
            assert "intern/vorlagen/2021-0123" not in content.decode("utf-8"), name


def test_a_released_vorlage_changed_after_its_sign_off_keeps_its_released_state_public(
    capsys, data, tmp_path, schnellsatz
):
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    released = {name: content for name, content in _public(out).items() if name.startswith(str(FOLDER))}
    assert f"{FOLDER}/2021-0123.pdf" in released
    paper = _ohne_stempel((out / PAPER).read_bytes())

    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    code, said, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    assert (
        "Warnung: data/vorlagen/2021-0123/mitzeichnungen.yaml: Die Vorlage 2021/0123 ist noch ein ENTWURF – die "
        "OParl-Schnittstelle veröffentlicht sie erst, wenn sie freigegeben ist und zeigt bis dahin den zuletzt "
        "freigegebenen Stand. Die Mitzeichnung „Kämmerei“"
    ) in said + err
    draft = out / "intern" / FOLDER / "2021-0123.txt"
    assert draft.read_text(encoding="utf-8").splitlines()[0] == MARK
    assert "fördert das Land NRW seit 2020" in draft.read_text(encoding="utf-8")
    now = _public(out)
    assert {name: content for name, content in now.items() if name.startswith(str(FOLDER))} == released
    assert _ohne_stempel((out / PAPER).read_bytes()) == paper  # not deleted, as it was released
    _kein_entwurf(out)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "2021-0123/2021-0123.pdf" in index
    assert "2021-0123/2021-0123.pdf" in (out / "intern" / "index.html").read_text(encoding="utf-8")

    code, _, err = run(capsys, "--data", str(data), "--out", str(out))  # a second build keeps it as well
    assert code == 0, err
    assert {name: content for name, content in _public(out).items() if name.startswith(str(FOLDER))} == released
    assert _ohne_stempel((out / PAPER).read_bytes()) == paper


def test_a_vorlage_never_released_shows_nothing_in_the_public_part(capsys, data, tmp_path, schnellsatz):
    edit(data / FOLDER / "vorbemerkungen.md", *SENTENCE)
    out = tmp_path / "out"
    code, _, err = run(capsys, "--data", str(data), "--out", str(out))
    assert code == 0, err
    assert not (out / FOLDER).exists()
    assert not (out / PAPER).exists()
    assert (out / "intern" / FOLDER / "2021-0123.txt").read_text(encoding="utf-8").splitlines()[0] == MARK
    _kein_entwurf(out)
    assert "2021-0123" not in (out / "index.html").read_text(encoding="utf-8")


AGENDA = Path("sitzungen/ASI-2021-06-10/tagesordnung")
BETREFF = "Kommunales Integrationsmanagement (KIM) – Stellenbesetzung und Finanzierung bis Ende 2022"


def test_the_agendas_show_the_released_betreff_and_link_only_what_is_there(capsys, data, tmp_path, schnellsatz):
    """The agendas name a Vorlage that is an ENTWURF by its last released Betreff and link its released files; one
    never released is named on the public agenda without a link (its draft lies in intern/)."""
    out = tmp_path / "out"
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    edit(data / FOLDER / "vorlage.yaml", f"betreff: {BETREFF}", f"betreff: {BETREFF} (neu gefasst)")
    assert run(capsys, "--data", str(data), "--out", str(out))[0] == 0
    for agenda in (out / AGENDA, out / "intern" / AGENDA):
        text = agenda.with_suffix(".txt").read_text(encoding="utf-8")
        assert "(neu gefasst)" not in text and BETREFF in " ".join(text.split()), agenda
    assert 'href="../../vorlagen/2021-0123/2021-0123.html"' in (out / AGENDA).with_suffix(".html").read_text(
        encoding="utf-8"
    )

    fresh = tmp_path / "frisch"  # never released in this output: the public agenda names it without a link
    assert run(capsys, "--data", str(data), "--out", str(fresh))[0] == 0
    assert "2021-0123.html" not in (fresh / AGENDA).with_suffix(".html").read_text(encoding="utf-8")
    intern = (fresh / "intern" / AGENDA).with_suffix(".html").read_text(encoding="utf-8")
    assert 'href="../../vorlagen/2021-0123/2021-0123.html"' in intern  # intern/sitzungen/… → intern/vorlagen/…
    assert (fresh / "intern/vorlagen/2021-0123/2021-0123.html").is_file()

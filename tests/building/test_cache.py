"""The cache and the workers: what changed is rebuilt, nothing else, and the output is the same either way."""

from __future__ import annotations

import json

import pytest

from tests.hilfen import ROOT, edit, freigeben, tree
from tests.hilfen.bauen import RSK, SECRET, build, inode

EVERYTHING = 3 + 3 * 2 + 3 * 2 + (3 + 1 + 2) + 2  # see the first test


@pytest.mark.langsam  # builds whole repositories
def test_first_build_renders_everything(data, tmp_path):
    builder = build(data, tmp_path / "output")
    # 2021/0123 + its Anlage, 2021/0130; per Sitzung a public and an internal agenda (3 Sitzungen) and, all three
    # having a Niederschrift, a public and an internal one; Auszüge of the TOPs with a result (ASI 2021: 2, 3, 5;
    # ASI 2023: 2; KA: 2, 4); the Beschlusskontrolle overall and for the one Amt with an Auftrag
    assert builder.rendered == EVERYTHING


@pytest.mark.langsam  # builds whole repositories
def test_noop_rebuild_renders_nothing_and_links_the_files(data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    before = {name: inode(out / name) for name in (RSK, SECRET)}
    again = build(data, out)
    assert again.rendered == 0
    assert {name: inode(out / name) for name in (RSK, SECRET)} == before


@pytest.mark.langsam  # builds whole repositories
def test_changed_fact_used_by_a_vorlage_rebuilds_only_it(data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    secret_inode = inode(out / SECRET)
    edit(data / "kostensaetze/kgst-2020.yaml", "E5: 73780", "E5: 74980")
    edit(data / "vorlagen/2021-0123/vorlage.yaml", "erwartet: {eigenanteil: 10335}", "erwartet: {eigenanteil: 10985}")
    freigeben(data)  # signed again: else 2021/0123 is an ENTWURF, and its Anlage says so too
    builder = build(data, out)
    # only 2021/0123 itself: not its Anlage (unchanged), not 2021/0130, not the agendas (Nummer and Betreff only);
    # and what quotes its figures: the Niederschriften of ASI and KA (public, internal) and their Auszüge of its TOP
    assert builder.rendered == 1 + 3 + 3
    assert inode(out / SECRET) == secret_inode
    assert "10.985" in (out / "vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")


@pytest.mark.langsam  # builds whole repositories
def test_a_rate_read_only_through_a_bescheid_counts_as_used(data, tmp_path):
    """The text quotes the Bescheid's computed sum; the sum depends on a rate no table uses."""
    out = tmp_path / "output"
    build(data, out)
    edit(data / "foerderprogramme/kim.yaml", "veranstaltungen: {betrag: 10000,", "veranstaltungen: {betrag: 12000,")
    freigeben(data)  # signed again: else 2021/0123 is an ENTWURF in intern/ and the public part keeps its release
    build(data, out)
    text = (out / "vorlagen/2021-0123/2021-0123.txt").read_text(encoding="utf-8")
    assert "jährlich 295.800" in text  # 293.800 € + 2.000 €


@pytest.mark.langsam  # builds whole repositories
def test_a_rate_read_by_a_text_counts_as_used(data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    edit(data / "foerderprogramme/kim.yaml", "abh-ebh: {betrag: 50000,", "abh-ebh: {betrag: 50001,")
    # the new rate changes Modul 3's Eigenanteile by a few euros: their `erwartet` no longer holds
    edit(data / "vorlagen/2021-0123/vorlage.yaml", "    erwartet: {eigenanteil: 82533}\n", "")
    edit(data / "vorlagen/2021-0123/vorlage.yaml", "    erwartet: {eigenanteil: 150669}\n", "")
    freigeben(data)  # signed again, as above
    build(data, out)
    anlage = out / "vorlagen/2021-0123/anlage-1-handlungskonzept-kommunales-integrationsmanagement.txt"
    assert "50.001\u00a0€ je Vollzeitstelle" in anlage.read_text(encoding="utf-8")


@pytest.mark.langsam  # builds whole repositories
def test_unrelated_change_rebuilds_nothing_else(data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    rsk_inode = inode(out / RSK)
    edit(data / "vorlagen/2021-0130/sachstand.md", "mündlich", "schriftlich")
    edit(data / "kostensaetze/kgst-2020.yaml", "E11: 106540", "E11: 106540\n  E13: 112000")  # a rate nobody uses
    builder = build(data, out)
    assert builder.rendered == 1  # only 2021/0130
    assert inode(out / RSK) == rsk_inode


@pytest.mark.langsam  # builds whole repositories
def test_cached_and_fresh_output_are_byte_identical(data, tmp_path):
    cached = tmp_path / "cached"
    build(data, cached, {"ASI-2021-06-10"})
    edit(data / "vorlagen/2021-0123/vorbemerkungen.md", "seit 2020", "seit dem Jahr 2020")
    freigeben(data)  # signed again: the Sitzungsmappe takes no ENTWURF
    build(data, cached, {"ASI-2021-06-10"})
    fresh = tmp_path / "fresh"
    build(data, fresh, {"ASI-2021-06-10"})
    # OParl's created/modified are publication history, not cache: the cached output stamped the change
    # with the time of its second build, the fresh one with the Vorlage's date. Everything else agrees.
    cached_tree, fresh_tree = unstamped(tree(cached)), unstamped(tree(fresh))
    assert cached_tree == fresh_tree
    assert sum(name.startswith("oparl/") for name in cached_tree) > 30


def unstamped(files: dict[str, bytes]) -> dict[str, object]:
    """The tree with created/modified removed from OParl JSON; without the ledger and the checksums over it."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("created", "modified")}
        return [strip(v) for v in value] if isinstance(value, list) else value

    result = {}
    for name, content in files.items():
        if name.endswith(".oparl-ledger.json") or name.endswith("SHA256SUMS"):
            continue
        result[name] = strip(json.loads(content)) if name.endswith(".json") and "oparl" in name else content
    return result


@pytest.mark.langsam  # builds whole repositories
def test_template_change_rebuilds_everything(data, tmp_path):
    out = tmp_path / "output"
    build(data, out)
    (data / "templates").mkdir()
    css = (ROOT / "templates" / "vorlage.css").read_text(encoding="utf-8")
    (data / "templates" / "vorlage.css").write_text(css.replace("#1f4e79", "#1f4e7a"), encoding="utf-8")
    assert build(data, out).rendered == EVERYTHING


@pytest.mark.langsam  # builds whole repositories
def test_packets_are_kept_while_valid_and_dropped_when_stale(data, tmp_path):
    out = tmp_path / "output"
    build(data, out, {"ASI-2021-06-10"})
    packet = out / "sitzungen/ASI-2021-06-10/sitzungsmappe.pdf"
    assert packet.is_file()
    build(data, out)  # nothing changed: the packet stays
    assert packet.is_file() and 'href="sitzungen/ASI-2021-06-10/sitzungsmappe.pdf"' in (out / "index.html").read_text(
        encoding="utf-8"
    )
    edit(data / "vorlagen/2021-0123/vorbemerkungen.md", "seit 2020", "seit dem Jahr 2020")
    build(data, out)  # a Vorlage on its agenda changed: the old packet would be stale
    assert not packet.exists() and not (out / "publish/ASI-2021-06-10").exists()
    assert "noch nicht erstellt" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.langsam  # builds whole repositories
def test_a_build_with_workers_equals_a_build_in_one_process(data, tmp_path, monkeypatch, capsys):
    """The worker path end to end, with the Sitzungsmappen and after an edit: same bytes as a build that renders in
    this process."""
    from vorlagen.cli import main

    monkeypatch.setenv("VORLAGEN_WORKER", "2")
    assert main(["--data", str(data), "--out", str(tmp_path / "erster"), "--mappen"]) == 0
    edit(data / "vorlagen/2021-0123/vorbemerkungen.md", "seit 2020", "seit dem Jahr 2020")
    freigeben(data)  # signed again: an ENTWURF would leave OParl, as a deleted paper only where it was published
    assert main(["--data", str(data), "--out", str(tmp_path / "erster"), "--mappen"]) == 0
    out = capsys.readouterr().out
    assert out.count("Fertig: 2 Vorlagen, 5 Berechnungen") == 2
    assert (tmp_path / "erster/sitzungen/ASI-2021-06-10/sitzungsmappe.pdf").is_file()
    monkeypatch.setenv("VORLAGEN_WORKER", "0")
    assert main(["--data", str(data), "--out", str(tmp_path / "lokal"), "--mappen"]) == 0
    assert unstamped(tree(tmp_path / "erster")) == unstamped(tree(tmp_path / "lokal"))  # OParl stamps: history

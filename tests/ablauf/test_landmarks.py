"""What a person sees on the built pages (issue 26): every HTML page has one <main> landmark, the overview lists the
Sitzungen by date (grouped by year when there are many), and each publish bundle's oparl.json names only files
the bundle holds."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

from tests.hilfen import DATA
from vorlagen.core.fmt import Zahlformat
from vorlagen.render.templates import Templates


class _Landmarks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.main, self.open = 0, 0  # how many <main>, how many of them still open

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.main += 1
            self.open += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.open -= 1


def test_every_html_page_has_one_main_landmark(built):
    pages = sorted(built.rglob("*.html"))
    shown = {page.relative_to(built).as_posix() for page in pages}
    # a Vorlage, Tagesordnung, Niederschrift, the Beschlusskontrolle and both overviews are among them
    assert {
        "index.html",
        "intern/index.html",
        "vorlagen/2021-0123/2021-0123.html",
        "sitzungen/ASI-2021-06-10/tagesordnung.html",
        "sitzungen/ASI-2021-06-10/niederschrift.html",
        "intern/beschlusskontrolle/beschlusskontrolle.html",
    } <= shown
    for page in pages:
        parser = _Landmarks()
        parser.feed(page.read_text(encoding="utf-8"))
        assert (parser.main, parser.open) == (1, 0), page.relative_to(built)


def _sitzungen_in_overview(html: str) -> list[str]:
    return re.findall(r'<tr><td>(\d\d\.\d\d\.\d{4})</td><th scope="row">', html)


def test_the_overview_lists_the_sitzungen_by_date_not_by_id(built):
    # the example's ids sort as ASI-2021-06-10, ASI-2023-11-30, KA-2021-06-21; its dates otherwise
    ids = sorted(p.stem for p in (DATA / "sitzungen").glob("*.yaml"))
    assert ids == ["ASI-2021-06-10", "ASI-2023-11-30", "KA-2021-06-21"]
    for index in (built / "index.html", built / "intern" / "index.html"):
        assert _sitzungen_in_overview(index.read_text(encoding="utf-8")) == ["10.06.2021", "21.06.2021", "30.11.2023"]


def _overview(tmp_path: Path, count: int) -> str:
    """The overview page of `count` Sitzungen, two a month from January 2024 on, given in reverse order."""
    from vorlagen.core.problems import Paths

    templates = Templates(DATA, Paths(tmp_path), Zahlformat("€"))
    gremium = SimpleNamespace(id="ASI", name="Ausschuss für Soziales")
    sitzungen = [
        SimpleNamespace(
            id=f"ASI-{n}",
            gremium=gremium,
            sitzung=SimpleNamespace(datum=dt.date(2024 + n // 24, n // 2 % 12 + 1, 1 + 14 * (n % 2))),
            folder=lambda intern, n=n: PurePosixPath("sitzungen") / f"ASI-{n}",
        )
        for n in range(count)
    ]
    koerperschaft = SimpleNamespace(name="Kreis", hausstil=SimpleNamespace(akzentfarbe="#000000"))
    html, problems = templates.render(
        "index.html.j2",
        koerperschaft=koerperschaft,
        docs=[],
        mappen=set(),
        niederschriften={},
        kontrolle=[],
        titel="Sitzungen",
        assets="assets/",
        link=str,
        intern=False,
        sitzungen=sitzungen,
        anfragen=[],
    )
    assert problems == []
    return html


def test_a_dozen_sitzungen_stand_in_one_table_more_are_grouped_by_year(tmp_path):
    twelve = _overview(tmp_path, 12)
    assert twelve.count("<table>") == 1 and "<h3" not in twelve
    assert _sitzungen_in_overview(twelve)[:3] == ["01.01.2024", "15.01.2024", "01.02.2024"]
    many = _overview(tmp_path, 30)  # 24 in 2024, 6 in 2025
    assert re.findall(r'<h3 id="sitzungen-(\d{4})">(\d{4})</h3>', many) == [("2024", "2024"), ("2025", "2025")]
    assert many.count("<table>") == 2
    dates = _sitzungen_in_overview(many)
    assert len(dates) == 30 and dates[23] == "15.12.2024" and dates[24] == "01.01.2025"
    assert dates == sorted(dates, key=lambda d: d[6:] + d[3:5] + d[:2])


def test_each_bundles_oparl_json_names_only_files_in_the_bundle(built):
    bundles = sorted((built / "publish").iterdir())
    assert [b.name for b in bundles] == ["ASI-2021-06-10", "ASI-2023-11-30", "KA-2021-06-21"]
    for bundle in bundles:
        text = (bundle / "oparl.json").read_text(encoding="utf-8")
        names = set(re.findall(r'"fileName":\s*"([^"]+)"', text))
        assert names, bundle.name  # at least the Tagesordnung
        held = {p.name for p in bundle.iterdir()}
        assert names <= held, (bundle.name, names - held)
        listed = {line.split()[-1].lstrip("*") for line in (bundle / "SHA256SUMS").read_text().splitlines()}
        assert names <= listed
        json.loads(text)

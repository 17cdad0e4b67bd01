"""Synthetic Körperschaft data of realistic shape for the benchmark: Sitzungen with TOPs, Vorlagen of
3–15 pages with financing tables and Anlagen. Deterministic for a given seed."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "Verwaltung",
    "Integration",
    "Beratung",
    "Kommune",
    "Förderung",
    "Stelle",
    "Konzept",
    "Umsetzung",
    "Netzwerk",
    "Angebot",
    "Bedarf",
    "Steuerung",
    "Zusammenarbeit",
    "Qualität",
    "Standard",
    "Träger",
    "Jugendamt",
    "Jobcenter",
    "Ausländerbehörde",
    "Sprachförderung",
    "Quartier",
    "Projekt",
    "Evaluation",
    "Haushalt",
    "Maßnahme",
    "Ausschuss",
    "Kreis",
    "Zielgruppe",
    "Zugang",
    "Verfahren",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS).lower() if i else rng.choice(WORDS) for i in range(rng.randint(8, 18))]
    return " ".join(words) + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def generate(target: Path, vorlagen: int, per_sitzung: int = 20, seed: int = 1) -> Path:
    """Writes a data folder with `vorlagen` Vorlagen on Sitzungen of `per_sitzung` TOPs; returns it."""
    rng = random.Random(seed)
    data = target / "data"
    if data.exists():
        shutil.rmtree(data)
    for folder in ("sitzungen", "kostensaetze", "foerderprogramme", "bescheide", "vorlagen"):
        (data / folder).mkdir(parents=True)
    shutil.copy(ROOT / "data/kostensaetze/kgst-2020.yaml", data / "kostensaetze")
    shutil.copy(ROOT / "data/foerderprogramme/kim.yaml", data / "foerderprogramme")
    (data / "koerperschaft.yaml").write_text(
        "name: Musterkreis\nverwaltungschef: Der Landrat\nanschrift: Kreishaus 1, 12345 Musterstadt\n"
        "aemter:\n  - {id: KI, name: Kommunales Integrationszentrum}\n"
        "gremien:\n  - {id: ASI, name: Ausschuss für Soziales und Integration, frist_tage: 14}\n",
        encoding="utf-8",
    )
    sitzungen = (vorlagen + per_sitzung - 1) // per_sitzung
    for s in range(sitzungen):
        month, day = 1 + s % 12, 5 + (s // 12) * 10
        sid = f"ASI-2022-{month:02d}-{day:02d}"
        nummern = [f"2022/{s * per_sitzung + i + 1:04d}" for i in range(min(per_sitzung, vorlagen - s * per_sitzung))]
        tops = "\n".join(f'    - {{top: "{i + 2}", vorlage: "{n}"}}' for i, n in enumerate(nummern))
        (data / "sitzungen" / f"{sid}.yaml").write_text(
            f'gremium: ASI\ndatum: 2022-{month:02d}-{day:02d}\nbeginn: "15:00 Uhr"\nort: Kreishaus\n'
            f'tagesordnung:\n  oeffentlich:\n    - {{top: "1", titel: Eröffnung}}\n{tops}\n',
            encoding="utf-8",
        )
        for n in nummern:
            _vorlage(data, n, sid, month, rng)
    return data


def _vorlage(data: Path, nummer: str, sitzung: str, month: int, rng: random.Random) -> None:
    slug = nummer.replace("/", "-")
    folder = data / "vorlagen" / slug
    (folder / "anlagen").mkdir(parents=True)
    bescheid = f"{slug}-kim"
    vzae = rng.choice([1, 2, 3, 5, 7, 11])
    (data / "bescheide" / f"{bescheid}.yaml").write_text(
        f"datum: 2022-01-{1 + month:02d}\nbehoerde: Bezirksregierung Arnsberg\n"
        f"zeitraum: {{von: 2022-01-01, bis: 2022-12-31}}\npositionen:\n"
        f"  - {{satz: kim/modul-2/case-management, anzahl: {vzae}}}\nbetrag: {vzae * 55000}\n",
        encoding="utf-8",
    )
    tables = []
    for t in range(rng.randint(1, 4)):
        anzahl, gruppe = rng.choice(["1", "2.5", "3.5", "7"]), rng.choice(["E9a", "E11", "S12", "E5"])
        tables.append(f"""  - id: tabelle-{t + 1}
    titel: Stellen im Bereich {rng.choice(WORDS)}
    zeitraum: {{von: 2022-{month:02d}-01, bis: 2022-12-31}}
    kosten:
      - {{anzahl: {anzahl}, saetze: [kgst-2020/{gruppe}]}}
    abzuege:
      - {{anzahl: {anzahl}, saetze: [kim/modul-2/case-management], als: KIM-Förderung}}""")
    pages = rng.randint(3, 15)
    sections = []
    for s in range(max(1, pages - 1)):
        body = "\n\n".join(paragraph(rng) for _ in range(5))
        table = f'\n\n{{{{ tabelle("tabelle-{s + 1}") }}}}\n' if s < len(tables) else ""
        sections.append(
            f"## Abschnitt {s + 1}\n\n{body}{table}\n\nDer Eigenanteil beträgt "
            f"{{{{ uebersicht.eigenanteil | eur }}}}.\n"
        )
    (folder / "text.md").write_text("# Sachverhalt\n\n" + "\n".join(sections), encoding="utf-8")
    (folder / "beschlussvorschlag.md").write_text(
        f"Der Ausschuss beschließt die Umsetzung. Der Bescheid über "
        f'{{{{ bescheide["{bescheid}"].betrag | eur }}}} liegt vor.\n',
        encoding="utf-8",
    )
    (folder / "anlagen" / "konzept.md").write_text(
        "# Konzept\n\n" + "\n\n".join(paragraph(rng) for _ in range(rng.randint(4, 20))), encoding="utf-8"
    )
    (folder / "vorlage.yaml").write_text(
        f"""nummer: "{nummer}"
art: Beschlussvorlage
oeffentlich: true
datum: 2022-{month:02d}-01
federfuehrend: KI
betreff: {rng.choice(WORDS)} und {rng.choice(WORDS)} – Vorlage {nummer}
beratungsfolge:
  - {{sitzung: {sitzung}, rolle: Entscheidung}}
beschlussvorschlag: beschlussvorschlag.md
abschnitte: [text.md]
bescheide: [{bescheid}]
finanzierung:
{chr(10).join(tables)}
anlagen:
  - {{titel: Konzept zur Vorlage {nummer}, datei: anlagen/konzept.md}}
""",
        encoding="utf-8",
    )


if __name__ == "__main__":
    import sys

    print(generate(Path(sys.argv[1]), int(sys.argv[2])))

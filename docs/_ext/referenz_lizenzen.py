"""The reference page of licences (docs/referenz/lizenzen.md): every package requirements.lock installs with the
program, its licence as the installed package's own metadata declares it (importlib.metadata), and whether it fits
the program's licence EUPL-1.2 – so the page cannot drift from what is installed. A licence without a judgement in
VERTRAEGLICH stops the generation: a new dependency is judged by a person, once, here."""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# the judgement of each licence beside EUPL-1.2 (what it means: BEDEUTUNG); the program imports the packages
# unchanged, each installed as a package of its own
FREIZUEGIG = "ja (freizügig)"
LGPL = "ja (als LGPL-2.1-or-later)"
VERTRAEGLICH = {
    "MIT": FREIZUEGIG,
    "MIT-0": FREIZUEGIG,
    "MIT-CMU": FREIZUEGIG,
    "BSD-2-Clause": FREIZUEGIG,
    "BSD-3-Clause": FREIZUEGIG,
    "BSD": FREIZUEGIG,
    "ISC": FREIZUEGIG,
    "Apache-2.0": FREIZUEGIG,
    "PSF-2.0": FREIZUEGIG,
    "ZPL-2.1": FREIZUEGIG,
    "Apache-2.0 OR BSD-3-Clause": FREIZUEGIG,
    "GPL-2.0-or-later OR LGPL-2.1-or-later OR MPL-1.1": LGPL,
}
BEDEUTUNG = {
    FREIZUEGIG: "eine freizügige Lizenz: Sie erlaubt, das Paket zusammen mit einem Werk unter EUPL-1.2 zu nutzen und "
    "weiterzugeben; ihr Hinweis und ihr Lizenztext bleiben beim Paket.",
    LGPL: "das Paket steht wahlweise unter mehreren Lizenzen; genutzt wird es unter der LGPL-2.1-or-later, die der "
    "Anhang der EUPL-1.2 als verträgliche Lizenz nennt. Es wird unverändert als eigenes Paket installiert und nur "
    "importiert.",
}

# trove classifiers and free-text licence fields of older packages, in SPDX terms
KLASSIFIKATOREN = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: BSD License": "BSD",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
    "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.1-or-later",
    "License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)": "MPL-1.1",
}
FREITEXT = {"Apache Software License": "Apache-2.0", "MIT License": "MIT", "ZPL 2.1": "ZPL-2.1"}


def gepinnt(lock: Path = ROOT / "requirements.lock") -> list[str]:
    """The names requirements.lock pins: every package an install of the program brings."""
    names = []
    for line in lock.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "-")):
            names.append(line.split("==")[0].strip())
    return names


def lizenz(metadata) -> tuple[str, str]:
    """(SPDX expression, where the metadata says it) of one package: License-Expression (PEP 639), else a short
    License field that names one, else the licence classifiers joined with OR (a package under several)."""
    expression = (metadata.get("License-Expression") or "").strip()
    if expression:
        return expression, "License-Expression"
    field = (metadata.get("License") or "").strip()
    if field in FREITEXT or re.fullmatch(r"[A-Za-z0-9.+-]+", field):
        return FREITEXT.get(field, field), "License"
    classifiers = [c for c in metadata.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        unknown = [c for c in classifiers if c not in KLASSIFIKATOREN]
        if unknown:
            raise ValueError(f"docs/_ext/referenz_lizenzen.py: unbekannter Lizenz-Klassifikator {unknown[0]!r}")
        return " OR ".join(KLASSIFIKATOREN[c] for c in classifiers), "Classifier"
    raise ValueError(f"docs/_ext/referenz_lizenzen.py: {metadata['Name']} nennt keine Lizenz – prüfen Sie sie von Hand")


def zeilen(names: list[str]) -> list[str]:
    """One table row per installed package: name, version, licence, where it is declared, fits EUPL-1.2."""
    rows = []
    for name in sorted(names, key=str.lower):
        try:
            installed = distribution(name)
        except PackageNotFoundError:
            raise ValueError(f"docs/_ext/referenz_lizenzen.py: {name} ist nicht installiert – ./testen.sh") from None
        expression, quelle = lizenz(installed.metadata)
        if expression not in VERTRAEGLICH:
            raise ValueError(
                f"docs/_ext/referenz_lizenzen.py: {name} steht unter {expression}, das VERTRAEGLICH nicht beurteilt – "
                "prüfen Sie, ob die Lizenz zur EUPL-1.2 passt, und ergänzen Sie die Zeile"
            )
        rows.append(
            f"| {installed.metadata['Name']} | {installed.version} | `{expression}` | {quelle} | "
            f"{VERTRAEGLICH[expression]} |"
        )
    return rows


def seite(erzeugt: str) -> str:
    """The page; `erzeugt` is the sentence every generated page opens with."""
    return "\n".join(
        [
            "# Lizenzen",
            "",
            erzeugt + " Die Lizenzen liest sie aus den Metadaten der installierten Pakete "
            "(`importlib.metadata`), in den Versionen von `requirements.lock`.",
            "",
            "`vorlagen` steht unter der **European Union Public Licence 1.2** (EUPL-1.2, SPDX-Kennung `EUPL-1.2`), "
            "dem Text in der Datei `LICENSE` des Repositorys und jedes Pakets. Die Schriften des mitgelieferten "
            "Hausstils (Liberation Sans und Serif in `templates/fonts/`) stehen unter der SIL Open Font License 1.1 "
            "(`OFL-1.1`, Text in `templates/fonts/LICENSE-Liberation.txt`), die erlaubt, sie mit Software "
            "weiterzugeben und in PDF-Dateien einzubetten.",
            "",
            "Mit dem Programm werden diese Pakete installiert; jedes bleibt unter seiner eigenen Lizenz. "
            "„Angabe“ nennt das Feld der Paket-Metadaten, aus dem die Lizenz stammt (`License-Expression` nach "
            "PEP 639, sonst `License` oder die Klassifikatoren).",
            "",
            "| Paket | Version | Lizenz | Angabe | verträglich mit EUPL-1.2 |",
            "|---|---|---|---|---|",
            *zeilen(gepinnt()),
            "",
            *[f"- „{urteil}“: {text}" for urteil, text in BEDEUTUNG.items()],
            "",
            "Ein neues Paket in `requirements.lock` mit einer Lizenz, die hier noch nicht beurteilt ist, hält die "
            "Erzeugung dieser Seite an (`docs/_ext/referenz_lizenzen.py`, `VERTRAEGLICH`): Seine Lizenz prüft "
            "ein Mensch, bevor es aufgenommen wird.",
            "",
        ]
    )

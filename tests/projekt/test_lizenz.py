"""The licence (issue 45, point 1): LICENSE holds the official English text of the EUPL-1.2, pyproject.toml names it
as an SPDX expression, and the handbook lists the licence of every package an install brings, read from the
installed packages' metadata and judged against the EUPL-1.2."""

from __future__ import annotations

import email.message
import hashlib
import importlib.util
import re
import tomllib

import pytest

from tests.hilfen import ROOT

LICENSE = ROOT / "LICENSE"
# The text as the European Commission publishes it (joinup.ec.europa.eu, „EUPL v1.2 EN“), taken from the Debian package
# libsoftware-license-perl 0.104002 (Software/License/EUPL_1_2.pm) and the npm package spdx-license-list 6.12.0
# (licenses/EUPL-1.2.json), byte for byte the same in both (with one line feed at the end), and word for word the
# same as the choosealicense.com copy (@rexxars/choosealicense-list 1.1.2, reflowed there). Its line breaks and the
# missing space in „1.Definitions“ are the Commission's own.
SHA256 = "57fb42fbcd0b037ce528ed8f72f1ec095d67bc6825ecf1448ff39be1fe68a4b4"
ARTIKEL = [
    "Definitions",
    "Scope of the rights granted by the Licence",
    "Communication of the Source Code",
    "Limitations on copyright",
    "Obligations of the Licensee",
    "Chain of Authorship",
    "Disclaimer of Warranty",
    "Disclaimer of Liability",
    "Additional agreements",
    "Acceptance of the Licence",
    "Information to the public",
    "Termination of the Licence",
    "Miscellaneous",
    "Jurisdiction",
    "Applicable Law",
]


def test_the_licence_is_the_official_eupl_1_2():
    text = LICENSE.read_text(encoding="utf-8")
    assert text.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016\n")
    headings = re.findall(r"^(\d+)\.([A-Z][^\n]*)$", text, re.MULTILINE)
    assert headings == [(str(number), title) for number, title in enumerate(ARTIKEL, start=1)]
    appendix = text[re.search(r"^ +Appendix$", text, re.MULTILINE).end() :]
    for compatible in ("(GPL) v. 2, v. 3", "(LGPL) v. 2.1, v. 3", "(MPL) v. 2", "(EUPL) v. 1.1, v. 1.2"):
        assert compatible in appendix, compatible
    assert text.endswith("require the production of a new EUPL version.\n")
    assert hashlib.sha256(LICENSE.read_bytes()).hexdigest() == SHA256  # not one word changed


def test_pyproject_names_the_licence_as_spdx_and_ships_the_texts():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"
    assert project["license-files"] == ["LICENSE", "templates/fonts/LICENSE-Liberation.txt"]
    assert all((ROOT / name).is_file() for name in project["license-files"])
    # PEP 639: the expression replaces the licence classifiers (PyPI refuses both); the others say what it is
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]
    assert "Natural Language :: German" in project["classifiers"]
    assert "Programming Language :: Python :: 3.11" in project["classifiers"]
    sdist = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]["targets"]
    assert {"/LICENSE", "/requirements.lock"} <= set(sdist["sdist"]["include"])


def _lizenzen():
    spec = importlib.util.spec_from_file_location("referenz_lizenzen", ROOT / "docs" / "_ext" / "referenz_lizenzen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _metadata(**fields) -> email.message.Message:
    message = email.message.Message()
    message["Name"] = "beispiel"
    for key, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = one
    return message


def test_the_licence_is_read_from_expression_field_or_classifiers():
    lizenzen = _lizenzen()
    assert lizenzen.lizenz(_metadata(License_Expression="MIT", License="BSD")) == ("MIT", "License-Expression")
    assert lizenzen.lizenz(_metadata(License="Apache Software License")) == ("Apache-2.0", "License")
    assert lizenzen.lizenz(_metadata(License="BSD-3-Clause")) == ("BSD-3-Clause", "License")
    several = [
        "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)",
        "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)",
        "License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)",
    ]
    long_text = "Copyright (c) 2020 …\n\nPermission is hereby granted"  # a whole licence text: the classifiers decide
    assert lizenzen.lizenz(_metadata(License=long_text, Classifier=several)) == (
        "GPL-2.0-or-later OR LGPL-2.1-or-later OR MPL-1.1",
        "Classifier",
    )
    with pytest.raises(ValueError, match="nennt keine Lizenz"):
        lizenzen.lizenz(_metadata())
    with pytest.raises(ValueError, match="unbekannter Lizenz-Klassifikator"):
        lizenzen.lizenz(_metadata(Classifier="License :: Other/Proprietary License"))


def test_every_installed_package_is_listed_and_an_unjudged_licence_stops_the_page(monkeypatch):
    lizenzen = _lizenzen()
    pinned = lizenzen.gepinnt()
    assert "weasyprint" in pinned and "pyphen" in pinned and len(pinned) == len(set(pinned))
    rows = lizenzen.zeilen(pinned)
    assert len(rows) == len(pinned)
    pyphen = next(row for row in rows if row.startswith("| pyphen |"))
    assert "`GPL-2.0-or-later OR LGPL-2.1-or-later OR MPL-1.1` | Classifier | ja (als LGPL-2.1-or-later) |" in pyphen
    monkeypatch.setattr(lizenzen, "lizenz", lambda metadata: ("GPL-3.0-only", "License-Expression"))
    with pytest.raises(ValueError, match="steht unter GPL-3.0-only, das VERTRAEGLICH nicht beurteilt"):
        lizenzen.zeilen(["weasyprint"])
    with pytest.raises(ValueError, match="kein-paket-vorlagen ist nicht installiert"):
        lizenzen.zeilen(["kein-paket-vorlagen"])

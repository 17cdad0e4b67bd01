"""Records `vorlagen nachrechnen FILE --json` for every document of the corpora (and any further folders given),
to compare the outputs byte for byte before and after a refactor of nachrechnen.

    python scripts/nachrechnen_baseline.py record OUT [FOLDER ...]   # one OUT/<name>.json per document
    python scripts/nachrechnen_baseline.py zufall FOLDER SEED ...    # builds one random repository per seed
    python scripts/nachrechnen_baseline.py compare OLD NEW           # lists every document whose output differs

Each document's output holds the exit code, stdout and stderr of the command, as the command writes them."""

from __future__ import annotations

import contextlib
import io
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
KORPORA = (ROOT / "tests" / "korpus_nachrechnen", ROOT / "tests" / "korpus_nachrechnen_echt")
SUFFIXES = (".txt", ".md", ".pdf", ".html", ".docx")


def _documents(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        found += sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    return found


def _one(path: Path) -> str:
    from vorlagen.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["nachrechnen", str(path), "--json"])
    return f"rc={code}\n--- stdout\n{out.getvalue()}\n--- stderr\n{err.getvalue()}".replace(str(path), "DATEI")


def record(out: Path, folders: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    documents = _documents(folders)
    names = ["__".join(p.relative_to(p.parents[1]).parts) for p in documents]
    with ProcessPoolExecutor(2) as pool:
        for name, text in zip(names, pool.map(_one, documents, chunksize=4)):
            (out / f"{name}.out").write_text(text, encoding="utf-8")
    print(f"{len(documents)} documents recorded in {out}")


def zufall(folder: Path, seeds: list[int]) -> None:
    from tests.hilfen.zufallsvorlagen import repository
    from vorlagen.cli import main

    for seed in seeds:
        data = repository(folder / f"repo{seed}", seed, 15)
        built = folder / f"repo{seed}" / "ausgabe"
        assert main(["--data", str(data), "--out", str(built)]) == 0, seed
        keep = folder / f"seed{seed}"
        keep.mkdir(parents=True, exist_ok=True)
        for part in (built / "vorlagen", built / "intern" / "vorlagen"):
            for p in part.rglob("*"):
                if p.suffix in (".pdf", ".html", ".txt"):
                    target = keep / "__".join(p.relative_to(built).parts)
                    target.write_bytes(p.read_bytes())


def compare(old: Path, new: Path) -> int:
    a = {p.name: p.read_bytes() for p in old.glob("*.out")}
    b = {p.name: p.read_bytes() for p in new.glob("*.out")}
    differ = sorted(n for n in a.keys() | b.keys() if a.get(n) != b.get(n))
    for name in differ:
        print("differs:", name)
    print(f"{len(a)} recorded, {len(b)} new, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "record":
        record(Path(rest[0]), [*KORPORA, *(Path(f) for f in rest[1:])])
    elif command == "zufall":
        zufall(Path(rest[0]), [int(s) for s in rest[1:]])
    else:
        sys.exit(compare(Path(rest[0]), Path(rest[1])))

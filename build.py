"""Entry point: `python build.py` builds data/ into output/; `python build.py check` only checks.

`python -m build` in this folder finds this file before the packaging tool of the same name (Python puts the current
folder first on its path): run that way, it hands over to the tool, so that sdist and wheel build from here as from
anywhere else."""

if __name__ == "__main__":  # render workers import this file too; they need nothing of it
    if __spec__ is not None and __spec__.name == "build":  # `python -m build`, not `python build.py`
        import importlib.util
        import os
        import runpy
        import sys

        here = os.path.dirname(os.path.abspath(__file__))
        sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != here]
        if importlib.util.find_spec("build") is None:
            sys.exit(
                "python -m build: Das Paket build ist nicht installiert – installieren Sie es mit "
                "„python -m pip install build“ (die Testeinrichtung ./testen.sh bringt es mit)."
            )
        runpy.run_module("build", run_name="__main__", alter_sys=True)
    else:
        from vorlagen.cli import run

        run()

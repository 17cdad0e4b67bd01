"""Entry point: `python build.py` builds data/ into output/; `python build.py check` only checks."""

if __name__ == "__main__":  # render workers import this file too; they need nothing of it
    from vorlagen.cli import run

    run()

"""Files the data names (texts, Anlagen, the Hausstil's logo and CSS): found inside the data folder only, never in
another Vorlage's folder; Markdown texts are read once and kept as their fingerprint (Text)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from vorlagen.core.pfade import innerhalb, schleife, schleife_text
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.core.reads import digest, vorgeschlagen
from vorlagen.load import steuerzeichen
from vorlagen.load.yamlfile import read_again, read_text


@dataclass(frozen=True)
class Text:
    """A Markdown file as read, with where it stands.

    Only its size and hash are kept: the content is read again when a document needs it (a year of Vorlagen
    would otherwise hold every text in memory), and must still be what was read and checked.
    """

    path: Path
    where: Where
    size: int  # characters
    fingerprint: str  # hash of the text as read

    @classmethod
    def of(cls, path: Path, where: Where, content: str) -> Text:
        return cls(path, where, len(content), digest(content.encode()))

    def read(self) -> tuple[str | None, list[Problem]]:
        """The content again, and a problem when it is no longer what was read and checked."""
        content = read_again(self.path)
        if content is None or digest(content.encode()) != self.fingerprint:
            return None, [
                Problem(
                    self.where,
                    "Die Datei wurde während des Baus geändert – speichern Sie sie und bauen Sie noch einmal.",
                )
            ]
        return content, []


def inside(
    data_dir: Path, folder: Path, name: str, where: Where, paths: Paths | None = None
) -> tuple[Path | None, list[Problem]]:
    """A file name given in the data, resolved (with `paths`, through its folder cache); anything outside the
    data folder is refused."""
    if Path(name).is_absolute() or "\\" in name:
        return None, [
            Problem(
                where, f"„{name}“: Geben Sie Dateien relativ zum Ordner der Vorlage an, ohne / oder Laufwerk am Anfang."
            )
        ]
    try:
        path = paths.resolve(folder / name) if paths else (folder / name).resolve()
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13), a name the system refuses
        path = folder / name
    if not path.exists() and schleife(folder / name):
        return None, [Problem(where, schleife_text(folder / name))]
    if not innerhalb(path, data_dir):
        return None, [
            Problem(
                where, f"„{name}“ liegt außerhalb des Datenordners – legen Sie die Datei in den Ordner der Vorlage."
            )
        ]
    return path, []


def own_file(
    data_dir: Path, folder: Path, name: str, where: Where, paths: Paths | None = None
) -> tuple[Path | None, list[Problem]]:
    """A file named in a Vorlage: inside the data folder and not in another Vorlage's folder."""
    path, problems = inside(data_dir, folder, name, where, paths)
    vorlagen = data_dir / "vorlagen"
    if path is not None and path.is_relative_to(vorlagen) and not path.is_relative_to(folder):
        other = path.relative_to(vorlagen).parts[0]
        return None, [
            Problem(
                where,
                f"„{name}“ liegt im Ordner einer anderen Vorlage ({other}) – legen Sie "
                "gemeinsame Texte außerhalb von vorlagen/ ab, z. B. unter textbausteine/.",
            )
        ]
    return path, problems


def read_markdown(
    name: str, folder: Path, where: Where, data_dir: Path, paths: Paths
) -> tuple[Text | None, list[Problem]]:
    """A Markdown file named in a YAML file; a problem when it is missing, outside the data folder or in another
    Vorlage's folder (a Niederschrift must not publish a non-public Vorlage's text)."""
    path, problems = own_file(data_dir, folder, name, where, paths)
    if path is None:
        return None, problems
    if not path.is_file() and not vorgeschlagen(path):
        return None, [
            Problem(where, f"Die Datei „{name}“ gibt es nicht im Ordner {paths.show(folder)} – prüfen Sie den Namen.")
        ]
    content, problems = read_text(path, paths)
    if content is None:
        return None, problems
    problems += steuerzeichen.im_text(content, paths.where(path, 1), zeilenenden=True)
    return Text.of(path, paths.where(path), content), problems


def read_markdowns(
    named: list[tuple[Where, str | None]], folder: Path, data_dir: Path, paths: Paths
) -> tuple[dict[str, Text], list[Problem]]:
    """The Markdown files named at these lines (None: none named there), each read once: file name → Text."""
    texts: dict[str, Text] = {}
    problems: list[Problem] = []
    for where, name in named:
        if name is not None and name not in texts:
            text, found = read_markdown(name, folder, where, data_dir, paths)
            problems += found
            if text is not None:
                texts[name] = text
    return texts, problems


@dataclass(frozen=True)
class Unlesbar:
    """A data file left out of the facts because it has problems (they are listed): its folder and name (the file
    name without .yaml; a Vorlage's Nummer). `name` None: a Vorlage whose Nummer could not be read either."""

    ordner: str
    name: str | None

"""The Jinja environment for documents: sandboxed (a data folder may override templates), autoescape
always, undefined names are errors, output bounded."""

from __future__ import annotations

import hashlib
import re
import sys
import traceback
from pathlib import Path
from types import CodeType

import jinja2
from jinja2 import FileSystemLoader, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.sandbox import SecurityError
from markupsafe import Markup, escape

from vorlagen.core.engine import TEMPLATES
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where
from vorlagen.core.usercache import keep_bytes, read_kept_bytes
from vorlagen.load.hausstil import SCHRIFTEN
from vorlagen.render.kopfzeilen import kopfzeilen
from vorlagen.render.sandbox import LimitExceeded, Sandbox
from vorlagen.render.satzregeln import einheiten_halten, quelle


class _Compiled(BytecodeCache):
    """Compiled templates by template file and checksum of its source: kept in this process (a preview builds
    again and again) and in the user's cache folder (compiling the house style took about 0,15 s of every command).
    Every Templates environment has the same options, so the same source compiles to the same code; what else
    shapes the code – Jinja, Python and this program's sandbox – is the stamp of the kept files. Like Python's own
    __pycache__, the kept code runs: it lives only in the user's cache folder, never in a project, where a branch
    could bring it."""

    def __init__(self) -> None:
        self.codes: dict[tuple[str, str], CodeType | None] = {}
        self._stamp: str | None = None

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Jinja's key; the program's own templates are marked: only they are kept on disk (a data folder's own
        templates are compiled in each process – their number and the folders they lie in are not bounded)."""
        key = super().get_cache_key(name, filename)
        own = filename is not None and Path(filename).parent == TEMPLATES
        return f"{_OWN}{key}" if own else key

    def get_bucket(self, environment, name: str, filename: str | None, source: str) -> Bucket:
        """Jinja's bucket, keyed also by what the environment folds into the code when it compiles a constant
        expression (`{{ 0.5 | prozent }}` becomes the text '50,00 %'): the Körperschaft's prozent_stellen. Two data
        folders – or one before and after a change of koerperschaft.yaml in the preview – never share code."""
        key = f"{self.get_cache_key(name, filename)}-p{getattr(environment, 'prozent_stellen', '')}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get((bucket.key, bucket.checksum))
        if code is None and bucket.key.startswith(_OWN):
            kept = read_kept_bytes(self._name(bucket), self.stamp(), _MAX_KEPT)
            if kept is not None:
                bucket.bytecode_from_string(kept)  # resets itself when the checksum or Jinja's own magic differ
                code = bucket.code
        bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[(bucket.key, bucket.checksum)] = bucket.code
        if bucket.key.startswith(_OWN):
            keep_bytes(self._name(bucket), self.stamp(), bucket.bytecode_to_string())

    @staticmethod
    def _name(bucket: Bucket) -> str:
        return f"vorlage-{bucket.key.removeprefix(_OWN)}.jinja"

    def stamp(self) -> str:
        """Jinja's and Python's versions and this program's sandbox and environment (their source)."""
        if self._stamp is None:
            modules = (Sandbox.__module__, __name__)
            code = b"".join(Path(sys.modules[module].__file__ or "").read_bytes() for module in modules)
            self._stamp = f"{jinja2.__version__} {sys.version.split()[0]} {hashlib.sha256(code).hexdigest()}"
        return self._stamp


def _units_kept(finalize):
    """Every plain text a template prints – typed in YAML: a row's label, a rate's name, an Aufstellung's fields –
    keeps an amount with its unit, by the rule of the Markdown texts (render/satzregeln.py). Markup (a text already
    rendered) has had the rule."""

    def finalized(value):
        value = finalize(value)
        return einheiten_halten(value) if type(value) is str else value

    return finalized


def _quelle(record) -> Markup:
    """`{{ t.berechnung | quelle }}`: where a computed table is defined (its vorlage.yaml and the line of its entry),
    for the messages of the layout check (render/tabellenbreite.py)."""
    return escape(quelle(record.where()))


_OWN = "eigen-"
_MAX_KEPT = 5 * 1024 * 1024  # a compiled template is some kB; a larger file is not one of ours
_COMPILED = _Compiled()


class Templates:
    """House-style templates; a data folder may override any of them in its `templates/`."""

    def __init__(self, data_dir: Path, paths: Paths, prozent_stellen: int = 2):
        self.dirs = [d for d in (data_dir / "templates", TEMPLATES) if d.is_dir()]
        self.paths = paths
        self.env = Sandbox(
            prozent_stellen,
            loader=FileSystemLoader([str(d) for d in self.dirs]),
            bytecode_cache=_COMPILED,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["kopfzeilen"] = kopfzeilen  # header fields in rows that fit the page
        self.env.filters["quelle"] = _quelle  # where a computed table is defined
        self.env.finalize = _units_kept(self.env.finalize)

    @property
    def assets_folder(self) -> Path:
        """Where print documents find vorlage.css and fonts: the data's templates/ when it overrides either
        (missing files there fall back to the default house style, see pdf.ProjectFetcher)."""
        own = self.dirs[0]
        return own if own != TEMPLATES and ((own / "vorlage.css").is_file() or (own / "fonts").is_dir()) else TEMPLATES

    def asset_files(self, schrift: str) -> dict[str, Path]:
        """Output name under assets/ → file: stylesheets and the fonts of the default and the chosen family,
        the data's templates/ winning over the default house style."""
        families = {"LiberationSans", SCHRIFTEN[schrift]}
        files: dict[str, Path] = {}
        for folder in reversed(self.dirs):
            for path in sorted(folder.glob("*.css")) + sorted((folder / "fonts").glob("*")):
                name = path.relative_to(folder).as_posix()
                if path.suffix != ".ttf" or path.name.split("-")[0] in families:
                    files[name] = path
        return dict(sorted(files.items()))

    def render(self, name: str, **context) -> str:
        """Renders a template; any template error becomes a BuildFailed naming template and line."""
        try:
            self.env.start()
            return self.env.get_template(name).render(**context)
        except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as error:
            raise BuildFailed([self._problem(name, error)]) from None

    def macro(self, template: str, name: str):
        """A macro of a template, as a function returning Markup."""
        try:
            function = getattr(self.env.get_template(template).module, name)
        except TemplateError as error:
            raise BuildFailed([self._problem(template, error)]) from None

        def call(*args) -> Markup:
            try:
                self.env.start()
                return Markup(function(*args))
            except (TemplateError, ArithmeticError, LookupError, TypeError, ValueError) as error:
                raise BuildFailed([self._problem(template, error)]) from None

        return call

    def _problem(self, name: str, error: Exception) -> Problem:
        if isinstance(error, TemplateNotFound):
            return Problem(
                Where(name),
                f"Template „{error.name}“ nicht gefunden – prüfen Sie den Namen "
                "in {% include %} oder {% extends %}.",
            )
        if isinstance(error, TemplateSyntaxError):
            return Problem(
                self._where(error.filename or error.name or name, error.lineno),
                f"Syntaxfehler im Template: {error.message} – prüfen Sie die {{% … %}}-Blöcke.",
            )
        if isinstance(error, SecurityError):
            message = (
                f"überschreitet eine Grenze ({error}) – so viel braucht kein Dokument; prüfen Sie Schleifen "
                "und Ausdrücke."
                if isinstance(error, LimitExceeded)
                else f"greift auf Interna zu{_attribute(error)} – Templates dürfen nur die Werte des Dokuments lesen."
            )
            return Problem(self._where_of(error, name), f"Template {message}")
        grund = _fehlt(error) if isinstance(error, UndefinedError) else None
        return Problem(
            self._where_of(error, name),
            f"Fehler im Template: {grund or getattr(error, 'message', None) or error} – prüfen Sie die Namen im "
            "Template.",
        )

    def _where_of(self, error: Exception, name: str) -> Where:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
        return self._where(frames[-1].filename, frames[-1].lineno) if frames else Where(name)

    def _where(self, filename: str, line: int | None) -> Where:
        path = Path(filename)
        for folder in self.dirs:
            if (folder / filename).is_file():
                path = folder / filename
        return self.paths.where(path, line)


def _attribute(error: Exception) -> str:
    """' („__init__“)' from Jinja's 'access to attribute '__init__' of … is unsafe'."""
    match = re.search(r"attribute '([^']+)'", str(error))
    return f" („{match[1]}“)" if match else ""


_WAS = {"dict": "diesem Eintrag", "list": "dieser Liste", "str": "diesem Text", "int": "dieser Zahl"}


def _fehlt(error: UndefinedError) -> str | None:
    """Jinja's English reason for a name that is not there, in German and without the program's module names:
    "'vorlagen.load.koerperschaft.Koerperschaft object' has no attribute 'wappen'" → „wappen“ gibt es in
    Koerperschaft nicht. None for any other reason."""
    message = error.message or ""
    undefiniert = re.fullmatch(r"'([^']*)' is undefined", message)
    if undefiniert:
        return f"„{undefiniert[1]}“ gibt es nicht"
    fehlt = re.fullmatch(r"'?([\w.]+?)(?: object)?'? has no (?:attribute|element) (.*)", message)
    if fehlt is None:
        return None
    typ, name = fehlt[1].rsplit(".", 1)[-1], fehlt[2].strip("'\"")
    if typ == "None":
        return f"„{name}“ gibt es nicht (der Wert davor ist leer)"
    return f"„{name}“ gibt es in {_WAS.get(typ, typ)} nicht"

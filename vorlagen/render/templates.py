"""The Jinja environment for documents: sandboxed (a data folder may override templates), autoescape
always, undefined names are errors, output bounded."""

from __future__ import annotations

import hashlib
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import FileSystemLoader, TemplateError, TemplateSyntaxError
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.debug import rewrite_traceback_stack
from markupsafe import Markup, escape

from vorlagen.compute.names import UnknownName
from vorlagen.core.engine import TEMPLATES
from vorlagen.core.fmt import Zahlformat
from vorlagen.core.problems import Paths, Problem, Where
from vorlagen.core.usercache import keep_bytes, read_kept_bytes
from vorlagen.load.hausstil import SCHRIFTEN
from vorlagen.load.records import Record
from vorlagen.render.kopfzeilen import kopfzeilen
from vorlagen.render.sandbox import Sandbox
from vorlagen.render.satzregeln import einheiten_halten, quelle
from vorlagen.render.tabellenarten import makro
from vorlagen.render.templatefehler import meldung, offen_seit, zeile


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

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
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


def _units_kept(finalize: Callable[..., Any]) -> Callable[[object], object]:
    """Every plain text a template prints – typed in YAML: a row's label, a rate's name, an Aufstellung's fields –
    keeps an amount with its unit, by the rule of the Markdown texts (render/satzregeln.py). Markup (a text already
    rendered) has had the rule."""

    def finalized(value: object) -> object:
        value = finalize(value)
        return einheiten_halten(value) if type(value) is str else value

    return finalized


def _quelle(definition: Where | Record) -> Markup:
    """`{{ t.berechnung | quelle }}`: where a computed table is defined (its vorlage.yaml and the line of its entry,
    or the Where a computed record kept), for the messages of the layout check (render/tabellenbreite.py)."""
    return escape(quelle(definition if isinstance(definition, Where) else definition.where()))


_OWN = "eigen-"
_MAX_KEPT = 5 * 1024 * 1024  # a compiled template is some kB; a larger file is not one of ours
_COMPILED = _Compiled()
# what a template can raise: Jinja's errors, Python's of an operation, a computed record's unknown field
_ERRORS = (TemplateError, ArithmeticError, LookupError, TypeError, ValueError, RecursionError, UnknownName)


class Templates:
    """House-style templates; a data folder may override any of them in its `templates/`."""

    def __init__(self, data_dir: Path, paths: Paths, zahlformat: Zahlformat, prozent_stellen: int = 2):
        self.dirs = [d for d in (data_dir / "templates", TEMPLATES) if d.is_dir()]
        self.paths = paths
        self.env = Sandbox(
            zahlformat,
            prozent_stellen,
            loader=FileSystemLoader([str(d) for d in self.dirs]),
            bytecode_cache=_COMPILED,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["kopfzeilen"] = kopfzeilen  # header fields in rows that fit the page
        self.env.filters["quelle"] = _quelle  # where a computed table is defined
        self.env.filters["makro"] = makro  # the macro that sets a table of its kind (render/tabellenarten.py)
        finalize = self.env.finalize
        assert finalize is not None  # the sandbox counts every value printed (render/sandbox.py)
        self.env.finalize = _units_kept(finalize)

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

    def render(self, name: str, **context: Any) -> tuple[str, list[Problem]]:
        """A template rendered, or "" and the problem naming template and line."""
        try:
            self.env.start()
            return self.env.get_template(name).render(**context), []
        except _ERRORS as error:
            return "", [self._problem(name, error)]

    def macro(self, template: str, name: str) -> Callable[..., tuple[Markup, list[Problem]]]:
        """A macro of a template, as a function returning Markup and the problems of the call (a template that
        does not load, or lacks the macro, is one)."""

        def call(*args: Any) -> tuple[Markup, list[Problem]]:
            try:
                self.env.start()
                module = self.env.get_template(template).module
            except _ERRORS as error:
                return Markup(""), [self._problem(template, error)]
            function = getattr(module, name, None)
            if function is None:
                return Markup(""), [
                    Problem(
                        self._where(template, None),
                        f"Im Template fehlt das Makro „{name}“ – ein eigenes {template} braucht alle Makros des "
                        "mitgelieferten; übernehmen Sie es von dort.",
                    )
                ]
            try:
                return Markup(function(*args)), []
            except _ERRORS:  # called from Python, not through Jinja's render: its lines are the template's once
                return Markup(""), [self._problem(template, rewrite_traceback_stack())]  # Jinja maps them

        return call

    def _problem(self, name: str, error: BaseException) -> Problem:
        """The German problem of an error in template `name`, at the line of the template it arose in."""
        if isinstance(error, TemplateSyntaxError):
            seit = offen_seit(error, self.env)
            where = self._where(error.filename or error.name or name, zeile(error, seit))
            return Problem(where, meldung(error, self.env.filters, self.env.tests, seit))
        return Problem(self._where_of(error, name), meldung(error, self.env.filters, self.env.tests))

    def _where_of(self, error: BaseException, name: str) -> Where:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
        return self._where(frames[-1].filename, frames[-1].lineno) if frames else self._where(name, None)

    def _where(self, filename: str, line: int | None) -> Where:
        path = next((folder / filename for folder in self.dirs if (folder / filename).is_file()), Path(filename))
        return self.paths.where(path, line)  # the data's templates/ first, as the loader looks

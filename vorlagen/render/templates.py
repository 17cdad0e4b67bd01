"""The Jinja environment for documents: autoescape always, undefined names are errors."""

from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import (Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound,
                    TemplateSyntaxError)
from markupsafe import Markup

from vorlagen.core.engine import TEMPLATES
from vorlagen.core.fmt import FILTERS
from vorlagen.core.problems import BuildFailed, Paths, Problem, Where



class Templates:
    """House-style templates; a data folder may override any of them in its `templates/`."""

    def __init__(self, data_dir: Path, paths: Paths):
        self.dirs = [d for d in (data_dir / "templates", TEMPLATES) if d.is_dir()]
        self.paths = paths
        self.env = Environment(loader=FileSystemLoader([str(d) for d in self.dirs]), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(FILTERS)

    def render(self, name: str, **context) -> str:
        """Renders a template; any template error becomes a BuildFailed naming template and line."""
        try:
            return self.env.get_template(name).render(**context)
        except TemplateError as error:
            raise BuildFailed([self._problem(name, error)]) from None

    def macro(self, template: str, name: str):
        """A macro of a template, as a function returning Markup."""
        try:
            function = getattr(self.env.get_template(template).module, name)
        except TemplateError as error:
            raise BuildFailed([self._problem(template, error)]) from None

        def call(*args) -> Markup:
            try:
                return Markup(function(*args))
            except TemplateError as error:
                raise BuildFailed([self._problem(template, error)]) from None
        return call

    def _problem(self, name: str, error: TemplateError) -> Problem:
        if isinstance(error, TemplateNotFound):
            return Problem(Where(name), f"Template „{error.name}“ nicht gefunden – prüfen Sie den Namen "
                                        "in {% include %} oder {% extends %}.")
        if isinstance(error, TemplateSyntaxError):
            return Problem(self._where(error.filename or error.name or name, error.lineno),
                           f"Syntaxfehler im Template: {error.message} – prüfen Sie die {{% … %}}-Blöcke.")
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith(".j2")]
        where = self._where(frames[-1].filename, frames[-1].lineno) if frames else Where(name)
        return Problem(where, f"Fehler im Template: {error.message or error} – prüfen Sie die Namen im Template.")

    def _where(self, filename: str, line: int | None) -> Where:
        path = Path(filename)
        for folder in self.dirs:
            if (folder / filename).is_file():
                path = folder / filename
        return self.paths.where(path, line)

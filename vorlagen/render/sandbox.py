"""The one Jinja sandbox for everything a data folder can influence: templates and prose expressions.

No attribute starting with `_`, no mutation, no globals but a bounded `range`; `*` and `**` and loops
are bounded, so that no template or expression can take unbounded memory or time.
"""

from __future__ import annotations

import operator
import threading

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from vorlagen.core.fmt import FILTERS

MAX_TEXT = 1_000_000  # characters one operation may produce
MAX_STEPS = 100_000  # range() items per rendering
MAX_EXPONENT = 64
SAFE_FILTERS = ("abs", "capitalize", "default", "d", "e", "escape", "first", "float", "int", "join", "last",
                "length", "count", "list", "lower", "upper", "title", "trim", "round", "string", "sort", "sum",
                "unique", "batch", "select", "reject", "selectattr", "rejectattr", "map", "min", "max",
                "items", "dictsort", "groupby", "reverse", "striptags", "attr")


class LimitExceeded(SecurityError):
    """A template or expression asked for more than a document ever needs."""


class Sandbox(ImmutableSandboxedEnvironment):
    """ImmutableSandboxedEnvironment with undefined names as errors, our filters and bounded work."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options):
        super().__init__(undefined=StrictUndefined, finalize=self._count, **options)
        self.filters = {name: self.filters[name] for name in SAFE_FILTERS if name in self.filters}
        self.filters.update(FILTERS)
        self.globals = {"range": self._range}
        self._steps = threading.local()

    def start(self) -> None:
        """Resets the step budget: call before each rendering."""
        self._steps.left = MAX_STEPS
        self._steps.output = 10 * MAX_TEXT

    def _count(self, value):
        """Every value a template prints passes here: the output of one rendering is bounded."""
        if isinstance(value, str):
            self._steps.output = getattr(self._steps, "output", 10 * MAX_TEXT) - len(value)
            if self._steps.output < 0:
                raise LimitExceeded(f"Ausgabe über {10 * MAX_TEXT // 1_000_000} Millionen Zeichen")
        return value

    def _range(self, *args):
        items = range(*args)
        left = getattr(self._steps, "left", MAX_STEPS) - len(items)
        if left < 0:
            raise LimitExceeded(f"range() mit mehr als {MAX_STEPS // 1000}.000 Schritten")
        self._steps.left = left
        return items

    def call_binop(self, context, operator_name, left, right):
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise LimitExceeded(f"Potenz mit Exponent über {MAX_EXPONENT}")
            return operator.pow(left, right)
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and isinstance(count, int):
                if len(sequence) * count > MAX_TEXT:
                    raise LimitExceeded(f"Text oder Liste mit mehr als {MAX_TEXT // 1_000_000} Million Zeichen")
        return operator.mul(left, right)

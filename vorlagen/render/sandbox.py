"""The one Jinja sandbox for everything a data folder can influence: templates and prose expressions.

No attribute starting with `_`, no mutation, no globals but a bounded `range`. Every operation that can make a
text, list or number much larger than its operands (`*`, `**`, `+`, `%`, `~`, `join`, `sum`, widening string
methods, size arguments of filters) is measured before it runs, each against a bound and all of one rendering
against a budget, so that no template or expression can take unbounded memory or time.
"""

from __future__ import annotations

import functools
import operator
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeGuard, TypeVar

from jinja2 import Environment, StrictUndefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from vorlagen.core.fmt import Zahlformat, prozent, zahl
from vorlagen.core.limits import (
    MAX_ARGUMENT,
    MAX_AUSGABE,
    MAX_EXPONENT,
    MAX_GEMACHT,
    MAX_SCHLEIFE,
    MAX_STELLEN,
    MAX_STEPS,
    MAX_TEXT,
)
from vorlagen.core.money import Zahl

SAFE_FILTERS = (
    "abs",
    "capitalize",
    "default",
    "d",
    "e",
    "escape",
    "first",
    "float",
    "int",
    "join",
    "last",
    "length",
    "count",
    "list",
    "lower",
    "upper",
    "title",
    "trim",
    "round",
    "string",
    "sort",
    "sum",
    "unique",
    "batch",
    "select",
    "reject",
    "selectattr",
    "rejectattr",
    "map",
    "min",
    "max",
    "items",
    "dictsort",
    "groupby",
    "reverse",
    "striptags",
    "attr",
)
SIZED_FILTERS = (
    "batch",
    "round",
    "zahl",
    "vzae",
    "prozent",
    "teur",
    "mio",
    "mrd",
)  # an integer argument sets the size of the result
WIDENING = {
    "ljust",
    "rjust",
    "center",
    "zfill",
    "expandtabs",
    "replace",
    "translate",
    "join",
    "format",
    "format_map",
    "to_bytes",
}  # str, bytes and int methods whose result can outgrow their operands
MAX_BITS = MAX_STELLEN * 10 // 3  # an integer of MAX_STELLEN decimal digits
_PERCENT_SPEC = re.compile(r"%[-+ #0]*(\*|\d*)(?:\.(\*|\d*))?")  # '%08.2f': width and precision
_FORMAT_SPEC = re.compile(r"\{[^{}:]*:([^{}]*)\}")  # '{:>12}'
_NESTED = re.compile(r"\{[^{}]*\{[^{}]*\}")  # '{:{}}': a width given as a value
_DIGITS = re.compile(r"\d+")
_T = TypeVar("_T")
_COUNTED = "gezählt"  # the filter every loop's iterable passes through


class LimitExceeded(SecurityError):
    """A template or expression asked for more than a document ever needs."""


def size(value: object) -> int:
    """Characters of a text; entries (at least one each) of a list, tuple or dict, all the way down."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple)):
        return len(value) + sum(size(item) for item in value)
    if isinstance(value, dict):
        return len(value) + sum(size(item) for item in value.values())
    return 1


def _shown(value: object) -> int:
    """An upper bound of the characters `str(value)` prints (quotes, commas and brackets included)."""
    return len(value) if isinstance(value, str) else 4 * size(value) + 2


class _Generator(CodeGenerator):
    """Compiles `a ~ b` into a call that measures its parts first."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.measured_join({join}, (")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class Sandbox(ImmutableSandboxedEnvironment):
    """ImmutableSandboxedEnvironment with undefined names as errors, our filters and bounded work."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, zahlformat: Zahlformat, prozent_stellen: int = 2, **options: Any) -> None:
        super().__init__(undefined=StrictUndefined, finalize=self._count, **options)
        self.prozent_stellen = prozent_stellen  # shapes compiled code: Jinja folds „{{ 0.5 | prozent }}“ when compiling
        filters = {name: self.filters[name] for name in SAFE_FILTERS if name in self.filters}
        filters.update(zahlformat.filters)  # money in the house's sign: the filters of its format
        # „| prozent“ prints as many places as the Körperschaft's prozent_stellen, „| prozent(3)“ says its own
        filters["prozent"] = functools.partial(_prozent, stellen=prozent_stellen)
        filters["join"] = _measured(
            self,
            filters["join"],
            lambda items, d="", *_, **__: sum(map(_shown, items)) + _shown(d) * len(items),
            listing=True,
        )
        filters["string"] = _measured(self, filters["string"], lambda value: _shown(value))
        filters["sum"] = _numbers_only(filters["sum"])
        for name in SIZED_FILTERS:
            filters[name] = _bounded_arguments(name, filters[name])
        filters[_COUNTED] = self._counted
        self.filters = filters
        self.globals = {"range": self._range}
        self._steps = threading.local()
        self._safe: dict[tuple, bool] = {}  # (type, its __class__, attribute) → Jinja's verdict

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's verdict, remembered: its checks look only at the attribute's name and at isinstance of the
        object (its type and __class__), and ran for every attribute every template read."""
        key = (type(obj), getattr(obj, "__class__", None), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every {% for %} counts its rounds: nested loops over long lists could run for hours."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _COUNTED, [], [], None, None, lineno=loop.iter.lineno)
        return tree

    def _counted(self, iterable: Iterable[_T]) -> Iterator[_T]:
        for item in iterable:
            self._steps.rounds = getattr(self._steps, "rounds", MAX_SCHLEIFE) - 1
            if self._steps.rounds < 0:
                raise LimitExceeded(f"Schleifen mit zusammen mehr als {MAX_SCHLEIFE // 1_000_000} Million Durchläufen")
            yield item

    def start(self) -> None:
        """Resets the budgets: call before each rendering."""
        self._steps.left = MAX_STEPS
        self._steps.rounds = MAX_SCHLEIFE
        self._steps.output = MAX_AUSGABE
        self._steps.made = MAX_GEMACHT

    def made(self, amount: int) -> None:
        """Charges a result of `amount` characters or entries before it is made."""
        if amount > MAX_TEXT:
            raise LimitExceeded(f"Text oder Liste mit mehr als {MAX_TEXT // 1_000_000} Million Zeichen")
        self._steps.made = getattr(self._steps, "made", MAX_GEMACHT) - amount
        if self._steps.made < 0:
            raise LimitExceeded(f"Texte und Listen mit zusammen mehr als {MAX_GEMACHT // 1_000_000} Millionen Zeichen")

    def _count(self, value: _T) -> _T:
        """Every value a template prints passes here: the output of one rendering is bounded."""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.made(_shown(value))  # printing a list or record makes its text
        if isinstance(value, str):
            self._steps.output = getattr(self._steps, "output", MAX_AUSGABE) - len(value)
            if self._steps.output < 0:
                raise LimitExceeded(f"Ausgabe über {MAX_AUSGABE // 1_000_000} Millionen Zeichen")
        return value

    def _range(self, *args: int) -> range:
        items = range(*args)
        left = getattr(self._steps, "left", MAX_STEPS) - len(items)
        if left < 0:
            raise LimitExceeded(f"range() mit mehr als {MAX_STEPS // 1000}.000 Schritten")
        self._steps.left = left
        return items

    def measured_join(self, join: Callable[[Iterable[Any]], str], parts: tuple[Any, ...]) -> str:
        self.made(sum(map(_shown, parts)))
        return join(parts)

    def call_binop(self, context: Context, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                raise LimitExceeded(f"Potenz mit Exponent über {MAX_EXPONENT}")
            if _integer(left) and _integer(right) and left.bit_length() * right > MAX_BITS:
                raise LimitExceeded(f"Zahl mit mehr als {zahl(MAX_STELLEN)} Stellen")
            return operator.pow(left, right)
        if operator_name == "%":
            if isinstance(left, str):
                self.made(_formatted(left, right if isinstance(right, tuple) else (right,), percent=True))
            return operator.mod(left, right)
        if operator_name == "+":
            if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
                self.made(size(left) + size(right))
            return operator.add(left, right)
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, (str, list, tuple)) and _integer(count):
                self.made(size(sequence) * max(count, 0))
        if _integer(left) and _integer(right) and left.bit_length() + right.bit_length() > MAX_BITS:
            raise LimitExceeded(f"Zahl mit mehr als {zahl(MAX_STELLEN)} Stellen")
        return operator.mul(left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 – Jinja's signature
        method = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped by the sandbox
        owner, name = getattr(method, "__self__", None), getattr(method, "__name__", "")
        if name in WIDENING and isinstance(owner, (str, bytes, int)) and not isinstance(owner, bool):
            if name == "join" and args:
                args = (list(args[0]), *args[1:])  # a generator is read once: keep what it gave
            __self.made(_widened(owner, name, args, kwargs))
        return super().call(__context, __obj, *args, **kwargs)


def _integer(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _formatted(template: str, values: tuple[Any, ...], percent: bool) -> int:
    """An upper bound of `template % values` (percent) or `template.format(*values)`: the template, the widths
    and precisions in it or given as values, the values."""
    if percent:
        specs = [part for spec in _PERCENT_SPEC.findall(template) for part in spec]
        from_values = "*" in specs
    else:
        specs = [digits for spec in _FORMAT_SPEC.findall(template) for digits in _DIGITS.findall(spec)]
        from_values = _NESTED.search(template) is not None
    widths = sum(int(part) for part in specs if part.isdigit())
    if from_values:
        widths += sum(abs(v) for v in values if _integer(v))
    return len(template) + widths + sum(map(_shown, values))


def _widened(owner: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:  # owner: str, bytes or int
    """An upper bound of the size of `owner.name(*args, **kwargs)`."""
    numbers = [a for a in (*args, *kwargs.values()) if _integer(a)]
    if name in ("ljust", "rjust", "center", "zfill", "to_bytes"):
        return max([size(owner) if not _integer(owner) else 1, *numbers])
    if name == "expandtabs":
        return len(owner) * max([8, *numbers])
    if name == "replace" and len(args) >= 2:
        return len(owner) + (owner.count(args[0]) + 1) * size(args[1])
    if name == "translate":
        table = args[0] if args else {}
        return len(owner) * max([1, *map(size, table.values())]) if isinstance(table, dict) else len(owner)
    if name == "join":
        items = list(args[0]) if args else []
        return sum(map(_shown, items)) + len(owner) * len(items)
    if isinstance(owner, str):  # format, format_map
        return _formatted(owner, (*args, *kwargs.values()), percent=False)
    return size(owner)


def _measured(
    env: Sandbox, function: Callable[..., Any], estimate: Callable[..., int], listing: bool = False
) -> Callable[..., Any]:
    """A filter that charges its estimated result before running; `listing` filters take any iterable."""

    @functools.wraps(function)
    def measured(*args: Any, **kwargs: Any) -> Any:
        offset = 1 if hasattr(function, "jinja_pass_arg") else 0
        value = args[offset]
        if listing and not isinstance(value, (list, tuple, str)):
            value = list(value)  # generators (map, select) are consumed once: keep what they gave
        env.made(estimate(value, *args[offset + 1 :], **kwargs))
        return function(*args[:offset], value, *args[offset + 1 :], **kwargs)

    return measured


def _prozent(value: Zahl, places: int | None = None, *, stellen: int) -> str:
    return prozent(value, stellen if places is None else places)


def _bounded_arguments(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose integer arguments (not its value) stay below MAX_ARGUMENT."""

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        offset = 2 if hasattr(function, "jinja_pass_arg") else 1
        if any(_integer(a) and abs(a) > MAX_ARGUMENT for a in (*args[offset:], *kwargs.values())):
            raise LimitExceeded(f"Filter „{name}“ mit einer Zahl über {zahl(MAX_ARGUMENT)}")
        return function(*args, **kwargs)

    return bounded


def _numbers_only(function: Callable[..., Any]) -> Callable[..., Any]:
    """Jinja's sum for numbers only: Python's sum copies lists and texts once per item."""

    @functools.wraps(function)
    def summed(
        environment: Environment, iterable: Iterable[Any], attribute: str | int | None = None, start: Any = 0
    ) -> Any:
        if not isinstance(start, (int, float, Decimal, Fraction)):
            raise LimitExceeded("sum() über anderes als Zahlen")
        return function(environment, iterable, attribute, start)

    return summed

"""A PDF page as it is set: each line of text with its cells where they stand (pypdf's layout of the text runs,
one character width for the whole document, so that a table's columns line up across its pages), and whether it
stands close under the line before (a cell's text wrapped, or a paragraph going on) – without what is no content:
text marked as an artifact (running heads, page numbers: PDF/UA) and text set at a slant (a watermark „ENTWURF“
drawn over a table would tear its rows apart). A page whose text stands in embedded forms, or a file the layout
cannot read, gives its plain text instead (no columns)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from vorlagen.core.problems import BuildFailed

_SHOWS_TEXT = frozenset([b"Tj", b"TJ", b"'", b'"'])
_SLANT = 1e-6  # a transformation with a share of rotation or skew above this sets text at a slant
_CLOSE = 1.75  # a line at most this many font heights under the one before stands close under it (a wrapped line)
_BASELINE = 1 / 3  # runs whose baselines lie this many font heights apart or less stand on one line
_MAX_SPACES = 1_000  # spaces set before a text run (pypdf bounds the same)


@dataclass
class Seite:
    """The text lines of one page, whether their spaces set columns apart (layout) or are plain, and per line
    whether it stands close under the line before."""

    zeilen: list[str]
    spalten: bool
    eng: list[bool] = field(default_factory=list)
    # per line: each run's start and end in the line, and its left and right edge on the page (in the same grid)
    spannen: list[list[tuple[int, int, int, int]]] = field(default_factory=list)


def pages(reader: Any, checked: Callable[[int], None]) -> list[Seite]:
    """Every page's lines; laid out where the layout can be read. `checked(n)` runs after page n's plain text was
    read (pypdf counts the forms it calls there)."""
    try:
        return _laid_out(reader, checked)
    except BuildFailed:
        raise
    except Exception as error:  # noqa: BLE001 - a font or operator the layout cannot follow: read the plain text
        if type(error).__name__ == "LimitReachedError":
            raise
    return [_plain(page, number, checked) for number, page in enumerate(reader.pages, start=1)]


def _plain(page: Any, number: int, checked: Callable[[int], None]) -> Seite:
    text = page.extract_text()
    checked(number)
    lines = text.split("\n")
    return Seite(lines, False, [False] * len(lines), [[] for _ in lines])


def _laid_out(reader: Any, checked: Callable[[int], None]) -> list[Seite]:
    from pypdf._text_extraction import _layout_mode as layout
    from pypdf.generic import ContentStream

    groups: list[list | None] = []
    for page in reader.pages:
        contents = page.get_contents()
        ops = ContentStream(contents, reader, "bytes").operations if contents is not None else []
        if _draws_forms(page, ops):  # text inside a form XObject is invisible to the layout
            groups.append(None)
        else:
            groups.append(_runs(_content(ops), page._layout_mode_fonts()))
    every = [g for page in groups for g in page or []]
    width = layout.fixed_char_width(every, 1.25) if every else 0.0
    left = min((g["tx"] for g in every), default=0.0)  # one left edge for all pages: columns line up across them
    for page_runs in groups:
        for run in page_runs or []:
            run["tx"] -= left
            run["displaced_tx"] -= left
    result = []
    for number, (page, found) in enumerate(zip(reader.pages, groups, strict=True), start=1):
        if found is None:
            result.append(_plain(page, number, checked))
        else:
            result.append(_set(_lines(found), width) if found else Seite([], True, [], []))
    return result


def _lines(runs: list[dict]) -> dict[float, list[dict]]:
    """The runs of a page by line, top down, each line's runs left to right: runs on one baseline (within a third
    of their height) – not, as pypdf joins them, all runs less than a line apart (the rows of a table set without
    space between them would run together)."""
    lines: dict[float, list[dict]] = {}
    current: float | None = None
    for run in sorted(runs, key=lambda r: -r["ty"] * r["flip_sort"]):
        y = run["ty"] * run["flip_sort"]
        if current is None or abs(current - y) > _BASELINE * max(run["font_height"], 1.0):
            current = y
            lines[current] = []
        lines[current].append(run)
    return {y: sorted(group, key=lambda r: r["tx"]) for y, group in lines.items()}


def _set(lines: dict, width: float) -> Seite:
    """Each line of text runs in one character grid (each run where its left edge stands; runs set apart by more
    than a character keep two spaces between them, a column gap, words one), where each run ends on the page (its
    right edge in the grid: amounts stand flush right, their edges line up whatever the widths of their digits),
    and whether the line stands close under the line before."""
    seite = Seite([], True, [], [])
    last_y: float | None = None
    for y, runs in lines.items():
        parts, spans, length, last_end = [], [], 0, None
        for run in runs:
            text = "".join(" " if 14 <= ord(c) < 32 else c for c in run["text"]).rstrip()
            if not text.strip():
                continue
            lead = len(text) - len(text.lstrip())
            start = int(run["tx"] // width) if width else length
            gap = (run["tx"] - last_end) / width if last_end is not None and width else 0.0
            if last_end is None or gap >= 1.5:  # at its place in the grid, at least a column gap after the last
                spaces = min(max(start - length, 2 if last_end is not None else 0), _MAX_SPACES)
            else:  # the same cell: a word apart, or none
                spaces = 0 if gap < 0.3 else 1
            parts.append(" " * spaces + text)
            begin = length + spaces + lead
            length += spaces + len(text)
            page_start = start + lead if width else begin
            spans.append((begin, length, page_start, round(run["displaced_tx"] / width) if width else length))
            last_end = run["displaced_tx"]
        line = "".join(parts).rstrip()
        if not line.strip():
            continue
        height = max((run["font_height"] for run in runs), default=0.0)
        seite.eng.append(last_y is not None and abs(last_y - y) <= _CLOSE * height)
        seite.zeilen.append(line)
        seite.spannen.append(spans)
        last_y = y
    return seite


def _runs(ops: list, fonts: dict) -> list[dict]:
    """The text runs of a page where they stand on it: each text operation of pypdf's reading (not its lines,
    which join the cells of a row and guess the spaces between them), without moving each page's text to its own
    left edge; a run that goes on where the one before ended (glyph by glyph, as some writers set text) is joined."""
    from pypdf._text_extraction._layout_mode._fixed_width_page import recurse_to_target_op, set_font_operation
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager

    state = TextStateManager()
    shown: list = []
    operators = iter(ops)
    for operands, op in operators:
        if op in (b"BT", b"q"):
            _, found = recurse_to_target_op(operators, state, b"ET" if op == b"BT" else b"Q", fonts, True)
            shown.extend(tj for tj in found if not tj.rotated and tj.font.interpretable and tj.text)
        elif op == b"Tf":
            set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(op, operands)
    runs: list[dict] = []
    for tj in shown:
        flip = -1 if tj.flip_vertical else 1
        last = runs[-1] if runs else None
        if (
            last is not None
            and abs(last["ty"] - tj.ty) < 0.1 * max(tj.font_height, 1.0)
            and abs(tj.tx - last["displaced_tx"]) < 0.3 * max(tj.space_tx, 0.1)
        ):
            last["text"] += tj.text
            last["displaced_tx"] = tj.displaced_tx
            continue
        runs.append(
            {
                "tx": tj.tx,
                "ty": tj.ty,
                "text": tj.text,
                "displaced_tx": tj.displaced_tx,
                "font_height": tj.font_height,
                "flip_sort": flip,
            }
        )
    return runs


def _content(ops: list) -> list:
    """The page's operators without the text of artifacts and without text set at a slant."""
    kept = []
    marks: list[bool] = []  # per open marked-content sequence: does it open an artifact
    artifacts = 0
    slanted = [False]  # per graphics state on the stack
    for operands, op in ops:
        if op in (b"BMC", b"BDC"):
            artifact = bool(operands) and operands[0] == "/Artifact"
            marks.append(artifact)
            artifacts += artifact
        elif op == b"EMC":
            artifacts -= marks.pop() if marks else 0
        elif op == b"q":
            slanted.append(slanted[-1])
        elif op == b"Q":
            if len(slanted) > 1:
                slanted.pop()
        elif op == b"cm" and len(operands) == 6 and _slant(operands):
            slanted[-1] = True
        elif op in _SHOWS_TEXT and (artifacts or slanted[-1]):
            continue
        kept.append((operands, op))
    return kept


def _slant(operands: list[Any]) -> bool:
    try:
        return abs(float(operands[1])) > _SLANT or abs(float(operands[2])) > _SLANT
    except (TypeError, ValueError):
        return False


def _draws_forms(page: Any, ops: list) -> bool:
    """The page draws a form XObject (whose text the layout does not read)."""
    if not any(op == b"Do" for _, op in ops):
        return False
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return False
    return any(x.get_object().get("/Subtype") == "/Form" for x in xobjects.get_object().values())

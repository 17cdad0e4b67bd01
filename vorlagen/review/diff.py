"""What changed between two sets of Vorlagen: figures, metadata and text, for reviewers."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from vorlagen.core.reads import hash_of
from vorlagen.review.fassung import Fassung, differenz


@dataclass
class Zahlaenderung:
    key: str
    label: str
    alt: str | None  # formatted; None when the figure is new
    neu: str | None  # formatted; None when the figure is gone
    differenz: str | None
    darunter: list[str] = field(default_factory=list)  # the facts under it that changed: 'Satz kgst-2020/E11: a → b'


@dataclass
class Vorlagenaenderung:
    nummer: str
    betreff: str
    status: str  # geändert | neu | entfernt
    zahlen: list[Zahlaenderung] = field(default_factory=list)
    kopf: list[tuple[str, str, str]] = field(default_factory=list)  # (Feld, alt, neu)
    text: list[tuple[str, str]] = field(default_factory=list)  # ("-" | "+" | "~", Absatz)


def _umnummeriert(old: dict[str, Fassung], new: dict[str, Fassung]) -> dict[str, str]:
    """Old Nummer → new Nummer of each Vorlage that changed its Nummer: the one Vorlage gone and the one new in the
    same folder, else the only ones with the same Betreff."""
    weg, dazu = [n for n in old if n not in new], [n for n in new if n not in old]
    paare: dict[str, str] = {}
    for merkmal in ("ordner", "betreff"):
        for alt in weg:
            wert = getattr(old[alt], merkmal)
            gleich = [n for n in dazu if n not in paare.values() and wert and getattr(new[n], merkmal) == wert]
            if alt not in paare and len(gleich) == 1:
                paare[alt] = gleich[0]
    return paare


def compare(old: dict[str, Fassung], new: dict[str, Fassung]) -> list[Vorlagenaenderung]:
    """Changes per Vorlage, in the order of their numbers; unchanged Vorlagen are left out. A renumbered Vorlage is
    compared with its old self."""
    changes = []
    paare = _umnummeriert(old, new)
    bisher = {neu: alt for alt, neu in paare.items()}
    for nummer in sorted(set(old) | set(new)):
        if nummer in paare:
            continue
        if nummer in bisher:
            changes.append(compare_one(old[bisher[nummer]], new[nummer]))  # its Nummer is a changed header field
        elif nummer not in old:
            changes.append(Vorlagenaenderung(nummer, new[nummer].betreff, "neu"))
        elif nummer not in new:
            changes.append(Vorlagenaenderung(nummer, old[nummer].betreff, "entfernt"))
        else:
            change = compare_one(old[nummer], new[nummer])
            if change.zahlen or change.kopf or change.text:
                changes.append(change)
    return changes


def hausstil_changes(old_data: Path, new_data: Path) -> list[str]:
    """The data folder's own templates and stylesheet that differ: 'kopf.html.j2 (geändert)'."""

    def files(data: Path) -> dict[str, str]:  # by the hash of their bytes, each read bounded
        folder = data / "templates"
        if not folder.is_dir():
            return {}
        return {
            p.relative_to(folder).as_posix(): hash_of(p)
            for p in folder.rglob("*")
            if p.is_file() and not p.is_symlink()
        }

    old, new = files(old_data), files(new_data)
    changed = []
    for name in sorted(set(old) | set(new)):
        if name not in old:
            changed.append(f"{name} (neu)")
        elif name not in new:
            changed.append(f"{name} (entfernt)")
        elif old[name] != new[name]:
            changed.append(f"{name} (geändert)")
    return changed


def compare_one(old: Fassung, new: Fassung) -> Vorlagenaenderung:
    change = Vorlagenaenderung(new.nummer, new.betreff, "geändert")
    for key in list(old.zahlen) + [k for k in new.zahlen if k not in old.zahlen]:
        a, b = old.zahlen.get(key), new.zahlen.get(key)
        if a and b and a.value == b.value:
            continue
        either = b or a
        assert either is not None  # the key is one of the two Fassungen
        label = either.label
        diff = differenz(a, b, new.zahlformat) if a and b else None
        under = []
        if a and b:
            under = [
                f"{name}: {a.quellen.get(name, '–')} → {b.quellen.get(name, '–')}"
                for name in list(a.quellen) + [n for n in b.quellen if n not in a.quellen]
                if a.quellen.get(name) != b.quellen.get(name)
            ]
        change.zahlen.append(
            Zahlaenderung(
                key,
                label,
                a.show(old.zahlformat) if a else None,
                b.show(new.zahlformat) if b else None,
                diff,
                under,
            )
        )
    for label in list(old.kopf) + [k for k in new.kopf if k not in old.kopf]:
        alt, neu = old.kopf.get(label, ""), new.kopf.get(label, "")
        if alt != neu:
            change.kopf.append((label, alt, neu))
    change.text = text_changes(old.text, new.text)
    return change


def text_changes(old: list[str], new: list[str]) -> list[tuple[str, str]]:
    """Paragraph-level diff; a paragraph that changed in place is shown word by word."""
    result = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        paired = min(a2 - a1, b2 - b1) if op == "replace" else 0
        for i in range(paired):
            result.append(("~", word_diff(old[a1 + i], new[b1 + i])))
        result += [("-", line) for line in old[a1 + paired : a2]]
        result += [("+", line) for line in new[b1 + paired : b2]]
    return result


def word_diff(old: str, new: str) -> str:
    """'Der [-alte-]{+neue+} Satz' – removed words in [- -], added ones in {+ +}.

    Changes separated only by white space are shown as one change, so a replaced phrase reads as one.
    """
    a, b = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    segments: list[list] = []  # [changed, old text, new text]
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        old_part, new_part = "".join(a[a1:a2]), "".join(b[b1:b2])
        between_changes = op == "equal" and old_part.isspace() and 0 < index < len(opcodes) - 1
        changed = op != "equal" or between_changes
        if changed and segments and segments[-1][0]:
            segments[-1][1] += old_part
            segments[-1][2] += new_part
        else:
            segments.append([changed, old_part, new_part])
    return "".join(
        ("[-" + o + "-]" if o else "") + ("{+" + n + "+}" if n else "") if changed else o for changed, o, n in segments
    )


def render_text(
    changes: list[Vorlagenaenderung],
    old_name: str,
    new_name: str,
    hausstil: Sequence[str] = (),
    druck: Sequence[str] = (),
    hinweise: Sequence[str] = (),
) -> str:
    """The report in German, for people; `druck`: the lines of the printed documents that differ
    (druckvergleich.zeilen); `hinweise`: a revision of an earlier format and its printed figures (migration/fruehere)."""
    lines = [f"Vergleich: {old_name} → {new_name}", ""]
    if hinweise:
        lines += [*hinweise, ""]
    if hausstil:
        lines += [f"Hausstil geändert: {', '.join(hausstil)} – das kann jedes Dokument betreffen.", ""]
    if not changes and not hausstil and not druck:
        return "\n".join(lines + ["Keine Änderungen."]) + "\n"
    for change in changes:
        if change.status == "neu":
            lines += [f"Neue Vorlage {change.nummer}: {change.betreff}", ""]
            continue
        if change.status == "entfernt":
            lines += [f"Entfernte Vorlage {change.nummer}: {change.betreff}", ""]
            continue
        lines.append(f"Vorlage {change.nummer}: {change.betreff}")
        if change.zahlen:
            lines.append("  Zahlen:")
            for z in change.zahlen:
                if z.alt is None:
                    lines.append(f"    {z.label}: neu {z.neu}")
                elif z.neu is None:
                    lines.append(f"    {z.label}: entfällt (bisher {z.alt})")
                else:
                    lines.append(f"    {z.label}: {z.alt} → {z.neu}" + (f" ({z.differenz})" if z.differenz else ""))
                lines += [f"      weil: {d}" for d in z.darunter]
        if change.kopf:
            lines.append("  Kopfdaten:")
            lines += [f"    {label}: „{a}“ → „{b}“" for label, a, b in change.kopf]
        if change.text:
            lines.append("  Text:")
            lines += [f"    {mark} {text}" for mark, text in change.text]
        lines.append("")
    lines += druck
    if not changes:
        return "\n".join(lines).rstrip("\n") + "\n"
    counts = {status: sum(1 for c in changes if c.status == status) for status in ("geändert", "neu", "entfernt")}
    lines.append(f"Geändert: {counts['geändert']}, neu: {counts['neu']}, entfernt: {counts['entfernt']}.")
    return "\n".join(lines) + "\n"


def render_json(
    changes: list[Vorlagenaenderung],
    old_name: str,
    new_name: str,
    hausstil: Sequence[str] = (),
    druck: dict | None = None,
    hinweise: Sequence[str] = (),
) -> str:
    """The report for tools; `druck`: the printed documents and files that differ (a Druckvergleich as a dict)."""
    druck = druck or {"dokumente": [], "druckdateien": [], "weitere": [], "oparl": []}
    payload = {
        "alt": old_name,
        "neu": new_name,
        "geaendert": bool(changes or hausstil or any(druck.values())),
        "hausstil": list(hausstil),
        "hinweise": list(hinweise),
        "vorlagen": [asdict(change) for change in changes],
        **druck,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"

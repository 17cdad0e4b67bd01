"""WordprocessingML written as text: escaping, units, and the properties of runs and paragraphs in the order the
schema gives them (Word refuses a file whose properties stand in another order)."""

from __future__ import annotations

from vorlagen.render.word.aussehen import Absatz, Linie, Zeichen

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WEICH = "\u00ad"  # a soft hyphen: Word's optional hyphen
EINZEILIG = 1.14  # Word's single line of the shipped fonts, as a multiple of the font size (measured in LibreOffice)


def esc(text: str) -> str:
    """Text for XML content and attributes; characters XML 1.0 cannot hold are left out."""
    text = "".join(c for c in text if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def twips(points: float) -> int:
    """Twentieths of a point."""
    return round(points * 20)


def halbe(points: float) -> int:
    """Half points (font sizes)."""
    return round(points * 2)


def zeile(linie: Linie | None, tag: str, space: float = 0.0) -> str:
    """One border (w:top, w:bottom …); a side without a border is written as none, so that no style adds one."""
    if linie is None:
        return f'<w:{tag} w:val="nil"/>'
    size = max(2, min(96, round(linie.breite * 8)))  # eighths of a point, as Word allows them
    return f'<w:{tag} w:val="single" w:sz="{size}" w:space="{min(round(space), 31)}" w:color="{linie.farbe}"/>'


def rpr(z: Zeichen, basis: Zeichen, extra: str = "", stil: str = "") -> str:
    """The run properties by which `z` differs from `basis` (the look its styles give); `stil`: a character style,
    `extra`: w:noProof."""
    parts = [f'<w:rStyle w:val="{stil}"/>' if stil else ""]
    if z.schrift != basis.schrift:
        name = esc(z.schrift)
        parts.append(f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:cs="{name}"/>')
    if z.fett != basis.fett:
        parts.append("<w:b/><w:bCs/>" if z.fett else '<w:b w:val="0"/><w:bCs w:val="0"/>')
    if z.kursiv != basis.kursiv:
        parts.append("<w:i/><w:iCs/>" if z.kursiv else '<w:i w:val="0"/><w:iCs w:val="0"/>')
    if z.versal != basis.versal:
        parts.append("<w:caps/>" if z.versal else '<w:caps w:val="0"/>')
    if z.durchgestrichen != basis.durchgestrichen:
        parts.append("<w:strike/>" if z.durchgestrichen else '<w:strike w:val="0"/>')
    parts.append(extra)
    if z.farbe != basis.farbe:
        parts.append(f'<w:color w:val="{z.farbe}"/>')
    if z.sperrung != basis.sperrung:
        parts.append(f'<w:spacing w:val="{twips(z.sperrung)}"/>')
    if z.groesse != basis.groesse:
        parts.append(f'<w:sz w:val="{halbe(z.groesse)}"/><w:szCs w:val="{halbe(z.groesse)}"/>')
    if z.unterstrichen != basis.unterstrichen:
        parts.append('<w:u w:val="single"/>' if z.unterstrichen else '<w:u w:val="none"/>')
    if z.lage != basis.lage:
        parts.append(f'<w:vertAlign w:val="{z.lage or "baseline"}"/>')
    inner = "".join(parts)
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def zeichen_voll(z: Zeichen) -> str:
    """Every property of a look, for a style's or the document's defaults."""
    name = esc(z.schrift)
    return (
        f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"/>'
        + ("<w:b/><w:bCs/>" if z.fett else "")
        + ("<w:i/><w:iCs/>" if z.kursiv else "")
        + ("<w:caps/>" if z.versal else "")
        + f'<w:color w:val="{z.farbe}"/>'
        + (f'<w:spacing w:val="{twips(z.sperrung)}"/>' if z.sperrung else "")
        + f'<w:sz w:val="{halbe(z.groesse)}"/><w:szCs w:val="{halbe(z.groesse)}"/>'
    )


def abstand(a: Absatz) -> str:
    """Spacing before and after and the line height (a CSS multiple of the font size; Word's "single" is EINZEILIG of
    it for the shipped fonts)."""
    line = f' w:line="{round(240 * a.zeile / EINZEILIG)}" w:lineRule="auto"' if a.zeile else ""
    line = f' w:line="{max(twips(a.hoehe), 2)}" w:lineRule="exact"' if a.hoehe else line
    return f'<w:spacing w:before="{twips(a.vor)}" w:after="{twips(a.nach)}"{line}/>'


def ppr(stil: str, a: Absatz, basis: Absatz, nummer: str = "", schluss: str = "") -> str:
    """The paragraph properties: its style, where `a` differs from `basis` (what the style gives), the list it belongs
    to (`nummer`: a w:numPr) and `schluss` (a w:sectPr that ends a section here)."""
    parts = [f'<w:pStyle w:val="{stil}"/>' if stil != "Normal" else ""]
    if a.mit_naechstem != basis.mit_naechstem:
        parts.append("<w:keepNext/>" if a.mit_naechstem else '<w:keepNext w:val="0"/>')
    parts.append(nummer)
    seiten = (a.oben, a.links, a.unten, a.rechts)
    if any(seiten):
        parts.append(
            "<w:pBdr>"
            + zeile(a.oben, "top", a.innen_oben or 1)
            + zeile(a.links, "left", a.innen)
            + zeile(a.unten, "bottom", a.innen_oben or 1)
            + zeile(a.rechts, "right", a.innen)
            + "</w:pBdr>"
        )
    if a.hintergrund:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{a.hintergrund}"/>')
    if a.trennen != basis.trennen:
        parts.append("<w:suppressAutoHyphens/>" if not a.trennen else '<w:suppressAutoHyphens w:val="0"/>')
    if (a.vor, a.nach, a.zeile, a.hoehe) != (basis.vor, basis.nach, basis.zeile, basis.hoehe):
        parts.append(abstand(a))
    if a.einzug or a.haengend or a.einzug_rechts:
        right = f' w:right="{twips(a.einzug_rechts)}"' if a.einzug_rechts else ""
        hanging = f' w:hanging="{twips(a.haengend)}"' if a.haengend else ""
        parts.append(f'<w:ind w:left="{twips(a.einzug)}"{right}{hanging}/>')
    if a.ausrichtung != basis.ausrichtung:
        parts.append(f'<w:jc w:val="{a.ausrichtung}"/>')
    parts.append(schluss)
    inner = "".join(parts)
    return f"<w:pPr>{inner}</w:pPr>" if inner else ""


def text(value: str, props: str) -> str:
    """One run of text; soft hyphens become Word's optional hyphens, spaces are kept."""
    parts = value.split(WEICH)
    inner = "<w:softHyphen/>".join(f'<w:t xml:space="preserve">{esc(p)}</w:t>' if p else "" for p in parts)
    return f"<w:r>{props}{inner}</w:r>"

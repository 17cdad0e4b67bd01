"""What a Vorlage states around its texts, in the Hausstil's form: header fields, the Vorlage it refers to, the
signature lines."""

from __future__ import annotations

from vorlagen.compute.offen import OFFEN
from vorlagen.core.fmt import datum
from vorlagen.load.facts import Facts
from vorlagen.load.koerperschaft import Koerperschaft
from vorlagen.load.kopfzeilen import KOPFFELDER
from vorlagen.load.vorlage import Vorlage
from vorlagen.render import drucksachen


def angaben(facts: Facts, vorlage: Vorlage) -> dict:
    """What a Vorlage's template shows around its texts: head, signature, Bezug, Einreicher and the Drucksachen it
    is bound to."""
    wer = drucksachen.einreicher(facts, vorlage)
    return dict(
        kopfdaten=kopfdaten(facts.koerperschaft, vorlage, drucksachen.eingereicht(facts, vorlage)),
        unterschrift=unterschrift(facts.koerperschaft, vorlage, wer),
        einreicher=wer,
        bezug=bezug(facts, vorlage),
        verweise=drucksachen.verweise(facts, vorlage),
    )


def kopfdaten(koerperschaft: Koerperschaft, vorlage: Vorlage, eingereicht: str | None = None) -> list[tuple[str, str]]:
    """(label, value) of the header fields the Hausstil shows, in its order; empty ones are left out. `eingereicht`:
    who submitted an Antrag or Anfrage and when – it stands where the federführende Amt would."""
    kopf = koerperschaft.hausstil.kopf
    aemter = koerperschaft.aemter
    amt = next((a.name for a in aemter if a.id == vorlage.federfuehrend), OFFEN if aemter else None)
    if eingereicht is not None:
        amt = eingereicht
    werte = dict(
        nummer=vorlage.nummer or OFFEN,
        datum=datum(vorlage.datum) if vorlage.datum else None,
        federfuehrend=amt,
        aktenzeichen=vorlage.aktenzeichen,
        **vorlage.kopf,
    )
    beschriftung = {**{feld: getattr(kopf.beschriftung, feld) for feld in KOPFFELDER}, **kopf.eigene}
    if eingereicht is not None:
        beschriftung["federfuehrend"] = kopf.beschriftung.einreicher
    return [(beschriftung[feld], wert) for feld in kopf.felder if (wert := werte.get(feld))]


def bezug(facts: Facts, vorlage: Vorlage) -> str | None:
    """'Ergänzung zu Vorlage 2021/0123 vom 27.05.2021' or 'Neufassung, ersetzt Vorlage …'."""
    if vorlage.bezug is None:
        return None
    found = facts.vorlage(vorlage.bezug.vorlage)
    assert found is not None  # references are checked before anything is composed
    original = found.vorlage
    lead = "Ergänzung zu" if vorlage.bezug.art == "Ergänzung" else "Neufassung, ersetzt"
    if vorlage.oeffentlich and not original.oeffentlich:
        return f"{lead} Vorlage {original.nummer}"  # a public document shows nothing more of it
    vom = f" vom {datum(original.datum)}" if original.datum else ""
    return f"{lead} Vorlage {original.nummer}{vom}"


def unterschrift(koerperschaft: Koerperschaft, vorlage: Vorlage, einreicher: str | None = None) -> list[str]:
    """The signature lines in the Hausstil's form; none when the form is „keine“ and the Vorlage names nobody. An
    Antrag or Anfrage without its own „unterschrift“ is signed by its Einreicher, not by the Verwaltungschef."""
    u = vorlage.unterschrift
    k = koerperschaft
    stil = k.hausstil.unterschrift
    if u is None and einreicher is not None:
        return [einreicher]
    if u is None:
        if stil.form == "keine":
            return []
        chef = k.verwaltungschef or OFFEN  # open until publishing (compute/offen.py)
        return [chef] + ([f"{stil.gez} {k.verwaltungschef_name}"] if k.verwaltungschef_name else [])
    im_auftrag = u.im_auftrag if u.im_auftrag is not None else stil.form != "gez"
    return ([stil.im_auftrag] if im_auftrag else []) + [f"{stil.gez} {u.name}"] + ([u.funktion] if u.funktion else [])

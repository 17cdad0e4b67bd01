"""The publish bundle of a Sitzung: public PDFs under safe names, SHA256SUMS and oparl.json (OParl 1.1)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import PurePosixPath
from typing import Callable
from zoneinfo import ZoneInfo

from vorlagen.render.document import slugify
from vorlagen.load.facts import Facts
from vorlagen.meetings.documents import SitzungDoc

SCHEMA = "https://schema.oparl.org/1.1/"
ZONE = ZoneInfo("Europe/Berlin")


def _file(name: str, label: str, content: bytes, date: dt.date) -> dict:
    return {"id": f"file/{name}", "type": SCHEMA + "File", "name": label, "fileName": name,
            "mimeType": "application/pdf", "date": date.isoformat(), "size": len(content),
            "sha512Checksum": hashlib.sha512(content).hexdigest(), "accessUrl": name, "downloadUrl": name}


def bundle(facts: Facts, doc: SitzungDoc, agenda_pdf: bytes, packet_pdf: bytes,
           read: Callable[[PurePosixPath], bytes]) -> dict[str, bytes]:
    """File name → content. Only public documents; `read` gives the bytes of an output path of this build."""
    sitzung, gremium = doc.sitzung, doc.gremium
    files: dict[str, bytes] = {"tagesordnung.pdf": agenda_pdf, "sitzungsmappe.pdf": packet_pdf}
    meeting_id = f"meeting/{doc.id}"
    papers, items = [], []
    agenda_items = {}  # Vorlage-Nummer → AgendaItem id in this meeting
    for order, punkt in enumerate(doc.punkte, start=1):
        item = {"id": f"agendaitem/{doc.id}/{punkt.top}", "type": SCHEMA + "AgendaItem", "meeting": meeting_id,
                "number": punkt.top, "order": order, "public": punkt.oeffentlich,
                "name": punkt.gegenstand if punkt.oeffentlich else "Nichtöffentlicher Tagesordnungspunkt"}
        if punkt.oeffentlich and punkt.doc is not None:
            nummer = punkt.doc.source.vorlage.nummer
            item["consultation"] = f"consultation/{slugify(nummer)}/{doc.id}"
            agenda_items[nummer] = item["id"]
        items.append(item)
    for punkt in doc.teil(intern=False):
        if punkt.doc is not None:
            papers.append(_paper(facts, punkt.doc, agenda_items, read, files))
    meeting = {"id": meeting_id, "type": SCHEMA + "Meeting",
               "name": f"{gremium.name}, Sitzung am {sitzung.datum:%d.%m.%Y}", "meetingState": "eingeladen",
               "cancelled": False, "organization": [f"organization/gremium/{gremium.id}"]}
    if sitzung.uhrzeit:
        hour, minute = sitzung.uhrzeit
        meeting["start"] = dt.datetime(sitzung.datum.year, sitzung.datum.month, sitzung.datum.day, hour, minute,
                                       tzinfo=ZONE).isoformat()
    if sitzung.ort:
        meeting["location"] = {"id": f"location/{doc.id}", "type": SCHEMA + "Location", "description": sitzung.ort}
    meeting["invitation"] = _file("tagesordnung.pdf", "Tagesordnung", agenda_pdf, sitzung.datum)
    meeting["auxiliaryFile"] = [_file("sitzungsmappe.pdf", "Sitzungsmappe, öffentlicher Teil", packet_pdf,
                                      sitzung.datum)]
    meeting["agendaItem"] = items
    organizations = [{"id": f"organization/gremium/{g.id}", "type": SCHEMA + "Organization", "name": g.name}
                     for g in facts.koerperschaft.gremien]
    organizations += [{"id": f"organization/amt/{a.id}", "type": SCHEMA + "Organization", "name": a.name}
                      for a in facts.koerperschaft.aemter]
    oparl = {"meeting": meeting, "paper": papers, "organization": organizations}
    files["oparl.json"] = (json.dumps(oparl, ensure_ascii=False, indent=2) + "\n").encode()
    sums = "".join(f"{hashlib.sha256(content).hexdigest()}  {name}\n" for name, content in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode()
    return files


def _paper(facts: Facts, doc, agenda_items: dict, read: Callable[[PurePosixPath], bytes], files: dict) -> dict:
    vorlage = doc.source.vorlage
    base = f"vorlage-{doc.source.slug}"
    main = read(doc.folder / f"{doc.source.slug}.pdf")
    files[f"{base}.pdf"] = main
    auxiliary = []
    for anlage in doc.anlagen:
        if not anlage.oeffentlich:
            continue
        name = f"{base}-anlage-{anlage.nummer}.pdf"
        files[name] = read(anlage.datei)
        auxiliary.append(_file(name, f"Anlage {anlage.nummer}: {anlage.titel}", files[name], vorlage.datum))
    paper_id = f"paper/{doc.source.slug}"
    consultations = []
    for beratung in vorlage.beratungsfolge:
        sitzung = facts.sitzungen[beratung.sitzung]
        consultation = {"id": f"consultation/{slugify(vorlage.nummer)}/{beratung.sitzung}",
                        "type": SCHEMA + "Consultation", "paper": paper_id, "meeting": f"meeting/{beratung.sitzung}",
                        "organization": [f"organization/gremium/{sitzung.gremium}"],
                        "authoritative": beratung.rolle == "Entscheidung", "role": beratung.rolle}
        if vorlage.nummer in agenda_items and beratung.sitzung == agenda_items[vorlage.nummer].split("/")[1]:
            consultation["agendaItem"] = agenda_items[vorlage.nummer]
        consultations.append(consultation)
    return {"id": paper_id, "type": SCHEMA + "Paper", "body": "body", "name": vorlage.betreff,
            "reference": vorlage.nummer, "date": vorlage.datum.isoformat(), "paperType": vorlage.art,
            "mainFile": _file(f"{base}.pdf", f"{vorlage.art} {vorlage.nummer}", main, vorlage.datum),
            "auxiliaryFile": auxiliary, "underDirectionOf": [f"organization/amt/{vorlage.federfuehrend}"],
            "consultation": consultations}

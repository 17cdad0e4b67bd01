"""What every answer of the server carries and every request must pass before its page: the Host it was sent to
(only the configured ones), the Origin of a write (only the server's own pages), the security headers – a
Content-Security-Policy without inline script, no caching, no framing by others."""

from __future__ import annotations

from vorlagen.server.konfiguration import Konfiguration

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; frame-src 'self'; form-action 'self'; "
    "frame-ancestors 'self'; base-uri 'none'; object-src 'none'"
)
FREMDER_HOST = "Dieser Server antwortet nur unter seiner eigenen Adresse – öffnen Sie {adresse}."
FREMDE_SEITE = "Gespeichert wird nur aus den Seiten dieses Servers – öffnen Sie {adresse} und senden Sie dort."


def host_erlaubt(konfiguration: Konfiguration, host: str | None) -> bool:
    return host is not None and host.strip().lower() in konfiguration.hosts


def origin_erlaubt(konfiguration: Konfiguration, origins: list[str]) -> bool:
    """A write comes from a page of this server: the browser names it in Origin (one, and one of ours)."""
    return len(origins) == 1 and origins[0].strip().lower().rstrip("/") in konfiguration.origins


def kopfzeilen(konfiguration: Konfiguration) -> dict[str, str]:
    kopf = {
        "Content-Security-Policy": CSP,
        "Cache-Control": "no-store",
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "SAMEORIGIN",
    }
    if konfiguration.tls:
        kopf["Strict-Transport-Security"] = "max-age=31536000"
    return kopf

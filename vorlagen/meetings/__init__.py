"""Meetings: agendas, packets, publish bundles."""

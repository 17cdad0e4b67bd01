"""Reviewing: snapshots of Vorlagen and diffs between git revisions."""

"""Loading: YAML and Markdown with positions into the typed model; references checked."""

"""`vorlagen server`: one installation for the whole house – every clerk edits in the browser, signed in, each save
a git commit under their name, no one's save overwritten (docs/entwicklung/architektur.md, „Server“)."""

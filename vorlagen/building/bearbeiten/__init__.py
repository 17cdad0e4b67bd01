"""The editing side of the preview: forms that write a Vorlage's data files, for clerks who never open YAML.

The forms are made from the records (load/), so that every field of vorlage.yaml has its form field with its German
description; a save goes through the same checks as `vorlagen pruefen` and writes only the values changed, in the
files they stand in (load/yamlschreiben.py), whole or not at all, and never over a file changed since the form was
opened.
"""

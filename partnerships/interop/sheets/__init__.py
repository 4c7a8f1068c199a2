"""Spreadsheets: export of the registry as CSV or XLSX, and import of the template.

See docs/spreadsheets.md. `export` holds the registered exporters, `template` the
format shared by both directions, `importer` the checks and the writes.
"""

"""Date and number formats for the languages Django has none for, and for English.

Morocco writes the day before the month in every language (07/12/2026 is 7 December), as the
certificates' PDF does. Django's own files serve Arabic and French; FORMAT_MODULE_PATH points here
for the others (one small module per language, all from ``common``).
"""

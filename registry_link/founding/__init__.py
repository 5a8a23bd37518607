"""The founding file (issue 12 item 4): rules, steps, services, reads and PDFs.

Models live in ``registry_link/models/founding.py``; see the README's "Founding file" section.
"""

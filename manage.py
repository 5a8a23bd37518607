#!/usr/bin/env python
"""Django's command line. Production settings unless DJANGO_SETTINGS_MODULE says otherwise, as
for the web and worker processes (docs/decisions/0024): `make` targets choose development, and so
does `export DJANGO_SETTINGS_MODULE=academy.settings.dev` in a developer's shell."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.production")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

"""The development settings (`make run`) as the SQLite concurrency test serves them: exactly
those of the development server, real PIN hashing included."""

from academy.settings.dev import *  # noqa: F403

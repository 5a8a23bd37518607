"""The development settings (`make run`) as the SQLite concurrency test serves them.

Only the PIN hashing is made cheap, so that the test measures the database and not the CPU of a
shared machine; the database options are exactly those of the development server.
"""

from academy.settings.dev import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

"""The name check: is a proposed cooperative name free, close to one in the register, or refused?

The public interface is ``name_check(name=...) -> NameCheck``; its rules live in this package
(see the README and docs/decisions/0031). Callers use the verdict and the matches, each with a
reason in words and a stable code. ``name_keys_update`` / ``name_keys_rebuild`` keep the stored
keys of the register's names in step (``keys.py``).
"""

from .check import NameCheck, NameMatch, NameRefusal, Verdict, name_check
from .keys import name_keys_rebuild, name_keys_update

__all__ = [
    "NameCheck",
    "NameMatch",
    "NameRefusal",
    "Verdict",
    "name_check",
    "name_keys_rebuild",
    "name_keys_update",
]

"""The name check: is a proposed cooperative name free, close to one in the register, or refused?

The public interface is ``name_check(name=...) -> NameCheck``; its rules live in this package
(see the README). Callers use the verdict and the matches, each with a reason in words.
"""

from .check import NameCheck, NameMatch, Verdict, name_check

__all__ = ["NameCheck", "NameMatch", "Verdict", "name_check"]

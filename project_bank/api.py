"""What other apps may use of ``project_bank``."""

from .choices import Sector

__all__ = ["Sector"]

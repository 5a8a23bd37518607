"""What other apps may use of ``scoring`` (nothing below it may import it: it is a top layer)."""

from .selectors import latest_run, reasons_of
from .services import scores_compute

__all__ = ["latest_run", "reasons_of", "scores_compute"]

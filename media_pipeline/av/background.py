"""One ffmpeg run in a thread, next to another in the caller's (docs/decisions/0046): the higher
rungs are made while the first run makes what is playable at once, so both of a 2-core machine's
cores are busy for the whole ladder.

The thread writes nothing to the database (a thread has its own connection, outside the caller's
transaction): it keeps its progress, and the caller reports it. ``stop`` kills its ffmpeg and waits
for the thread, so no ffmpeg outlives the run that started it.
"""

import threading
from collections.abc import Callable

from .run import Stop

Work = Callable[[Stop, Callable[[float], None]], None]  # (stop, on_progress)


class Background:
    """Runs ``work(stop, on_progress)`` in a thread, started at once."""

    def __init__(self, work: Work) -> None:
        self.fraction = 0.0
        self._stop = Stop()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, args=(work,), daemon=True)
        self._thread.start()

    def _main(self, work: Work) -> None:
        try:
            work(self._stop, self._progress)
        except BaseException as error:  # kept for wait(), raised there
            self._error = error

    def _progress(self, fraction: float) -> None:
        self.fraction = fraction

    @property
    def failed(self) -> bool:
        """Whether the work already ended with an error."""
        return not self._thread.is_alive() and self._error is not None

    def stop(self) -> None:
        """Kill its ffmpeg (if any) and wait for the thread; its error, if any, is dropped."""
        self._stop()
        self._thread.join()

    def wait(self, beat: Callable[[float], None] | None = None, *, every: float = 2.0) -> None:
        """Wait for the work, calling ``beat(fraction)`` every ``every`` seconds meanwhile (the
        caller's heartbeat); raise its error."""
        while self._thread.is_alive():
            self._thread.join(every)
            if beat is not None:
                beat(self.fraction)
        if self._error is not None:
            raise self._error

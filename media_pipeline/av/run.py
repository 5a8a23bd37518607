"""Run ffmpeg and ffprobe: list arguments only, stderr kept for the error message, progress read
from ``-progress pipe:1``."""

import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

FFMPEG = "ffmpeg"
FFPROBE = "ffprobe"
# 128 + SIGKILL, 128 + SIGTERM (through a shell or container); 255: ffmpeg stopped by SIGTERM or
# SIGINT (a worker shutting down), which it reports with no message at "-v error" (errors exit 1)
KILLED_EXIT_CODES = {137, 143, 255}
NO_ROOM_HINTS = ("No space left on device", "Disk quota exceeded")
DAMAGED_HINTS = (
    "invalid data found when processing input",
    "error while decoding",
    "moov atom not found",
    "corrupt",
    "truncat",
)


class ToolError(RuntimeError):
    """ffmpeg or ffprobe ended with an error; ``stderr`` holds its last lines."""

    def __init__(self, program: str, returncode: int, stderr: str) -> None:
        super().__init__(f"{program} exited with {returncode}: {stderr[-500:]}")
        self.returncode = returncode
        self.stderr = stderr

    @property
    def transient(self) -> bool:
        """Whether trying again may work: the program was killed (a signal, the out-of-memory
        killer, a worker shutting down) or the disk was full."""
        killed = self.returncode < 0 or self.returncode in KILLED_EXIT_CODES
        interrupted = "received signal" in self.stderr.lower()
        return killed or interrupted or any(hint in self.stderr for hint in NO_ROOM_HINTS)

    @property
    def damaged_input(self) -> bool:
        """Whether the decoder says the input itself is broken."""
        text = self.stderr.lower()
        return any(hint in text for hint in DAMAGED_HINTS)


def run_tool(args: list[str], *, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run ``args`` (a program and its arguments) and return its output; raise ToolError."""
    completed = subprocess.run(  # noqa: S603 - list arguments, program fixed by the caller
        args, capture_output=True, text=True, timeout=timeout, check=False
    )
    if completed.returncode != 0:
        raise ToolError(args[0], completed.returncode, completed.stderr)
    return completed


class Stop:
    """Ends an ffmpeg run from another thread (a concurrent run whose work became pointless):
    the process is killed at once, or as soon as it starts if it has not yet."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self.requested = False

    def attach(self, process: subprocess.Popen) -> None:
        with self._lock:
            self._process = process
            if self.requested:
                process.kill()

    def __call__(self) -> None:
        with self._lock:
            self.requested = True
            if self._process is not None and self._process.poll() is None:
                self._process.kill()


def run_ffmpeg(
    args: list[str],
    *,
    duration: float | None = None,
    on_progress: Callable[[float], None] | None = None,
    timeout: float | None = None,
    stop: Stop | None = None,
    niceness: int = 0,
) -> None:
    """Run ffmpeg with ``args``; call ``on_progress(fraction)`` as it goes. ``stop`` may end it
    from another thread (it then raises ToolError, killed). ``niceness`` lowers its priority
    (``nice`` execs ffmpeg: same process, same exit status)."""
    command = [FFMPEG, "-hide_banner", "-nostdin", "-y", "-v", "error", "-nostats"]
    command += ["-progress", "pipe:1", *args]
    if niceness:
        command = ["nice", "-n", str(niceness), *command]
    with tempfile.TemporaryFile(mode="w+") as stderr:
        process = subprocess.Popen(  # noqa: S603 - list arguments
            command, stdout=subprocess.PIPE, stderr=stderr, text=True
        )
        try:
            if stop is not None:
                stop.attach(process)
            _follow_progress(process, duration, on_progress)
            returncode = process.wait(timeout=timeout)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if returncode != 0:
            stderr.seek(0)
            raise ToolError(FFMPEG, returncode, stderr.read())


def _follow_progress(
    process: subprocess.Popen, duration: float | None, on_progress: Callable[[float], None] | None
) -> None:
    for line in process.stdout:
        key, _, value = line.strip().partition("=")
        if key == "out_time_us" and on_progress and duration and value.isdigit():
            on_progress(min(1.0, int(value) / 1_000_000 / duration))


def ffmpeg_output_text(args: list[str], *, timeout: float | None = None) -> str:
    """Run ffmpeg for what it prints on stderr at the info level (e.g. loudnorm's measurement)."""
    command = [FFMPEG, "-hide_banner", "-nostdin", "-nostats", *args]
    return run_tool(command, timeout=timeout).stderr


def output_path(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)

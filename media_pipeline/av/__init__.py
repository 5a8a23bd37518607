"""Thin typed wrappers around the ffmpeg and ffprobe programs (list arguments, never a shell)."""

"""Reading what ffmpeg wrote: playlists, their files, sizes and measured bitrates."""

import re
from dataclasses import dataclass
from pathlib import Path

MAP_URI = re.compile(r'#EXT-X-MAP:URI="([^"]+)"')


@dataclass(frozen=True)
class MediaPlaylist:
    path: Path
    files: tuple[Path, ...]  # init segment first, then media segments
    durations: tuple[float, ...]

    @property
    def duration(self) -> float:
        return sum(self.durations)

    @property
    def size(self) -> int:
        return sum(file.stat().st_size for file in self.files)

    @property
    def bitrate(self) -> int:
        """Average bits per second over the whole rendition, init segment included."""
        return round(self.size * 8 / self.duration) if self.duration else 0

    @property
    def peak_bitrate(self) -> int:
        """The highest bits per second of one media segment."""
        segments = self.files[-len(self.durations) :] if self.durations else ()
        rates = [
            file.stat().st_size * 8 / seconds
            for file, seconds in zip(segments, self.durations, strict=True)
            if seconds > 0
        ]
        return round(max(rates, default=0))


@dataclass(frozen=True)
class Variant:
    uri: str
    attributes: dict[str, str]


def read_media_playlist(path: Path) -> MediaPlaylist:
    files: list[Path] = []
    durations: list[float] = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if match := MAP_URI.match(line):
            files.insert(0, path.parent / match.group(1))
        elif line.startswith("#EXTINF:"):
            durations.append(float(line[len("#EXTINF:") :].split(",")[0]))
        elif line and not line.startswith("#"):
            files.append(path.parent / line)
    return MediaPlaylist(path=path, files=tuple(files), durations=tuple(durations))


def read_master_playlist(path: Path) -> list[Variant]:
    variants: list[Variant] = []
    attributes: dict[str, str] | None = None
    for line in path.read_text().splitlines():
        line = line.strip()
        if line.startswith("#EXT-X-STREAM-INF:"):
            attributes = _attributes(line.split(":", 1)[1])
        elif line and not line.startswith("#") and attributes is not None:
            variants.append(Variant(uri=line, attributes=attributes))
            attributes = None
    return variants


def _attributes(text: str) -> dict[str, str]:
    pairs = re.findall(r'([A-Z0-9-]+)=("[^"]*"|[^,]*)', text)
    return {key: value.strip('"') for key, value in pairs}


def write_master_playlist(path: Path, variants: list[Variant]) -> None:
    lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for variant in variants:
        attributes = ",".join(
            f'{key}="{value}"' if key == "CODECS" else f"{key}={value}"
            for key, value in variant.attributes.items()
        )
        lines += [f"#EXT-X-STREAM-INF:{attributes}", variant.uri]
    path.write_text("\n".join(lines) + "\n")

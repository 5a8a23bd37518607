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
    def segments(self) -> list[tuple[int, float]]:
        """(bytes, seconds) of each media segment, the init segment left out."""
        files = self.files[-len(self.durations) :] if self.durations else ()
        return [
            (file.stat().st_size, seconds)
            for file, seconds in zip(files, self.durations, strict=True)
        ]

    @property
    def average_segment_bitrate(self) -> int:
        """Bits per second over the media segments (HLS's AVERAGE-BANDWIDTH)."""
        segments = self.segments
        seconds = sum(duration for _size, duration in segments)
        return round(sum(size for size, _ in segments) * 8 / seconds) if seconds else 0

    def peak_bitrate(self, *, target_duration: float = 0) -> int:
        """The highest bits per second of one media segment (HLS's BANDWIDTH). A last segment
        shorter than half the target duration is counted with the one before it: a sliver of
        21 ms holding one audio frame and its headers is not a rate anyone streams at."""
        segments = list(self.segments)
        if len(segments) > 1 and segments[-1][1] < target_duration / 2:
            (size, seconds), (last_size, last_seconds) = segments[-2], segments[-1]
            segments[-2:] = [(size + last_size, seconds + last_seconds)]
        rates = [size * 8 / seconds for size, seconds in segments if seconds > 0]
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


def master_playlist_merge(
    hls_dir: Path,
    parts: list[str],
    *,
    target_duration: float,
    name: str = "master.m3u8",
    codecs: dict[str, str] | None = None,
) -> list[Variant]:
    """Write ``name`` from ffmpeg's master playlists ``parts`` (one per run of the ladder), with
    BANDWIDTH (peak segment) and AVERAGE-BANDWIDTH measured on the segments written, never
    ffmpeg's estimate. ``codecs`` (by variant URI) fills in what ffmpeg leaves out: it writes no
    CODECS for Opus, and a player must see it to skip what it cannot play. Written whole, then
    moved into place: a player reads the old or the new."""
    variants = []
    for part in parts:
        for variant in read_master_playlist(hls_dir / part):
            playlist = read_media_playlist(hls_dir / variant.uri)
            attributes = dict(variant.attributes)
            attributes["BANDWIDTH"] = str(playlist.peak_bitrate(target_duration=target_duration))
            attributes["AVERAGE-BANDWIDTH"] = str(playlist.average_segment_bitrate)
            if codecs and variant.uri in codecs:
                attributes["CODECS"] = codecs[variant.uri]
            variants.append(Variant(uri=variant.uri, attributes=attributes))
    partial = hls_dir / f".{name}.part"
    write_master_playlist(partial, variants)
    partial.replace(hls_dir / name)
    return variants


def write_master_playlist(path: Path, variants: list[Variant]) -> None:
    lines = ["#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for variant in variants:
        attributes = ",".join(
            f'{key}="{value}"' if key == "CODECS" else f"{key}={value}"
            for key, value in variant.attributes.items()
        )
        lines += [f"#EXT-X-STREAM-INF:{attributes}", variant.uri]
    path.write_text("\n".join(lines) + "\n")

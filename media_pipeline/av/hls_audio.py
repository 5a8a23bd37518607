"""Voice-overs as alternative audio renditions of an HLS master playlist.

Kept apart from ``hls.py`` (which writes the video variants and their measured bandwidth): this
edits the text of a master playlist already written, whoever wrote it. Each voice-over becomes an
``EXT-X-MEDIA:TYPE=AUDIO`` rendition of one group, with its language and name, and every variant
names that group; the variants' own sound is the group's default rendition (no URI), so any HLS
player offers the original and each voice-over.
"""

import re
from dataclasses import dataclass
from pathlib import Path

GROUP = "voice"
_AUDIO_MEDIA = "#EXT-X-MEDIA:TYPE=AUDIO"
_AUDIO_ATTRIBUTE = re.compile(r',AUDIO="[^"]*"')


@dataclass(frozen=True)
class AudioRendition:
    language: str  # BCP 47
    name: str  # shown by the player's audio menu
    uri: str | None  # relative to the master playlist; None: the sound inside the variants
    default: bool = False


def _quoted(value: str) -> str:
    return value.replace('"', "'").replace("\n", " ")


def _media_line(rendition: AudioRendition) -> str:
    attributes = [
        "TYPE=AUDIO",
        f'GROUP-ID="{GROUP}"',
        f'LANGUAGE="{_quoted(rendition.language)}"',
        f'NAME="{_quoted(rendition.name)}"',
        f"DEFAULT={'YES' if rendition.default else 'NO'}",
        "AUTOSELECT=YES",
    ]
    if rendition.uri:
        attributes.append(f'URI="{_quoted(rendition.uri)}"')
    return "#EXT-X-MEDIA:" + ",".join(attributes)


def master_audio_renditions_set(path: Path, renditions: list[AudioRendition]) -> None:
    """Replace the audio renditions listed in the master playlist at ``path``."""
    path.write_text(master_audio_renditions_text(path.read_text(), renditions))


def master_audio_renditions_text(text: str, renditions: list[AudioRendition]) -> str:
    """The master playlist ``text`` with its audio renditions replaced.

    With no rendition other than the variants' own sound, the playlist is left without any
    audio group, as ffmpeg wrote it.
    """
    lines = [
        _without_voice(line) if line.startswith("#EXT-X-STREAM-INF:") else line
        for line in text.splitlines()
        if not line.startswith(_AUDIO_MEDIA)
    ]
    if any(rendition.uri for rendition in renditions):
        header_end = next(
            (i for i, line in enumerate(lines) if line.startswith("#EXT-X-STREAM-INF:")),
            len(lines),
        )
        lines[header_end:header_end] = [_media_line(rendition) for rendition in renditions]
        lines = [
            f'{_with_voice_codec(line)},AUDIO="{GROUP}"'
            if line.startswith("#EXT-X-STREAM-INF:")
            else line
            for line in lines
        ]
    return "\n".join(lines) + "\n"


VOICE_CODEC = "mp4a.40.2"  # voice-overs are AAC-LC (services/voice_overs.py)
_CODECS = re.compile(r'CODECS="([^"]*)"')


def _without_voice(line: str) -> str:
    """A variant line as before any voice-over: no group, and the Opus variant's AAC taken
    back (an AAC variant lists AAC for its own sound)."""
    line = _AUDIO_ATTRIBUTE.sub("", line)
    match = _CODECS.search(line)
    if match is None or "opus" not in match.group(1).split(","):
        return line
    codecs = [codec for codec in match.group(1).split(",") if codec != VOICE_CODEC]
    return line[: match.start(1)] + ",".join(codecs) + line[match.end(1) :]


def _with_voice_codec(line: str) -> str:
    """A variant that names the voice group lists the voice-overs' codec too (RFC 8216: CODECS
    covers the renditions a variant may be played with): the Opus sound-only variant gains
    AAC, so a player that cannot play AAC is not offered it with a voice-over."""
    match = _CODECS.search(line)
    if match is None or VOICE_CODEC in match.group(1).split(","):
        return line
    return line[: match.start(1)] + f"{match.group(1)},{VOICE_CODEC}" + line[match.end(1) :]

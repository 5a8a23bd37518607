"""The list of files a phone downloads to keep a lesson or a course, with their sizes.

Each page is rendered as the learner would see it, and the files it would ask for are read off
its HTML: the smallest candidate of each picture, the sound-only file or the low-quality video
(her choice), the video's poster, the subtitles shown by default, the pictures and recordings of
its quizzes. Streams (HLS playlists) are left out: saved media play from their single files.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.urls import Resolver404, resolve

from courses.api import Saveable

AUDIO, VIDEO = "audio", "video"
MEDIA_CHOICES = (AUDIO, VIDEO)


@dataclass
class Found:
    """Files a page asks for: needed whatever she chose, or only with one choice of media."""

    always: list[str] = field(default_factory=list)
    audio: list[str] = field(default_factory=list)
    video: list[str] = field(default_factory=list)
    # A sound-only file and its lighter Opus alternative, for phones that play Opus.
    lighter: dict[str, str] = field(default_factory=dict)

    def add(self, url: str | None, group: str = "always") -> None:
        if not url or url.startswith(("data:", "blob:")) or url.endswith(".m3u8"):
            return
        target = getattr(self, group)
        if url not in target:
            target.append(url)

    def merge(self, other: "Found") -> None:
        for group in ("always", AUDIO, VIDEO):
            for url in getattr(other, group):
                self.add(url, group)
        self.lighter.update(other.lighter)

    def with_lighter(self) -> "Found":
        """The same files, each sound-only file replaced by its lighter alternative."""
        swapped = Found(lighter=dict(self.lighter))
        for group in ("always", AUDIO, VIDEO):
            for url in getattr(self, group):
                swapped.add(self.lighter.get(url, url), group)
        return swapped


class _Harvester(HTMLParser):
    """Reads the files off a page; a video player's sound-only file counts for the sound-only
    choice, its video file for the video choice. A ``<source data-lighter>`` (the Opus sound-only
    file) is kept as the lighter alternative of the source after it, not as a file of its own."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = Found()
        self._player_kind = ""
        self._inside = ""
        self._lighter: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "data-media-player" in attributes:
            self._player_kind = attributes.get("data-kind", "")
        elif tag in ("video", "audio"):
            self._inside = tag
            self.found.add(attributes.get("poster"))  # shown in either case: small
            self.found.add(attributes.get("src"))
        elif tag == "img":  # pictures left for later (save data) carry data-src
            srcset = attributes.get("srcset") or attributes.get("data-srcset")
            self.found.add(_smallest(srcset) or attributes.get("src") or attributes.get("data-src"))
        elif tag == "source" and "data-lighter" in attributes:
            self._lighter = attributes.get("src")  # an alternative of the next source
        elif tag == "source":
            self.found.add(attributes.get("src"), self._group())
            if attributes.get("src") and self._lighter:
                self.found.lighter[attributes["src"]] = self._lighter
            self._lighter = None
        elif tag == "track" and "default" in attributes:
            self.found.add(attributes.get("src"))
        elif tag == "script" or (tag == "link" and attributes.get("rel") == "stylesheet"):
            self.found.add(attributes.get("src") or attributes.get("href"))  # the page's own files
        elif tag == "option" and "selected" in attributes:
            self.found.add(attributes.get("data-src"))  # the voice-over in her language

    def handle_endtag(self, tag):
        if tag == self._inside:
            self._inside = ""
        elif tag == "figure":
            self._player_kind = ""

    def _group(self) -> str:
        if self._inside == "video":
            return VIDEO
        return AUDIO if self._player_kind == VIDEO else "always"


def _smallest(srcset: str | None) -> str | None:
    """The first (narrowest) candidate of a ``srcset``: a phone keeps one size of a picture."""
    if not srcset:
        return None
    return srcset.split(",")[0].strip().split(" ")[0] or None


def media_base() -> str:
    """The address stored files are served from: ``/media/`` here, or an object store's (or
    its CDN's) full URL (docs/decisions/0041)."""
    return default_storage.url("x")[:-1]


def files_in(html: str, *, base: str = "/") -> Found:
    """The files of the page at ``base``, as paths of this site, or full URLs of the media
    store (others are not kept)."""
    harvester = _Harvester()
    harvester.feed(html)
    harvester.close()
    found = Found()
    for group in ("always", AUDIO, VIDEO):
        for url in getattr(harvester.found, group):
            found.add(_keepable(url, base), group)
    for url, lighter in harvester.found.lighter.items():
        if _keepable(url, base) and _keepable(lighter, base):
            found.lighter[_keepable(url, base)] = _keepable(lighter, base)
    return found


def _keepable(url: str, base: str) -> str | None:
    """``url`` as a path of this site or a full URL of the media store; None for others."""
    absolute, store = urlsplit(urljoin(base, url)), media_base()
    if not absolute.netloc:
        return urlunsplit(("", "", absolute.path, absolute.query, ""))
    if urlsplit(store).netloc and urljoin(base, url).startswith(store):
        return urlunsplit((*absolute[:3], absolute.query, ""))
    return None


@dataclass(frozen=True)
class Item:
    url: str
    bytes: int


@dataclass(frozen=True)
class Bundle:
    pages: list[Item]
    always: list[Item]
    by_choice: dict[str, list[Item]]

    def items(self, media: str) -> list[Item]:
        return [*self.pages, *self.always, *self.by_choice[media]]

    def size(self, media: str) -> int:
        return sum(item.bytes for item in self.items(media))


def _render(request: HttpRequest, url: str) -> bytes:
    """The body ``url`` answers to this learner, or b"" if it is not one of ours."""
    path = urlsplit(url).path
    try:
        match = resolve(path)
    except Resolver404:
        return b""
    inner = HttpRequest()
    inner.method, inner.path, inner.path_info = "GET", path, path
    inner.META = {**request.META, "PATH_INFO": path, "QUERY_STRING": ""}
    inner.COOKIES, inner.session, inner.user = request.COOKIES, request.session, request.user
    inner.LANGUAGE_CODE = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    response = match.func(inner, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200:
        return b""
    return b"".join(response) if response.streaming else response.content


def _measure(request: HttpRequest, url: str) -> int:
    path, store = urlsplit(url).path, media_base()
    if urlsplit(store).netloc and url.startswith(store):
        name = urlsplit(url).path.removeprefix(urlsplit(store).path)
        return default_storage.size(name) if default_storage.exists(name) else 0
    if path.startswith(settings.MEDIA_URL):
        name = path.removeprefix(settings.MEDIA_URL)
        return default_storage.size(name) if default_storage.exists(name) else 0
    return len(_render(request, url))


def bundle_for(request: HttpRequest, saveable: Saveable, *, opus: bool = False) -> Bundle:
    """Every page of ``saveable`` as this learner sees it, and the files they need; with
    ``opus`` (her phone plays Opus in MP4), the lighter Opus sound-only files instead of AAC."""
    pages, found = [], Found()
    for page in saveable.pages:
        url = page.get_url(request)
        html = _render(request, url)
        pages.append(Item(url=url, bytes=len(html)))
        found.merge(files_in(html.decode(), base=url))
    if opus:
        found = found.with_lighter()

    def measured(urls: list[str]) -> list[Item]:
        items = [Item(url=url, bytes=_measure(request, url)) for url in urls]
        return [item for item in items if item.bytes]  # a missing file cannot be kept

    return Bundle(
        pages=pages,
        always=measured(found.always),
        by_choice={AUDIO: measured(found.audio), VIDEO: measured(found.video)},
    )

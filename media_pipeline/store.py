"""Files in the media store, through Django's storage API only (docs/decisions/0041).

The store may be a folder of this machine (``make run``) or an S3 bucket shared by every web
server and worker; nothing here asks for a file's path. A worker copies what it reads into a
scratch folder of its own, runs ffmpeg there, and puts what it made back, the files a player
reads last (a playlist only once the segments it names are stored).
"""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from . import conf

COPY_BYTES = 1024 * 1024
PLAYLIST_SUFFIX = ".m3u8"


@contextmanager
def scratch() -> Iterator[Path]:
    """A private folder on this machine, removed afterwards whatever happens."""
    base = conf.get("SCRATCH_DIR") or None
    if base:
        Path(base).mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="media-", dir=base))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fetch(name: str, target: Path) -> Path:
    """Copy the stored file ``name`` to ``target`` (a local path); returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with default_storage.open(name, "rb") as source, target.open("wb") as local:
        shutil.copyfileobj(source, local, COPY_BYTES)
    return target


def save_replacing(name: str, content: File) -> str:
    """Store ``content`` under exactly ``name``, replacing what was there. An object store
    replaces in one request (readers never see the name missing); a folder is emptied first."""
    if not getattr(default_storage, "file_overwrite", False):
        default_storage.delete(name)
    stored = default_storage.save(name, content)
    if stored != name:  # a store that renames instead of replacing: refuse to go on silently
        raise OSError(f"The store kept {name} as {stored}")
    return stored


def put(local: Path, name: str) -> str:
    """Store the local file under exactly ``name``, replacing what was there."""
    with local.open("rb") as handle:
        return save_replacing(name, File(handle, name=local.name))


def text_read(name: str) -> str:
    with default_storage.open(name, "rb") as handle:
        return handle.read().decode("utf-8")


def text_write(name: str, text: str) -> str:
    return save_replacing(name, ContentFile(text.encode("utf-8")))


def tree_put(local: Path, prefix: str, *, skip: set[str] | None = None) -> set[str]:
    """Store every file under the local folder at ``prefix/<relative path>``: segments first,
    then media playlists, the master playlist last. Files named in ``skip`` (relative paths
    already stored by an earlier call, that have not changed) are left alone; every playlist is
    stored again. Returns the relative paths stored so far."""
    skip = skip or set()
    files = [path for path in local.rglob("*") if path.is_file()]
    done = set(skip)
    for path in sorted(files, key=_order):
        relative = path.relative_to(local).as_posix()
        if relative in skip and not relative.endswith(PLAYLIST_SUFFIX):
            continue
        put(path, f"{prefix}/{relative}")
        done.add(relative)
    return done


def _order(path: Path) -> tuple[int, int, str]:
    if path.suffix != PLAYLIST_SUFFIX:
        return (0, 0, str(path))
    return (1, 1 if path.name.startswith("master") else 0, str(path))


def names_under(prefix: str) -> list[str]:
    """Every stored file under ``prefix`` (a folder), at any depth."""
    return _walk(prefix)[1]


def _walk(prefix: str) -> tuple[list[str], list[str]]:
    """(folders deepest first, files) under ``prefix``."""
    try:
        folders, files = default_storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return [], []
    all_folders, all_files = [], [f"{prefix}/{name}" for name in files]
    for folder in folders:
        inner_folders, inner_files = _walk(f"{prefix}/{folder}")
        all_folders += [*inner_folders, f"{prefix}/{folder}"]
        all_files += inner_files
    return all_folders, all_files


def remove(name: str) -> None:
    """Remove a stored file, or every file under a stored folder (and, in a local store, the
    folders left empty; an object store has no folders)."""
    folders, files = _walk(name)
    if not folders and not files:
        default_storage.delete(name)  # a file, or nothing: either way gone
        return
    for each in files:
        default_storage.delete(each)
    for folder in [*folders, name]:
        _folder_remove(folder)


def _folder_remove(name: str) -> None:
    try:
        default_storage.delete(name)
    except OSError:
        return

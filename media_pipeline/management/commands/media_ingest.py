"""Bulk import: ``manage.py media_ingest PATH [--language CODE] [--wait]``."""

import time
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core import languages
from media_pipeline import conf
from media_pipeline.error_codes import MediaError
from media_pipeline.models import MediaAsset
from media_pipeline.services.assets import asset_create, check_upload
from media_pipeline.services.processing import asset_process
from media_pipeline.services.transcription import asset_transcribe


class Command(BaseCommand):
    help = "Import a media file, or every media file of a folder, as media assets."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--language", default="", help="language spoken (a platform code)")
        parser.add_argument("--wait", action="store_true", help="wait for the final status")
        parser.add_argument(
            "--sync", action="store_true", help="process here instead of in a worker"
        )
        parser.add_argument("--timeout", type=float, default=3 * 60 * 60)

    def handle(self, *args, path: Path, language: str, wait: bool, sync: bool, **options):
        if language and not languages.is_known(language):
            raise CommandError(_("Unknown language: %(code)s") % {"code": language})
        files = self._files(path)
        assets = [self._ingest(file, language) for file in files]
        for asset in assets:
            if sync:
                asset_process(asset_id=asset.pk)
                asset_transcribe(asset_id=asset.pk)
            if wait or sync:
                self._wait(asset, options["timeout"])

    def _files(self, path: Path) -> list[Path]:
        if path.is_dir():
            allowed = set(conf.get("ALLOWED_EXTENSIONS"))
            return sorted(p for p in path.iterdir() if p.suffix.lower().lstrip(".") in allowed)
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        return [path]

    def _ingest(self, file: Path, language: str) -> MediaAsset:
        try:
            check_upload(filename=file.name, size=file.stat().st_size)
        except MediaError as error:
            raise CommandError(f"{file}: {error.message}") from error
        with file.open("rb") as handle:
            asset = asset_create(
                file=File(handle), filename=file.name, title=file.stem, language=language
            )
        self.stdout.write(f"{asset.pk}\t{asset.uuid}\t{file}")
        return asset

    def _wait(self, asset: MediaAsset, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            asset.refresh_from_db()
            if asset.status in MediaAsset.FINAL_STATUSES or time.monotonic() > deadline:
                break
            time.sleep(1)
        line = f"{asset.pk}\t{asset.status}"
        if asset.error_code:
            line += f"\t{asset.error_code}\t{asset.error_message}"
        elif asset.subtitles_note_code:
            line += f"\t{asset.subtitles_note}"
        self.stdout.write(line)
        if asset.status == MediaAsset.Status.FAILED:
            self.stderr.write(asset.error_message)

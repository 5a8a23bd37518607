"""``manage.py media_store_prepare``: create the media bucket, its public prefixes and CORS."""

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from core.object_store import MediaStore, bucket_prepare


class Command(BaseCommand):
    help = "Create the S3 media bucket if missing; set its read policy and CORS rules."

    def handle(self, *args, **options):
        store = storages["default"]
        if not isinstance(store, MediaStore):
            raise CommandError("MEDIA_STORAGE is not s3: media are kept in MEDIA_ROOT.")
        bucket_prepare(store, origins=settings.MEDIA_STORE_CORS_ORIGINS)
        self.stdout.write(f"Bucket {store.bucket_name} ready.")

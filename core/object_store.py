"""The S3-compatible object store behind Django's storage API (docs/decisions/0041).

``MediaStore`` is django-storages' S3 backend with the headers each kind of file needs: HLS
playlists and segments with their true types, playlists cached for seconds (a master playlist
grows while an asset is transcoded and when a voice-over is published), segments and single
files for a day, and everything else for an hour. ``bucket_prepare`` creates the bucket, lets
anyone read the files a player or a page asks for (never originals, uploads in progress or voice
notes) and answers cross-origin requests from the site's own origins.
"""

import json
import mimetypes
from posixpath import splitext

from storages.backends.s3 import S3Storage

PLAYLIST_SECONDS = 5
SEGMENT_SECONDS = 24 * 60 * 60
OTHER_SECONDS = 60 * 60
TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".m4s": "video/iso.segment",
    ".mp4": "video/mp4",
    ".m4a": "audio/mp4",
    ".vtt": "text/vtt",
}
# Read by anyone (the player, the offline save, pictures); the rest is private to the site.
PUBLIC_PATTERNS = (
    "media/*/hls/*",
    "media/*/download/*",
    "media/*/poster.jpg",
    "media/*/voice-over/*/hls/*",
    "media/*/voice-over/*/audio.m4a",
    "images/*",
    "territory-notes/*",
)


def object_headers(name: str) -> dict[str, str]:
    """The S3 object parameters (type, caching) of the stored file ``name``."""
    extension = splitext(name)[1].lower()
    content_type = TYPES.get(extension) or mimetypes.guess_type(name)[0]
    if extension == ".m3u8":
        seconds = PLAYLIST_SECONDS
    elif extension in {".m4s", ".mp4", ".m4a", ".jpg"}:
        seconds = SEGMENT_SECONDS
    else:
        seconds = OTHER_SECONDS
    headers = {"CacheControl": f"public, max-age={seconds}"}
    if content_type:
        headers["ContentType"] = content_type
    return headers


class MediaStore(S3Storage):
    """django-storages' S3 backend with per-file types and cache headers."""

    def get_object_parameters(self, name: str) -> dict:
        return {**super().get_object_parameters(name), **object_headers(name)}


def public_policy(bucket: str, patterns: tuple[str, ...] = PUBLIC_PATTERNS) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PlayerReads",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": [f"arn:aws:s3:::{bucket}/{pattern}" for pattern in patterns],
                }
            ],
        }
    )


def cors_rules(origins: list[str]) -> dict:
    return {
        "CORSRules": [
            {
                "AllowedOrigins": origins or ["*"],
                "AllowedMethods": ["GET", "HEAD"],
                "AllowedHeaders": ["Range", "Origin", "X-Offline-Save"],
                "ExposeHeaders": ["Content-Length", "Content-Range", "ETag"],
                "MaxAgeSeconds": 86400,
            }
        ]
    }


def bucket_prepare(storage: MediaStore, *, origins: list[str]) -> None:
    """Create the store's bucket if it is missing, set who may read what and from where."""
    client = storage.connection.meta.client
    bucket = storage.bucket_name
    existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
    if bucket not in existing:
        region = storage.region_name
        options = (
            {"CreateBucketConfiguration": {"LocationConstraint": region}}
            if region and region != "us-east-1"
            else {}
        )
        client.create_bucket(Bucket=bucket, **options)
    client.put_bucket_policy(Bucket=bucket, Policy=public_policy(bucket))
    client.put_bucket_cors(Bucket=bucket, CORSConfiguration=cors_rules(origins))

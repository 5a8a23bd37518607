"""A real S3-compatible HTTP server for tests: moto in server mode, on a port of this machine.

Each test gets a bucket of its own, prepared as production prepares one (read policy, CORS), and
the settings (or environment variables) that send the project's media there.
"""

import json
import urllib.request
import uuid
from dataclasses import dataclass

import boto3
from moto.server import ThreadedMotoServer

KEY, SECRET, REGION = "academy-test", "academy-test-secret", "us-east-1"


class StoreServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.server.stop()

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.url,
            aws_access_key_id=KEY,
            aws_secret_access_key=SECRET,
            region_name=REGION,
        )


@dataclass
class Bucket:
    server: StoreServer
    name: str

    def options(self) -> dict:
        return {
            "bucket_name": self.name,
            "endpoint_url": self.server.url,
            "region_name": REGION,
            "access_key": KEY,
            "secret_key": SECRET,
            "custom_domain": None,
            "url_protocol": "http:",
            "querystring_auth": False,
            "file_overwrite": True,
            "default_acl": None,
            "addressing_style": "path",
        }

    def storages(self) -> dict:
        return {
            "default": {"BACKEND": "core.object_store.MediaStore", "OPTIONS": self.options()},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }

    def environment(self) -> dict[str, str]:
        """What a web server or a worker started by a test needs to use this bucket."""
        return {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": self.name,
            "AWS_S3_ENDPOINT_URL": self.server.url,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET,
            "AWS_S3_URL_PROTOCOL": "http:",
        }

    def keys(self, prefix: str = "") -> list[str]:
        pages = self.server.client().get_paginator("list_objects_v2")
        return [
            item["Key"]
            for page in pages.paginate(Bucket=self.name, Prefix=prefix)
            for item in page.get("Contents", [])
        ]


def new_bucket(server: StoreServer) -> Bucket:
    return Bucket(server, f"media-{uuid.uuid4().hex[:12]}")


def fetch(url: str, headers: dict | None = None, method: str = "GET"):
    """(status, headers by lower-case name, body) of a plain HTTP request, as a browser makes it."""
    request = urllib.request.Request(url, headers=headers or {}, method=method)  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        headers = {key.lower(): value for key, value in response.headers.items()}
        return response.status, headers, response.read()


def policy_of(bucket: Bucket) -> dict:
    return json.loads(bucket.server.client().get_bucket_policy(Bucket=bucket.name)["Policy"])

"""Talking to ODCO's register: an interface, and its HTTP implementation.

The register's API does not exist yet; :class:`RegisterClient` says what the mirror needs from it
(one cooperative by court and number; the changes since a point), in the import's column layout
(``register_rows.COLUMNS``), so that whatever comes from the register goes through the same
check as a spreadsheet. :class:`HttpRegisterClient` speaks the JSON described in
``docs/decisions/0032-register-import-and-api-client.md``; it is configured by
``REGISTER_API`` (academy/settings/base.py) and chosen by ``REGISTER_CLIENT``.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .register_rows import COLUMNS

MAX_ANSWER_BYTES = 10 * 1024 * 1024
ROW_VALUE_TYPES = (str, int, float, type(None))


class RegisterClientError(Exception):
    """The register could not be asked, or answered nonsense; ``code`` says which (stable)."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class RegisterChanges:
    """A page of changes: rows (column → text), where to start next time, and whether more wait."""

    rows: list[dict]
    cursor: str
    more: bool


class RegisterClient:
    """What the mirror asks of the register."""

    def cooperative_get(self, *, court: str, local_number: str) -> dict | None:
        """The register's row for this number at this court, or None if it has none."""
        raise NotImplementedError

    def changes_since(self, *, cursor: str) -> RegisterChanges:
        """Rows created or changed after ``cursor`` (an opaque string the register gave, or an
        ISO date such as ``2025-01-01`` for a first sync, or "" for everything)."""
        raise NotImplementedError


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The register answers; it does not send the request (and its token) elsewhere."""

    def redirect_request(self, *args, **kwargs) -> None:
        return None


class HttpRegisterClient(RegisterClient):
    """``GET {URL}/cooperatives/?court=…&number=…`` and ``GET {URL}/changes/?since=…``."""

    def __init__(self, *, conf: dict | None = None):
        self.conf = conf or settings.REGISTER_API
        if urlsplit(self.conf.get("URL") or "").scheme not in {"http", "https"}:
            raise ImproperlyConfigured("REGISTER_API_URL must be an http(s) URL.")

    def cooperative_get(self, *, court: str, local_number: str) -> dict | None:
        answer = self._get("cooperatives/", {"court": court, "number": local_number})
        if answer is None:
            return None
        return _row(_field(answer, "cooperative", dict))

    def changes_since(self, *, cursor: str) -> RegisterChanges:
        answer = self._get("changes/", {"since": cursor})
        if answer is None:
            raise RegisterClientError("The register has no changes list.", code="not_found")
        rows = [_row(row) for row in _field(answer, "changes", list)]
        return RegisterChanges(
            rows=rows,
            cursor=_field(answer, "next", str),
            more=_field(answer, "more", bool),
        )

    def _get(self, path: str, query: dict) -> dict | None:
        """The JSON object answered, None for a 404; RegisterClientError otherwise."""
        url = f"{self.conf['URL'].rstrip('/')}/{path}?{urlencode(query)}"
        headers = {"Accept": "application/json"}
        if self.conf.get("TOKEN"):
            headers["Authorization"] = f"Bearer {self.conf['TOKEN']}"
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 - scheme checked
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=self.conf["TIMEOUT"]) as response:
                body = response.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as error:
            error.close()
            if error.code == 404:
                return None
            code = "unavailable" if error.code >= 500 else "refused"
            raise RegisterClientError(f"The register answered {error.code}.", code=code) from None
        except TimeoutError:
            raise RegisterClientError(
                "The register did not answer in time.", code="timeout"
            ) from None
        except (urllib.error.URLError, HTTPException, OSError) as error:
            if isinstance(getattr(error, "reason", None), TimeoutError):
                message = "The register did not answer in time."
                raise RegisterClientError(message, code="timeout") from None
            message = f"The register is unreachable ({type(error).__name__})."
            raise RegisterClientError(message, code="unreachable") from None
        return _json(body)


def _json(body: bytes) -> dict:
    if len(body) > MAX_ANSWER_BYTES:
        raise RegisterClientError("The register's answer is too long.", code="too_long")
    try:
        answer = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise RegisterClientError("The register's answer is not JSON.", code="bad_json") from None
    if not isinstance(answer, dict):
        raise RegisterClientError("The register's answer is not an object.", code="bad_json")
    return answer


def _field(answer: dict, name: str, kind: type):
    value = answer.get(name)
    if not isinstance(value, kind):
        message = f"The register's answer has no valid “{name}”."
        raise RegisterClientError(message, code="bad_answer")
    return value


def _row(row) -> dict:
    """A row of the answer as column → text; unknown keys are dropped, odd values refused."""
    if not isinstance(row, dict) or not all(
        isinstance(row.get(column), ROW_VALUE_TYPES) for column in COLUMNS
    ):
        raise RegisterClientError("A row of the register's answer is malformed.", code="bad_row")
    return {column: _text(row.get(column)) for column in COLUMNS}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def register_client() -> RegisterClient:
    """The client named by ``REGISTER_CLIENT``."""
    return import_string(settings.REGISTER_CLIENT)()

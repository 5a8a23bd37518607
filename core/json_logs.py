"""One JSON object per log line, for log collectors (``LOG_FORMAT=json``; decision 0042).

Every line has ``time`` (UTC, ISO 8601), ``level``, ``logger`` and ``message``; an exception adds
``exception`` (the traceback as text); fields given with ``extra=`` are kept. Gunicorn's access
log passes its request fields as a mapping: the useful ones become fields of their own.
"""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has: whatever else a record carries came through ``extra=``.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}
# gunicorn's access-log atoms worth a field of their own.
_ACCESS_FIELDS = {
    "m": "method",
    "U": "path",
    "q": "query",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "h": "remote_address",
    "a": "user_agent",
}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        entry.update(_extra_fields(record))
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(_access_fields(record.args))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _extra_fields(record: logging.LogRecord) -> dict:
    return {
        key: value
        for key, value in vars(record).items()
        if key not in _RECORD_ATTRIBUTES and not key.startswith("_")
    }


def _access_fields(atoms: dict) -> dict:
    fields = {name: atoms[atom] for atom, name in _ACCESS_FIELDS.items() if atom in atoms}
    for name in ("status", "bytes", "duration_ms"):
        value = fields.get(name)
        if isinstance(value, str) and value.isdigit():
            fields[name] = int(value)
    return fields

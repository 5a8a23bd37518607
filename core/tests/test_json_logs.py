"""LOG_FORMAT=json: each log line is one JSON object a log collector reads as it is."""

import json
import logging
import sys

from core.json_logs import JsonFormatter


def record(name="academy", message="SMS to %s refused", args=("+212600000005",), **extra):
    made = logging.makeLogRecord(
        {"name": name, "levelname": "WARNING", "levelno": 30, "msg": message, "args": args}
    )
    made.__dict__.update(extra)
    return made


def test_a_line_carries_time_level_logger_message_and_extra_fields():
    line = JsonFormatter().format(record(check="cache"))
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "academy"
    assert entry["message"] == "SMS to +212600000005 refused"
    assert entry["check"] == "cache"
    assert entry["time"].endswith("+00:00")
    assert "\n" not in line


def test_an_exception_stays_on_one_line_with_its_traceback():
    try:
        raise ValueError("ffmpeg said no")
    except ValueError:
        failed = record(exc_info=sys.exc_info())
    entry = json.loads(JsonFormatter().format(failed))
    assert "ValueError: ffmpeg said no" in entry["exception"]


def test_arabic_and_tifinagh_are_kept_as_written():
    line = JsonFormatter().format(record(message="درس %s", args=("ⵜⴰⵎⴰⵣⵉⵖⵜ",)))
    assert "درس ⵜⴰⵎⴰⵣⵉⵖⵜ" in line
    assert json.loads(line)["message"] == "درس ⵜⴰⵎⴰⵣⵉⵖⵜ"


def test_gunicorn_access_atoms_become_fields():
    atoms = {"m": "GET", "U": "/ar/", "q": "", "s": "200", "B": "512", "M": "37", "h": "10.0.0.2"}
    access = record(name="gunicorn.access", message="%(m)s %(U)s", args=None)
    access.args = atoms
    entry = json.loads(JsonFormatter().format(access))
    assert entry["method"] == "GET"
    assert entry["path"] == "/ar/"
    assert entry["status"] == 200
    assert entry["duration_ms"] == 37

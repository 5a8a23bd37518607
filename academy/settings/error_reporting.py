"""Error reporting through Sentry (or a service that speaks its protocol), only when a DSN is set.

Django, Celery, Redis and logging are picked up by sentry-sdk's own integrations: an unhandled
exception in a view or a task, and every ``logger.error``, becomes an event. Personal data stays
home: no user (phone numbers), no request bodies (PINs), no local variables of stack frames, no
query parameters of SQL; cookies and headers go through sentry-sdk's scrubbing of secrets.
"""

import logging

import sentry_sdk
from sentry_sdk.integrations.logging import LoggingIntegration


def error_reporting_start(
    *, dsn: str, environment: str, release: str | None, traces_sample_rate: float
) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        # Every ``logger.error`` (a failed SMS, a failed transcode) is an event, as in sentry-sdk 2;
        # the logs themselves go to the log collector, not to Sentry.
        integrations=[LoggingIntegration(level=None, event_level=logging.ERROR)],
        data_collection={
            "user_info": False,
            "http_bodies": [],
            "stack_frame_variables": False,
            "database_query_data": False,
        },
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
    )

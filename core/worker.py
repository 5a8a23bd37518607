"""What a Celery worker does each time it (re)connects to the broker.

Imported by the Celery application before Django is set up: nothing here touches models at
import time.
"""

import logging

from celery import bootsteps

logger = logging.getLogger(__name__)

RELAY_TASK = "core.outbox_relay_task"


class RelayOutboxOnConnect(bootsteps.StartStopStep):
    """Ask for an outbox relay whenever the worker's consumer (re)starts.

    The consumer restarts after every lost broker connection, so work written while the broker
    was down is published within seconds of its return, not at the next beat.
    """

    requires = {"celery.worker.consumer.tasks:Tasks"}

    def start(self, parent) -> None:
        try:
            parent.app.send_task(RELAY_TASK, ignore_result=True)
        except Exception:  # never stop a worker from consuming: the beat relays too
            logger.warning("Could not ask for an outbox relay; the beat will run one")

"""A Redis cache that a Redis outage turns into no cache: pages get slower, never broken.

Every operation that cannot reach Redis answers as a miss (reads find nothing, writes are
dropped) and logs one warning per ``WARNING_INTERVAL``. After a failure the backend does not try
Redis again for ``RETRY_AFTER`` seconds, so a Redis that hangs costs one short timeout now and
then, not one per cache call of every request.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class _Outage:
    """When Redis last failed, shared by the threads of one process."""

    def __init__(self, *, retry_after: float, warning_interval: float) -> None:
        self.retry_after = retry_after
        self.warning_interval = warning_interval
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._warned_at = float("-inf")

    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def record(self, error: Exception, *, operation: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._down_until = now + self.retry_after
            warn = now - self._warned_at >= self.warning_interval
            if warn:
                self._warned_at = now
        if warn:
            logger.warning(
                "Cache unreachable (%s: %s); serving without cache for now", operation, error
            )


class _ReusedClients(RedisCacheClient):
    """Django's client makes a new ``redis.Redis`` (and its table of ~200 reply parsers) for
    every cache call; one per connection pool serves them all (it is safe across threads)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(write)
            )
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, where an unreachable Redis behaves as an empty cache.

    OPTIONS may hold ``RETRY_AFTER`` and ``WARNING_INTERVAL`` (seconds); the rest goes to the
    Redis connection pool as usual (``socket_connect_timeout``, ``socket_timeout``).
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.outage = _Outage(
            retry_after=float(options.pop("RETRY_AFTER", 5)),
            warning_interval=float(options.pop("WARNING_INTERVAL", 60)),
        )
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = _ReusedClients

    def _call(self, operation: str, miss, *args, **kwargs):
        if self.outage.is_down():
            return miss
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except UNREACHABLE as error:
            self.outage.record(error, operation=operation)
            return miss
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, key, delta, version)
        if result is missing:  # as for a key that is not there
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

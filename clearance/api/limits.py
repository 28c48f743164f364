"""Rate limits: a token bucket per authenticated API key, and per client address for
requests that fail authentication (or every request in open mode).

The table of buckets is bounded: a bucket that has refilled is the same as no bucket, and
beyond `max_keys` the least recently used buckets are dropped, so a flood of distinct
identities (bogus keys, many addresses) costs bounded memory. The price of the bound is
that, during such a flood, a dropped identity starts again with a full burst.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict

__all__ = ["MAX_KEYS", "RateLimiter"]

MAX_KEYS = 10_000


class RateLimiter:
    """`rate` requests per second sustained, bursts up to `burst`; thread-safe."""

    def __init__(self, rate: float, burst: int, max_keys: int = MAX_KEYS) -> None:
        self.rate = rate
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._buckets)

    def _tokens(self, who: str, now: float) -> float:
        tokens, last = self._buckets.get(who, (float(self.burst), now))
        return min(float(self.burst), tokens + (now - last) * self.rate)

    def take(self, who: str) -> float:
        """0.0 when admitted, else the seconds to wait before the next request fits."""
        now = time.monotonic()
        with self._lock:
            tokens = self._tokens(who, now)
            admitted = tokens >= 1.0
            self._buckets[who] = (tokens - 1.0 if admitted else tokens, now)
            self._buckets.move_to_end(who)
            if len(self._buckets) > self.max_keys:
                self._prune(now)
            return 0.0 if admitted else (1.0 - tokens) / self.rate

    def wait(self, who: str) -> float:
        """Like `take`, without taking: the seconds until `who` may send again (0.0: now)."""
        with self._lock:
            tokens = self._tokens(who, time.monotonic())
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        """Drop refilled buckets, then the least recently used down to 90% of the bound (so
        that a flood prunes once per many requests, not at each)."""
        full = [w for w, (t, last) in self._buckets.items()
                if t + (now - last) * self.rate >= self.burst]
        for who in full:
            del self._buckets[who]
        while len(self._buckets) > self.max_keys * 9 // 10:
            self._buckets.popitem(last=False)

    @staticmethod
    def retry_after(wait: float) -> str:
        return str(max(1, math.ceil(wait)))

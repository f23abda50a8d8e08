"""When a failed delivery is tried again. Pure: no I/O, the randomness is an argument.

Exponential backoff with "equal jitter": the n-th retry waits between half and all of
`base * 2**(n-1)`, capped at `cap`, so retries of many deliveries that failed together
(an endpoint that went down) spread out instead of arriving in waves, and none comes
back sooner than half its step. With the defaults (base 30 s, cap 1 h) a delivery is
tried about 30 times over the 24 h retry window before it is given up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    base_seconds: float
    cap_seconds: float
    #: How long a delivery is retried, and how long an endpoint may fail without a single
    #: success before it is disabled.
    window_seconds: float

    def delay(self, attempt: int, unit_random: float) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based); `unit_random`
        is uniform in [0, 1)."""
        step = min(self.cap_seconds, self.base_seconds * 2.0 ** min(attempt - 1, 62))
        return step / 2 + unit_random * step / 2

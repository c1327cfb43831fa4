"""Wall-clock limit for parsing untrusted files.

Two mechanisms, because neither is enough alone: readers call ``Deadline.check()``
between pages (works everywhere, but not inside one pathological page), and on Unix in
the main thread a ``SIGALRM`` interval timer interrupts whatever is running.
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from gapcheck.errors import ParseTimeoutError


class _Alarm(BaseException):
    """Raised by the SIGALRM handler.

    A BaseException so that a library's ``except Exception`` cannot swallow it;
    ``deadline()`` turns it into ParseTimeoutError.
    """


class Deadline:
    """A point in time after which parsing ``source`` must stop."""

    def __init__(self, timeout_s: float, source: str) -> None:
        self.timeout_s = timeout_s
        self.source = source
        self.expires = time.monotonic() + timeout_s

    def expired(self) -> bool:
        return time.monotonic() >= self.expires

    def check(self) -> None:
        """Raise ParseTimeoutError if the time is up."""
        if self.expired():
            raise self.error()

    def error(self) -> ParseTimeoutError:
        return ParseTimeoutError(
            f"reading took longer than {self.timeout_s:g} s and was stopped; the file is "
            "unusually complex or hostile (raise Limits.timeout_s if you trust it)",
            self.source,
        )


def _can_use_alarm() -> bool:
    if not hasattr(signal, "setitimer"):
        return False  # Windows
    if threading.current_thread() is not threading.main_thread():
        return False  # signal handlers can only be set from the main thread
    # Someone else's timer is running: do not steal SIGALRM from them.
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@contextmanager
def deadline(timeout_s: float, source: str) -> Iterator[Deadline]:
    """Run the block under a time limit; raise ParseTimeoutError when it is exceeded.

    >>> with deadline(5.0, "cv.pdf") as dl:
    ...     dl.check()  # readers call this between pages
    """
    dl = Deadline(timeout_s, source)
    if not _can_use_alarm():
        yield dl
        return

    armed = True

    def on_alarm(signum: int, frame: object) -> None:
        if armed:
            raise _Alarm()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    if previous is None:  # installed from C; the default is the closest we can restore
        previous = signal.SIG_DFL
    timed_out = False
    try:
        signal.setitimer(signal.ITIMER_REAL, max(timeout_s, 1e-6))
        yield dl
    except _Alarm:
        timed_out = True
    finally:
        # Disarm first so a signal landing now is ignored, then stop the timer and put
        # the old handler back; loop in case the alarm fires inside this block.
        while True:
            try:
                armed = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except _Alarm:
                timed_out = True
    if timed_out:
        raise dl.error() from None

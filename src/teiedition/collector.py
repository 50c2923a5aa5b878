"""Pausing Python's cyclic garbage collector while a conversion builds its structures.

A conversion allocates millions of small objects (tokens, spans, the frozen model, lxml's
element proxies) that hold no reference cycles: reference counting frees them all. The
cyclic collector nevertheless walks the growing heap again and again as they are
allocated; for 1,000,000 words that was a tenth of the conversion, and two thirds of the
serialisation (issue 18). So the conversion and the serialisation run with the collector
paused; it is resumed afterwards, and any cycle made meanwhile is collected then.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (or the decorated function), if it
    runs; resume it after. Nested uses and a collector the caller turned off stay as they
    are."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            # The objects made meanwhile go straight to the oldest generation: left young,
            # the first collection after resuming would examine every one of them (a
            # twentieth of converting 1,000,000 words). They stay collectable. Skipped when
            # the program froze objects itself (a forking server does), which unfreeze()
            # would undo.
            gc.freeze()
            gc.unfreeze()
        gc.enable()

"""Decoded FIT values as plain Python: numbers, FIT times and lower-case text.

fitdecode gives a field as a number, a tuple (an array field), an enum name, bytes or None;
these helpers turn one into what the rest of the FIT package reads, or None.
"""

from __future__ import annotations

import math
from typing import Any

FIT_TIME_LIMIT_S = 2**32  # date_time is a uint32


def as_number(value: Any) -> float | None:
    """A decoded value as a float: a tuple's first element; None if not a finite number."""
    if isinstance(value, tuple):
        value = value[0] if value else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def fit_time_s(value: Any) -> float | None:
    """A FIT time in seconds, or None when the value cannot be one (a FIT time is a uint32)."""
    number = as_number(value)
    return number if number is not None and 0 <= number < FIT_TIME_LIMIT_S else None


def as_positive(value: Any) -> float | None:
    number = as_number(value)
    return number if number is not None and number > 0 else None


def as_text(value: Any) -> str | None:
    """An enum or string value as lower-case text ('running', '67' for an unnamed one)."""
    if isinstance(value, tuple):
        value = value[0] if value else None
    if value is None or isinstance(value, bytes | bool):
        return None
    text = str(value).strip().lower()
    return text or None

"""FIT's CRC-16, checked per file (not per frame, as fitdecode would) [docs/FORMATS.md §1.1]."""

from __future__ import annotations

import math
from functools import cache

import numpy as np


@cache
def _crc_table() -> np.ndarray:
    """The byte table of FIT's CRC-16 (reflected polynomial 0xA001, as CRC-16/ARC)."""
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ 0xA001, table >> 1)
    return table.astype(np.uint32)


def crc16(data: bytes) -> int:
    """FIT's CRC-16 of `data`; 0 for a FIT file whose stored CRC matches.

    Computed over many slices at once with numpy and combined, because a byte loop in
    Python costs about 0.2 s per megabyte. The CRC is linear, so the CRC of two joined
    slices is the first one's run through as many zero bytes as the second is long,
    XOR the second's.
    """
    table = _crc_table()
    lane_bytes = max(64, math.isqrt(len(data)))
    lanes = len(data) // lane_bytes
    crc = 0
    if lanes >= 2:
        block = np.frombuffer(data, dtype=np.uint8, count=lanes * lane_bytes)
        block = block.reshape(lanes, lane_bytes).astype(np.uint32)
        lane_crc = np.zeros(lanes, dtype=np.uint32)
        for column in block.T:
            lane_crc = (lane_crc >> 8) ^ table[(lane_crc ^ column) & 0xFF]
        # Where each of the 16 register bits ends up after lane_bytes zero bytes.
        bits = np.uint32(1) << np.arange(16, dtype=np.uint32)
        for _ in range(lane_bytes):
            bits = (bits >> 8) ^ table[bits & 0xFF]
        shifted_bit = [int(value) for value in bits]
        for value in lane_crc.tolist():
            moved = 0
            for bit in range(16):
                if crc >> bit & 1:
                    moved ^= shifted_bit[bit]
            crc = moved ^ value
    byte_table = table.tolist()
    for byte in data[lanes * lane_bytes if lanes >= 2 else 0 :]:
        crc = (crc >> 8) ^ byte_table[(crc ^ byte) & 0xFF]
    return crc

"""The device that recorded a FIT file, from its file_id and the creator's device_info."""

from __future__ import annotations

from analyzer.importers.fit.decode import Content
from analyzer.importers.fit.values import as_text


def device_of(content: Content) -> str | None:
    """Maker and product of the recording device: 'garmin fenix5', 'coros COROS APEX Pro'.

    file_id names the file's creator; the creator's device_info fills what it leaves out
    (a Forerunner 15 file_id says product 1932, its device_info says fr15).
    """
    file_id, creator = content.file_id, content.creator
    maker = as_text(file_id.get("manufacturer")) or as_text(creator.get("manufacturer"))
    candidates = [
        file_id.get("product_name"),
        file_id.get("garmin_product"),
        creator.get("product_name"),
        creator.get("garmin_product"),
        file_id.get("product"),
        creator.get("product"),
    ]
    named = [value for value in candidates if isinstance(value, str) and value.strip()]
    numbered = [value for value in candidates if value is not None and value not in named]
    product = named[0].strip() if named else (str(numbered[0]) if numbered else None)
    parts = [part for part in (maker, product) if part]
    return " ".join(parts) if parts else None

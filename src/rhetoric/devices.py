"""Rhetorical devices: loaded language, name calling, fear appeals,
exaggeration, hedges and boosters.

(Contract for issue 4; the extractor is not built yet and returns no devices.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Device", "extract_devices", "DEVICE_KINDS"]

DEVICE_KINDS = ("loaded_language", "name_calling", "appeal_to_fear", "exaggeration", "hedge", "booster")


@dataclass(frozen=True, slots=True)
class Device:
    """A device span; offsets index the text given to :func:`extract_devices`."""

    start: int
    end: int
    text: str
    device: str
    evidence: tuple[str, ...]


def extract_devices(text: str) -> list[Device]:
    """All device spans in ``text``."""
    return []

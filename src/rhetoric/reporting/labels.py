"""Reader's labels for codes in the tables: CAMEO categories and frame names.

>>> cameo_category("1384"), frame_label("policy_frames", "security_defense")
('13 Threaten', 'Security defense')
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

__all__ = ["CAMEO_ROOTS", "cameo_category", "threat_categories", "frame_label", "balance_frames", "share_frames", "frame_order"]


#: The root categories of the CAMEO event codebook (Gerner et al. 2002), by two-digit code.
CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}


@lru_cache(maxsize=1)
def _cameo_labels() -> dict[str, str]:
    try:
        from rhetoric.lexicons import read_lexicon_lines

        rows = [line.split("\t") for line in read_lexicon_lines("cameo_threats.tsv")]
    except Exception:  # the lexicon is optional here: labels only
        return {}
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if "code" not in header or "label" not in header:
        return {}
    code, label = header.index("code"), header.index("label")
    return {row[code].strip(): row[label].strip() for row in rows[1:] if len(row) > max(code, label)}


def cameo_category(code: Any) -> str | None:
    """The CAMEO root category of an event code, e.g. ``"13 Threaten"``.

    >>> cameo_category("1384"), cameo_category("154"), cameo_category(None)
    ('13 Threaten', '15 Exhibit force posture', None)
    """
    if code is None or (isinstance(code, float) and code != code):
        return None
    digits = str(code).strip()[:2]
    return f"{digits} {CAMEO_ROOTS[digits]}" if digits in CAMEO_ROOTS else None


def threat_categories(threats: pd.DataFrame) -> pd.DataFrame:
    """``threats`` with a ``category`` column (the table's own CAMEO
    category where it has one, else the root category of its ``cameo``
    code) and ``cameo_label`` (the code's label in ``cameo_threats.tsv``).
    Columns a table from an older version lacks are added empty."""
    table = threats.copy()
    for column in ("cameo", "intensity", "actor", "target", "kind", "conditional", "text"):
        if column not in table:
            table[column] = None
    derived = table["cameo"].map(cameo_category)
    given = next((table[c] for c in ("category", "cameo_category") if c in table), None)
    table["category"] = derived if given is None else given.where(given.notna() & (given.astype(str) != ""), derived)
    table["category"] = table["category"].fillna("uncoded")
    labels = _cameo_labels()
    table["cameo_label"] = table["cameo"].map(lambda c: None if c is None or c != c else
                                              f"{c} {labels[str(c)]}" if str(c) in labels else str(c))
    return table


def frame_label(scheme: str, frame: str) -> str:
    """A reader's label for a frame code: the question of a Semetko &
    Valkenburg item, or the frame name in words.

    >>> frame_label("semetko_valkenburg_items", "con1")
    'con1: Does the story reflect disagreement between parties, individuals, groups or countries?'
    >>> frame_label("policy_frames", "security_defense"), frame_label("security", "act_of_war_balance")
    ('Security defense', 'Act of war balance')
    """
    from rhetoric.extract.framing import SEMETKO_VALKENBURG_QUESTIONS

    if frame in SEMETKO_VALKENBURG_QUESTIONS:
        return f"{frame}: {SEMETKO_VALKENBURG_QUESTIONS[frame]}"
    words = str(frame).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def balance_frames(frames: pd.DataFrame, scheme: str) -> list[str]:
    """The frames of ``scheme`` that are signed balance indices in [−1, 1]
    (named ``*_balance``), not shares."""
    table = frames[frames["scheme"] == scheme] if len(frames) else frames
    return sorted(f for f in table["frame"].unique() if str(f).endswith("_balance")) if len(table) else []


def share_frames(frames: pd.DataFrame, scheme: str) -> pd.DataFrame:
    """The rows of ``frames`` of ``scheme`` that are shares (every frame but the balances)."""
    table = frames[frames["scheme"] == scheme] if len(frames) else frames
    return table[~table["frame"].isin(balance_frames(frames, scheme))] if len(table) else table


def frame_order(scheme: str) -> tuple[str, ...]:
    """The frames of ``scheme`` in the order the extractor defines (empty for an unknown scheme)."""
    from rhetoric.extract.framing import SCHEMES

    return SCHEMES.get(scheme, ())

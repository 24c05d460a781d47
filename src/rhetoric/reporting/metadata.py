"""Reports that hold up whatever metadata a corpus gives: groups with
fallbacks, months with gaps, and axes and legends that do not mislead.

>>> import pandas as pd
>>> grouped(pd.DataFrame({"doc_id": ["a"], "outlet": [None], "date": [None]}), "month").by
'all'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["ALL_ARTICLES", "GROUPINGS", "Grouping", "grouped", "has_dates", "metadata_coverage", "monthly_mean",
           "integer_ticks", "legend_outside"]


#: The group of every article when the corpus gives nothing to group by.
ALL_ARTICLES = "all articles"

#: The values a report's ``group_by`` parameter may take.
GROUPINGS = ("outlet", "month", "all")


@dataclass(frozen=True)
class Grouping:
    """Articles with a ``group`` column, what it holds, and a note for the
    reader when the grouping asked for was not possible."""

    articles: pd.DataFrame
    by: str
    label: str
    note: str | None

    @property
    def n_groups(self) -> int:
        return int(self.articles["group"].nunique())


def has_dates(articles: pd.DataFrame) -> bool:
    """Whether any article has a date."""
    return "date" in articles and bool(articles["date"].notna().any())


def grouped(articles: pd.DataFrame, by: str = "outlet") -> Grouping:
    """Group the articles by ``outlet``, ``month`` or ``all`` (one group),
    falling back to one group (``"all articles"``) with a note when the
    corpus has no outlets or no dates. Articles missing the field of an
    otherwise usable grouping form an "outlet unknown" or "date unknown" group.

    >>> a = pd.DataFrame({"doc_id": ["a", "b"], "outlet": [None, None], "date": [None, None]})
    >>> g = grouped(a, "outlet"); g.by, g.articles["group"].tolist(), g.note is not None
    ('all', ['all articles', 'all articles'], True)
    """
    if by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}; got {by!r}")
    frame = articles.copy()
    if by == "outlet":
        if "outlet" in frame and frame["outlet"].notna().any():
            frame["group"] = frame["outlet"].fillna("outlet unknown").astype(str)
            return Grouping(frame, "outlet", "Outlet", None)
        note = (f"This corpus names no outlet for its articles, so the {len(frame)} articles are shown "
                f"as one group ({ALL_ARTICLES!r}).")
    elif by == "month":
        if has_dates(frame):
            month = pd.to_datetime(frame["date"]).dt.to_period("M").dt.strftime("%Y-%m")
            frame["group"] = month.where(frame["date"].notna(), "date unknown").astype(str)
            return Grouping(frame, "month", "Month", None)
        note = (f"This corpus gives no dates for its articles, so they cannot be grouped by month; "
                f"the {len(frame)} articles are shown as one group ({ALL_ARTICLES!r}).")
    else:
        note = None
    frame["group"] = ALL_ARTICLES
    return Grouping(frame, "all", "Group", note)


def metadata_coverage(articles: pd.DataFrame) -> pd.DataFrame:
    """How many articles give each optional field (title, outlet, date, url).

    >>> metadata_coverage(pd.DataFrame({"title": ["T", None], "outlet": [None, None], "date": [None, None],
    ...                                 "url": [None, None]})).values.tolist()
    [['title', 1, 2], ['outlet', 0, 2], ['date', 0, 2], ['url', 0, 2]]
    """
    rows = []
    for field in ("title", "outlet", "date", "url"):
        given = articles[field].map(_given).sum() if field in articles else 0
        rows.append({"field": field, "articles_with_it": int(given), "articles": len(articles)})
    return pd.DataFrame(rows, columns=["field", "articles_with_it", "articles"])


def _given(value: Any) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def monthly_mean(articles: pd.DataFrame, value: str, by: str | None = None) -> pd.DataFrame:
    """The mean of ``value`` per calendar month (rows, every month from the
    first to the last, a month without articles as NaN so a plotted line
    breaks there instead of bridging it) and ``by`` group (columns).

    >>> a = pd.DataFrame({"month": pd.to_datetime(["2026-01-01", "2026-03-01"]), "v": [1.0, 3.0]})
    >>> monthly_mean(a, "v")["all articles"].tolist()
    [1.0, nan, 3.0]
    """
    dated = articles.dropna(subset=["month"])
    if dated.empty:
        return pd.DataFrame()
    groups = dated[by].astype(str) if by else pd.Series(ALL_ARTICLES, index=dated.index)
    wide = dated.assign(_group=groups).pivot_table(index="month", columns="_group", values=value, aggfunc="mean")
    months = pd.date_range(dated["month"].min(), dated["month"].max(), freq="MS")
    wide = wide.reindex(months)
    wide.index.name, wide.columns.name = "month", None
    return wide


def integer_ticks(ax: Any, axis: str = "y") -> None:
    """Only whole numbers on ``axis`` of ``ax`` (for counts)."""
    from matplotlib.ticker import MaxNLocator

    (ax.yaxis if axis == "y" else ax.xaxis).set_major_locator(MaxNLocator(integer=True))


def legend_outside(ax: Any, title: str | None = None, *, keep: bool = True) -> None:
    """Move the legend of ``ax`` to the right of the plot, where it covers
    no data; with ``keep=False`` (a single series) remove it."""
    legend = ax.get_legend()
    if not keep:
        if legend is not None:
            legend.remove()
        return
    handles, labels = ax.get_legend_handles_labels()
    if legend is not None and not handles:  # seaborn keeps its handles on the legend
        handles, labels = legend.legend_handles, [t.get_text() for t in legend.get_texts()]
    if not handles:
        return
    ax.legend(handles, labels, title=title, bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small",
              frameon=False)

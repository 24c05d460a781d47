"""Shared fixtures: small, real news-style texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ARTICLES = ROOT / "data" / "raw" / "sample" / "articles"
SAMPLE_GOLD = ROOT / "data" / "raw" / "sample" / "gold.jsonl"

BOMBER_ARTICLE = """---
id: test-bomber-flight
title: U.S. bombers fly near peninsula after launch
outlet: Test Wire
date: 2026-03-02
url: https://example.org/test/bomber
---
Two U.S. Air Force B-1B bombers flew over South Korea on Saturday, flanked by South Korean F-35A fighter jets, the Joint Chiefs of Staff said.

The flight came a day after North Korea launched a ballistic missile into the sea. "Any nuclear attack would bring about the end of the regime," Defense Secretary Margaret Hale said in a statement.

North Korea's state media called the drills a "rehearsal for invasion" and accused "gangster-like U.S. imperialists" of seeking war. The foreign ministry warned that any exercise near its territory would not be taken lightly.
"""

TALKS_ARTICLE = """---
id: test-talks
title: Envoys meet in Geneva as tensions ease
outlet: Harbor Test Review
date: 2026-04-15
---
Diplomats from Seoul and Washington met their Chinese counterparts in Geneva on Tuesday for talks that officials described as constructive.

"We are encouraged by the progress," said Lt. Col. Dana Ruiz, a spokeswoman for the State Department. She added that a further round was planned for Nov. 3.

Analysts said the meeting was the most hopeful sign in months.
"""


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    """A folder with two good articles in the front-matter format."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "bomber.txt").write_text(BOMBER_ARTICLE, encoding="utf-8")
    (folder / "talks.md").write_text(TALKS_ARTICLE, encoding="utf-8")
    return folder

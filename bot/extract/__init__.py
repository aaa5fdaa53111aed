"""Extraction: an article in, its claims out, each with a verbatim quote and its offsets.

`extract(article)` is pure Python (no Discord), never raises, and runs the stages of
bot/extract/pipeline.py over one per-article state (bot/extract/state.py): sentences with
offsets; embedded posts; subject mentions (devices by pattern, brand and catalogue, brand-less
models given the article's brand, series, companies, words referring to the current topic);
status cues; aliases; values found by pattern and normalised; launched devices; tables; the
discourse (references resolved, the topic carried); each value handed to the subject its clause
is about (never a compared device); launch dates; camera partners; the claims, with a status
from the cues governing their own clause.
"""

from __future__ import annotations

import logging

from bot.extract.pipeline import run_pipeline
from bot.models import Article, Claim

__all__ = ["extract"]

log = logging.getLogger("receipts.extract")


def extract(article: Article) -> list[Claim]:
    """The claims an article makes. Never raises: an unreadable article gives no claims."""
    try:
        return run_pipeline(article)
    except Exception:  # pragma: no cover - a safety net; the property tests look for these
        log.exception("extraction failed for %s", getattr(article, "id", "?"))
        return []

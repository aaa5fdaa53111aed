"""Answers: a query and a store in, an answer model out, for Discord, the terminal and JSON.

Every command is a function of the store, its arguments and the guild asking; it returns an
`Answer` (never raises for a bad name: the answer carries the message and suggestions). The
renderers turn answers into terminal text (`render_terminal`), the JSON of CLAIMS.md
(`Answer.to_json`) and, on the Discord side, embeds (`commands.render.answers`).
"""

from bot.answers.claim import claim
from bot.answers.lookup import Resolution, autocomplete, resolve_subject
from bot.answers.model import Answer, Item
from bot.answers.query import run_query
from bot.answers.search import search
from bot.answers.sources import sources
from bot.answers.spec import spec
from bot.answers.timeline import timeline

__all__ = [
    "Answer",
    "Item",
    "Resolution",
    "autocomplete",
    "claim",
    "resolve_subject",
    "run_query",
    "search",
    "sources",
    "spec",
    "timeline",
]

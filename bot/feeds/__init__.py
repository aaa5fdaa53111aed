"""News feeds: a server (or the command line) follows RSS, Atom and JSON feeds, and every new
entry becomes an article with its claims, stored once.

`parse` reads a feed document (feedparser for RSS and Atom, JSON Feed by its published form),
`entries` turns an entry into an article, `subscriptions` keeps the feed rows and the entries
seen in the store, `schedule` decides when a feed is polled next (interval, jitter, backoff,
Retry-After, pausing) and `poll` fetches and stores, politely: a conditional GET, one request at a
time per host, a bounded number of feeds at once. `status` words how a feed is doing, once for
both sides. Nothing here knows Discord: its messages are `commands/render/feeds.py`.
"""

from bot.articles import ArticleError


class FeedError(ArticleError):
    """A feed that cannot be followed or read, with what to do about it."""

"""The Discord side: the client, the slash command groups and every message they send.

`bot/` (the core) returns data and never imports this package. Here: `client.py` (the discord.py
bot), `run.py` (`python -m bot run`), `render/` (every embed and reply text), `_shared.py`
(sending, views, modals, the moderator check, the failure handler), and one discord.py extension
per command group (every other module with a `setup`).
"""

"""Every message the bot sends, made from the core's data: embeds (`embeds`: Discord's limits,
escaping, the page packer), answers (`answers`), article replies (`articles`) and digests
(`digests`)."""

"""`/article add|list|remove|restore`: moderators manage the articles their server added.

An article arrives pasted (a modal), attached (.txt, .md, .html) or as a url fetched under the
rules of `bot.fetch`. The reply shows the claims found and the date used; an article whose date
was inferred, or not found, gets buttons to confirm the date or set it.
"""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot import moderation
from bot.articles import decode_article_bytes
from bot.fetch import EVERY_NETWORK, fetch_article_text
from bot.moderation import ActionRefused, ArticleAdded
from commands._shared import (
    AUTOCOMPLETE_LIMIT,
    CHOICE_LIMIT,
    MODERATOR_DEFAULTS,
    NO_MENTIONS,
    ModeratorOnly,
    PageView,
    ReportingModal,
    actor,
    defer,
    embeds_of,
    receipts,
    require_moderator,
    send,
    send_pages,
)
from commands.render.articles import (
    article_added_pages,
    article_list_pages,
    article_removed,
    article_restored,
)


async def add_and_reply(interaction: discord.Interaction, text: str, **options: str | None) -> None:
    """Store the article for this server, then show what was found.

    Reading and extracting run in threads outside the store; only the insert takes the writer.
    """
    bot = receipts(interaction)
    article = await asyncio.to_thread(moderation.read_given_article, text, **options)
    claims = await bot.extract_claims(article)
    added = await bot.run_store(
        moderation.store_given_article,
        article,
        claims,
        guild_id=interaction.guild_id,
        actor=actor(interaction),
    )
    pages = article_added_pages(added)
    view = ArticleAddedView(interaction.user.id, pages, added)
    view.message = await send(
        interaction,
        ephemeral=True,
        embeds=embeds_of(pages[0]),
        view=view if view.children else discord.utils.MISSING,
    )


class ArticleAddedView(PageView):
    """Pages of the reply, and for a date that was not in the article, buttons to settle it."""

    def __init__(self, owner_id: int, pages: list[list[dict]], added: ArticleAdded):
        super().__init__(owner_id, pages)
        self.added = added
        if len(pages) == 1:
            for item in (self.previous, self.position, self.next):
                self.remove_item(item)
        if added.duplicate or not added.date_needs_confirming:
            self.remove_item(self.confirm_date)
            self.remove_item(self.set_date)
        elif added.published:
            self.confirm_date.label = f"Confirm {added.published}"
        else:
            self.remove_item(self.confirm_date)

    async def show_settled(self, interaction: discord.Interaction, added: ArticleAdded) -> None:
        self.stop()
        await interaction.response.edit_message(
            embeds=embeds_of(article_added_pages(added)[0]), view=None, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="Confirm the date", style=discord.ButtonStyle.success, row=1)
    async def confirm_date(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        require_moderator(interaction)
        added = await receipts(interaction).run_store(
            moderation.set_article_date,
            self.added.article_id,
            None,
            guild_id=interaction.guild_id,
            actor=actor(interaction),
        )
        await self.show_settled(interaction, added)

    @discord.ui.button(label="Set the date…", style=discord.ButtonStyle.primary, row=1)
    async def set_date(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        require_moderator(interaction)
        await interaction.response.send_modal(SetDate(self))


class SetDate(ReportingModal, title="Set the article's date"):
    published: discord.ui.TextInput[SetDate] = discord.ui.TextInput(
        label="Date published (YYYY-MM-DD)", min_length=4, max_length=40, placeholder="2022-06-29"
    )

    def __init__(self, view: ArticleAddedView):
        super().__init__()
        self.view = view
        if view.added.published:
            self.published.default = view.added.published

    async def on_submit(self, interaction: discord.Interaction) -> None:
        require_moderator(interaction)
        added = await redate(interaction, self.view.added.article_id, self.published.value)
        await self.view.show_settled(interaction, added)


async def redate(
    interaction: discord.Interaction, article_id: str, published: str
) -> moderation.ArticleAdded:
    """Give this server's article the date a moderator set, its claims read again against it:
    the article is read and its claims extracted outside the store; one transaction stores both."""
    bot = receipts(interaction)
    article = await bot.read_store(
        moderation.article_to_redate, article_id, published, guild_id=interaction.guild_id
    )
    claims = await bot.extract_claims(article)
    return await bot.run_store(
        moderation.store_redated, article, claims, guild_id=interaction.guild_id, actor=actor(interaction)
    )


class PasteArticle(ReportingModal, title="Add an article"):
    url: discord.ui.TextInput[PasteArticle] = discord.ui.TextInput(
        label="Its url (optional, shown as the source)",
        required=False,
        max_length=1000,
        placeholder="https://",
    )
    article_title: discord.ui.TextInput[PasteArticle] = discord.ui.TextInput(
        label="Title (optional)", required=False, max_length=200
    )
    published: discord.ui.TextInput[PasteArticle] = discord.ui.TextInput(
        label="Date published, YYYY-MM-DD (optional)", required=False, max_length=40
    )
    text: discord.ui.TextInput[PasteArticle] = discord.ui.TextInput(
        label="The article's text", style=discord.TextStyle.paragraph, min_length=20, max_length=4000
    )

    def __init__(self, published: str | None):
        super().__init__()
        self.published.default = published

    async def on_submit(self, interaction: discord.Interaction) -> None:
        require_moderator(interaction)
        await defer(interaction, ephemeral=True)
        await add_and_reply(
            interaction,
            self.text.value,
            url=self.url.value or None,
            title=self.article_title.value or None,
            published=self.published.value or None,
        )


async def own_articles(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """This server's article ids, offered to moderators only."""
    try:
        require_moderator(interaction)
    except app_commands.CheckFailure:
        return []
    ids = await receipts(interaction).autocomplete_from_store(
        moderation.own_article_ids, interaction.guild_id, current, AUTOCOMPLETE_LIMIT
    )
    return [
        app_commands.Choice(name=article_id[:CHOICE_LIMIT], value=article_id[:CHOICE_LIMIT])
        for article_id in ids
    ]


@app_commands.default_permissions(**MODERATOR_DEFAULTS)
@app_commands.guild_only()
class Article(
    ModeratorOnly,
    commands.GroupCog,
    group_name="article",
    group_description="Moderators: add, list, redate, remove and restore this server's articles",
):
    @app_commands.command(
        name="add", description="Add an article: give its url, attach it, or leave both empty to paste it"
    )
    @app_commands.describe(
        url="A page on the public internet to fetch",
        file="A .txt, .md or .html file of at most 1 MB",
        date="When it was published (YYYY-MM-DD), if the article says wrong or nothing",
    )
    async def add(
        self,
        interaction: discord.Interaction,
        url: app_commands.Range[str, 1, 2000] | None = None,
        file: discord.Attachment | None = None,
        date: app_commands.Range[str, 1, 40] | None = None,
    ) -> None:
        if url and file:
            raise ActionRefused("Give a url or a file, not both; run the command once for each.")
        if not url and not file:
            await interaction.response.send_modal(PasteArticle(date))
            return
        await defer(interaction, ephemeral=True)
        if file:
            moderation.check_attachment(file.filename, file.size)
            text = await asyncio.to_thread(decode_article_bytes, await file.read(), file.filename)
            await add_and_reply(interaction, text, name=file.filename, published=date)
            return
        settings = receipts(interaction).settings
        assert url is not None
        page = await fetch_article_text(url, exempt=EVERY_NETWORK if settings.allow_private_urls else ())
        await add_and_reply(interaction, page.text, url=page.url, published=date)

    @app_commands.command(name="list", description="The articles added in this server")
    async def list_articles(self, interaction: discord.Interaction) -> None:
        articles = await receipts(interaction).read_store(moderation.list_articles, interaction.guild_id)
        await send_pages(interaction, article_list_pages(articles), ephemeral=True)

    @app_commands.command(
        name="remove",
        description="Remove an article of this server: its claims stop counting; it can be restored",
    )
    @app_commands.describe(
        article="The article's id (see /article list)", reason="Why; kept in the audit log"
    )
    @app_commands.autocomplete(article=own_articles)
    async def remove(
        self,
        interaction: discord.Interaction,
        article: str,
        reason: app_commands.Range[str, 1, 300] | None = None,
    ) -> None:
        removed = await receipts(interaction).run_store(
            moderation.remove_article,
            article,
            guild_id=interaction.guild_id,
            actor=actor(interaction),
            reason=reason,
        )
        await send(interaction, ephemeral=True, content=article_removed(removed))

    @app_commands.command(
        name="redate", description="Correct the date of an article of this server; its claims are read again"
    )
    @app_commands.describe(
        article="The article's id (see /article list)", date="When it was published (YYYY-MM-DD)"
    )
    @app_commands.autocomplete(article=own_articles)
    async def redate_article(
        self, interaction: discord.Interaction, article: str, date: app_commands.Range[str, 1, 40]
    ) -> None:
        await defer(interaction, ephemeral=True)
        added = await redate(interaction, article, date)
        await send(interaction, ephemeral=True, embeds=embeds_of(article_added_pages(added)[0]))

    @app_commands.command(name="restore", description="Bring back a removed article of this server")
    @app_commands.describe(article="The article's id (see /article list)")
    @app_commands.autocomplete(article=own_articles)
    async def restore(self, interaction: discord.Interaction, article: str) -> None:
        restored = await receipts(interaction).run_store(
            moderation.restore_article, article, guild_id=interaction.guild_id, actor=actor(interaction)
        )
        await send(interaction, ephemeral=True, content=article_restored(restored))


async def setup(bot: commands.Bot) -> None:
    """discord.py's extension entry: adds the /article group."""
    await bot.add_cog(Article())

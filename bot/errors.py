"""The one kind of error a user is told about: `UserError`, and its kinds where the kind matters.

A `UserError` is something asked that cannot be done; its message is one sentence saying why and
what to do. It is answered in one place on each side: `bot.cli.main` prints it (no traceback
unless LOG_LEVEL=DEBUG) and exits with its `exit_code`, and the Discord side's failure handler
(`commands._shared.failure_message`) answers it privately. Anything else is a bug: logged with
its traceback, and the user told only that something went wrong.
"""

from __future__ import annotations


class UserError(Exception):
    """Something asked that cannot be done; the message says why and what to do instead.

    `exit_code` is the command line's: 1 for a failure (a file, the store), 2 for a usage error;
    `context`, when set, says where the problem lies (printed after the message).
    """

    exit_code = 1
    context = ""


class UsageError(UserError):
    """The command was given something it cannot take: an argument or a setting (exit code 2)."""

    exit_code = 2

"""Errors that reach the user as a message, never as a traceback."""

from __future__ import annotations


class UserFacingError(Exception):
    """Its text is written for the user; the command line prints it and exits with `status`."""

    status = 1


class CommandError(UserFacingError):
    """A command cannot go on: bad usage (status 2) or a problem it explains (status 1)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status

"""Reading a file someone else may have written: only a regular file, and only up to a limit.

A deck or a source text may name anything: a FIFO (reading it waits forever), ``/dev/zero``
(never ends), a file of gigabytes, a system file reached through ``..``. Every read of a deck,
a source text, a CSV or a progress file goes through :func:`read_regular`, which opens without
blocking, refuses what is not a regular file, and never reads more than its limit (+1 byte).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Final

MB: Final = 1024 * 1024
SOURCE_LIMIT: Final = 5 * MB  # documented in docs/deck-format.md
DECK_LIMIT: Final = 10 * MB
DATA_LIMIT: Final = 100 * MB  # a CSV or an exported progress file

_O_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_O_CLOEXEC: Final = getattr(os, "O_CLOEXEC", 0)
_O_BINARY: Final = getattr(os, "O_BINARY", 0)

#: Folders whose files are never a deck's source text, however the path reaches them.
SYSTEM_FOLDERS: Final = (
    "/etc", "/dev", "/proc", "/sys", "/boot", "/root", "/run", "/usr",
    "/bin", "/sbin", "/lib", "/lib64", "/private/etc",
)  # fmt: skip


class FileRefused(OSError):
    """Not read on purpose: not a regular file, too large, or a system file.

    ``strerror`` says why, for people (``cannot be read: {strerror}`` reads well).
    """


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def size_text(size: int) -> str:
    return f"{size / MB:.1f} MB" if size >= MB else f"{size} bytes"


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raises ``FileNotFoundError``, ``IsADirectoryError``, :class:`FileRefused` (a FIFO, a
    device, too large) or another ``OSError``; it never blocks on a FIFO and never reads more
    than ``limit + 1`` bytes, even from a file that grows while it is read.
    """
    fd = os.open(path, os.O_RDONLY | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(errno.EINVAL, f"{_kind(info.st_mode)}, not a file", str(path))
        too_large = FileRefused(
            errno.EFBIG, f"larger than the limit of {size_text(limit)}", str(path)
        )
        if info.st_size > limit:
            raise too_large
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, MB))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise too_large
        return b"".join(chunks)
    finally:
        os.close(fd)


def _system_folder(path: Path) -> str | None:
    text = str(path.resolve())
    return next((f for f in SYSTEM_FOLDERS if text == f or text.startswith(f + "/")), None)


def escapes_to_system(source: Path, deck: Path) -> bool:
    """Whether a deck's ``source`` lies in a system folder the deck itself is not in
    (``../../etc/passwd``); a deck installed under /usr may still quote its own texts."""
    folder = _system_folder(source)
    return folder is not None and folder != _system_folder(deck)

"""Atomic file writing: the file at ``path`` is either the old one or the complete new one.

The new content goes to a temporary file in the same folder, is flushed and fsynced, and is
then moved over the target with ``os.replace`` (one rename, atomic on POSIX and Windows). If
anything fails before the rename, the temporary file is removed and the old file is untouched.

``overwrite=False`` publishes the file with ``os.link`` instead, which fails when the target
exists, so "never overwrite" holds even when two writers race for the same name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["atomic_write_bytes", "atomic_write_text"]


def atomic_write_text(path: str | os.PathLike[str], text: str, *, overwrite: bool = True,
                      encoding: str = "utf-8", mode: int | None = None) -> Path:
    """Write ``text`` to ``path`` atomically. See ``atomic_write_bytes``."""
    return atomic_write_bytes(path, text.encode(encoding), overwrite=overwrite, mode=mode)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = True,
                       mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    * The parent folder must exist (creating folders is the caller's decision).
    * ``overwrite=False``: raise ``FileExistsError`` when ``path`` exists (checked atomically).
    * Permissions: ``mode`` when given; else those of the file being replaced; else what a
      plain ``open()`` would give under the current umask (``mkstemp`` alone would give 0600).
    * Writing through a symlink replaces the link's target, not the link.

    Raises ``OSError`` (including ``FileExistsError``) on failure; the old file survives.
    """
    target = Path(path)
    with contextlib.suppress(OSError):
        if target.is_symlink():
            target = Path(os.path.realpath(target))
    folder = target.parent
    if mode is None:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            mode = 0o666 & ~_umask()
    if not overwrite and os.path.lexists(target):
        raise FileExistsError(errno.EEXIST, "file exists", str(target))
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # e.g. a filesystem without modes
            os.chmod(tmp, mode)
        if overwrite:
            os.replace(tmp, target)
        else:
            _publish_no_clobber(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    _fsync_dir(folder)
    return target


def _publish_no_clobber(tmp: str, target: Path) -> None:
    """Give ``tmp`` the name ``target`` unless ``target`` exists (then FileExistsError)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network or FAT filesystems): check, then rename. A writer
        # racing in the gap between the two is the only case this cannot rule out.
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask, read without changing it where the platform allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask

"""The report's output folder replaced in one step by a finished build, and the folders that killed
builds left beside it removed: a failed or killed build never leaves half a report.
"""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path


KEEP_FILES = ("README.md", "sample-war-toll.png")
"""Files of the output folder that are not built (the committed README and the README's sample figure): carried over by every build."""


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where the system or the
    file system cannot, so that the caller falls back to two renames."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # not Linux, or a C library without it
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_into_place(build: Path, out: Path) -> None:
    """Replace the output folder by the finished build in one step, keeping the files that are not built
    (README.md). The two folders are exchanged (renameat2), so at every moment `out` is the whole old
    report or the whole new one, and two builds publishing at once each swap in a whole report (the
    last wins); the old report, now at the build's name, is then removed (or, if the build is killed
    first, by the next build). Where the system cannot exchange, two renames."""
    for name in KEEP_FILES:
        if (out / name).is_file():
            shutil.copy2(out / name, build / name)
    for _attempt in range(10):
        if not os.path.lexists(out):
            try:
                build.rename(out)
                return
            except OSError as err:
                if err.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                    raise
                continue  # another build published first: exchange with it
        try:
            exchanged = _exchange(build, out)
        except FileNotFoundError:
            continue
        if exchanged:
            shutil.rmtree(build, ignore_errors=True)  # the previous report
            return
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
        old.rmdir()
        out.rename(old)
        try:
            build.rename(out)
        except OSError:
            old.rename(out)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return
    raise OSError(errno.EBUSY, "other builds keep replacing it", str(out))


_LEFTOVER_KINDS = ("building", "old")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the hidden folders killed or refused builds left beside `out` (`.NAME.building-PID-*`,
    `.NAME.old-PID-*`) whose process is gone; a build running now keeps its own. Returns those removed."""
    removed = []
    try:
        entries = list(out.parent.iterdir())
    except OSError:
        return removed
    for path in entries:
        for kind in _LEFTOVER_KINDS:
            prefix = f".{out.name}.{kind}-"
            if not path.name.startswith(prefix) or not path.is_dir() or path.is_symlink():
                continue
            pid = path.name[len(prefix):].split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
                continue
            if pid.isdigit() and int(pid) == os.getpid():
                continue
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed

"""Publishing a folder atomically: the new output replaces the old one whole, or not at all.

    with publishing(Path("site")) as staging:
        ... build everything into staging ...
    # only here, and only if the block succeeded, does site/ become the new build

The build is written into a fresh folder beside the target (same file system,
so a rename can move it), and when everything succeeded the two folders are
exchanged with one ``renameat2(RENAME_EXCHANGE)`` system call: at every moment
``site/`` is either the old build or the new one, never a mix and never
missing, whatever interrupts the build (an error, SIGINT, SIGTERM, SIGKILL).
Python has no binding for renameat2 (Linux ≥ 3.15, glibc ≥ 2.28), hence the
few lines of ctypes. Where it is missing (another OS, an old kernel, a file
system without it), two renames are used instead, leaving a window of a few
microseconds with no ``site/``.

A lock file beside the target keeps two builds from publishing at once. Left
over folders of a build that was killed (``.site.new-*``, ``.site.old-*``) are
removed by the next build that holds the lock.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import messages
from .messages import Message

AT_FDCWD = -100
RENAME_EXCHANGE = 2


class PublishError(Exception):
    """The output cannot be published: its Problem says why and how to fix it (in Chinese)."""

    def __init__(self, where: Path, entry: Message, /, **values):
        self.problem = entry.at(str(where), 0, **values)
        super().__init__(self.problem.format())


@contextmanager
def publishing(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it becomes `target`, on any failure it goes away."""
    target = target.absolute()
    parent = target.parent
    if target.exists() and not target.is_dir():
        raise PublishError(target, messages.OUTPUT_NOT_A_FOLDER)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        lock = open(parent / f".{target.name}.lock", "w")
    except OSError as error:
        raise PublishError(parent, messages.OUTPUT_NOT_WRITABLE, reason=reason(error)) from None
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PublishError(target, messages.OUTPUT_LOCKED) from None
        remove_leftovers(parent, target.name)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=parent))
        try:
            with signals_as_interrupts() as received:
                yield staging
                if received:  # an interrupt raised where Python could not deliver it
                    raise KeyboardInterrupt(received[0])
                os.chmod(staging, 0o755)  # mkdtemp makes it private; a published site is readable
                swap_in(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)  # the new build on failure, the old one on success


# Why the system refused, in the contributors' words (strerror is English).
REASONS = {
    errno.EACCES: "沒有寫入權限",
    errno.EPERM: "不允許修改",
    errno.EROFS: "文件系統是只讀的",
    errno.ENOSPC: "磁盤空間不足",
    errno.ENOENT: "這裡不能創建文件",
    errno.EEXIST: "路徑上有一個同名的文件",
    errno.ENOTDIR: "路徑上有一個同名的文件",
    errno.EBUSY: "文件夾正在被使用",
    errno.EXDEV: "不在同一個文件系統上",
}


def reason(error: OSError) -> str:
    return REASONS.get(error.errno or 0, error.strerror or type(error).__name__)


def swap_in(new: Path, target: Path) -> None:
    """Make `new` be `target`; the old `target`, if any, ends up at `new`'s path."""
    if not target.exists():
        os.rename(new, target)
        new.mkdir()  # the caller removes this path either way
        return
    try:
        exchange(new, target)
    except OSError as error:
        if error.errno not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise PublishError(target, messages.OUTPUT_NOT_REPLACED, reason=reason(error)) from None
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rename(target, old / "site")
        os.rename(new, target)
        os.rename(old, new)


def exchange(a: Path, b: Path) -> None:
    """Atomically exchange two paths (Linux renameat2 with RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def remove_leftovers(parent: Path, name: str) -> None:
    """Folders left by a build that was killed before it could clean up."""
    for leftover in [*parent.glob(f".{name}.new-*"), *parent.glob(f".{name}.old-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def signals_as_interrupts() -> Iterator[list[str]]:
    """SIGINT, SIGTERM and SIGHUP end the build the way Ctrl-C does, so clean-up runs.

    The KeyboardInterrupt a signal raises can be lost: raised while Python runs a finalizer (a
    file or generator being collected), it is printed as "Exception ignored" and the build goes on.
    So each signal is also written down in the list the block gets, which publish reads before it
    swaps the new site in: what an interrupted build made is never published (seen once on a busy
    machine: a SIGINT mid-build, and the build published and exited 0).
    """
    received: list[str] = []

    def interrupt(signum, frame):
        received.append(signal.Signals(signum).name)
        raise KeyboardInterrupt(received[-1])

    previous = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    try:
        yield received
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

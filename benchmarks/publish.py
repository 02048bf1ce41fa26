"""Publishing output folders whole: a folder only ever holds the complete old result or
the complete new one.

:meth:`OutputFolder.prepare` checks the target *before any work*: it must be a folder
(not a file, not ``/dev/null``), it may be replaced only if it is empty or an earlier
output of the same command (it holds the command's marker file, e.g. ``results.json``),
it must not hold the current folder or the run's inputs, and its parent must be writable
(a staging folder is created there at once). Everything is written into that staging
folder, a sibling of the target on the same file system; :meth:`OutputFolder.commit`
then swaps the two — on Linux with one atomic ``renameat2(RENAME_EXCHANGE)``, elsewhere
with two renames (the old folder is moved back if the second fails) — and deletes the
old one. Files of an earlier run therefore never linger beside new ones.

File names inside come from labels through :func:`file_stem`: characters other than
letters, digits, ``.``, ``_`` and ``-`` become ``_``, and whenever that changed the label
(or it is long) a short hash of the label is appended, so two labels never share a file
(``"x y"`` and ``"x_y"`` used to) and no label reaches outside the folder.

A symlinked target is followed: the folder it points to is replaced, the link is kept.
Staging folders are named ``.<name>.limitbench-<what>-<pid>-<random>``; one left by a
process that no longer exists (``kill -9``) is removed by the next run into that folder.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from limitbench.retrievers.atomic import current_umask
from limitbench.retrievers.errors import ConfigError

__all__ = ["OutputFolder", "ensure_folder", "ensure_file_target", "file_stem", "swap_folders"]

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2``); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_folders(new: Path, target: Path, *, old: Path) -> None:
    """Put folder ``new`` at ``target``; an existing ``target`` ends up at ``old``."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        os.rename(new, old)  # ``new`` now names the previous folder
        return
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _short(name: str) -> str:
    return name[:80]


class OutputFolder:
    """A folder replaced whole when :meth:`commit` is called (see the module docstring)."""

    def __init__(self, shown: str, target: Path, staging: Path) -> None:
        self.shown = shown
        self.target = target
        self.staging = staging
        self._scratch: list[Path] = []
        self.committed = False

    # -- before any work -------------------------------------------------------------------
    @classmethod
    def prepare(
        cls, out: str | os.PathLike[str], *, marker: str, option: str = "--out", inputs: Iterable[str | os.PathLike[str]] = ()
    ) -> "OutputFolder":
        shown = str(out)
        if not shown.strip():
            raise ConfigError(f"{option}: a folder is required")
        target = Path(os.path.abspath(Path(out).expanduser()))
        _check_name_lengths(target, shown=shown, option=option)
        if target.is_symlink():
            target = target.resolve()
        _check_target(target, shown=shown, marker=marker, option=option, inputs=inputs)
        parent = target.parent
        _make_parents(parent, shown=shown, option=option)
        _remove_stale(parent, target.name)
        staging = _make_sibling(target, "new", shown=shown, option=option)
        return cls(shown, target, staging)

    def scratch(self, what: str) -> Path:
        """A throw-away sibling folder, removed with the staging folder (``--fresh`` cells)."""
        folder = _make_sibling(self.target, what, shown=self.shown, option="--out")
        self._scratch.append(folder)
        return folder

    # -- after the work --------------------------------------------------------------------
    def commit(self) -> list[Path]:
        """Swap the staging folder in; the files now published, relative to the target."""
        files = sorted(path.relative_to(self.staging) for path in self.staging.rglob("*") if path.is_file())
        old = self.target.parent / f".{_short(self.target.name)}.limitbench-old-{os.getpid()}-{os.urandom(4).hex()}"
        try:
            swap_folders(self.staging, self.target, old=old)
        except OSError as error:
            raise ConfigError(f"--out {self.shown}: cannot put the new results in place ({error.strerror or error}); "
                              "the previous folder is unchanged") from None
        self.committed = True
        shutil.rmtree(old, ignore_errors=True)
        self._remove_scratch()
        return [self.target / path for path in files]

    def discard(self) -> None:
        if not self.committed:
            shutil.rmtree(self.staging, ignore_errors=True)
        self._remove_scratch()

    def _remove_scratch(self) -> None:
        for folder in self._scratch:
            shutil.rmtree(folder, ignore_errors=True)
        self._scratch.clear()

    def __enter__(self) -> "OutputFolder":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.discard()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _check_target(target: Path, *, shown: str, marker: str, option: str, inputs: Iterable[str | os.PathLike[str]]) -> None:
    if _inside(Path.cwd().resolve(), target.resolve()):
        raise ConfigError(f"{option} {shown}: is the current folder or holds it; choose a folder of its own")
    for item in inputs:
        source = Path(os.path.abspath(Path(item).expanduser())).resolve()
        if _inside(source, target.resolve()):
            raise ConfigError(f"{option} {shown}: holds the input {item}, which replacing the folder would delete")
    if not target.exists():
        if os.path.lexists(target):
            raise ConfigError(f"{option} {shown}: is a broken link")
        return
    if not target.is_dir():
        raise ConfigError(f"{option} {shown}: exists and is not a folder")
    try:
        entries = [entry.name for entry in target.iterdir()]
    except OSError as error:
        raise ConfigError(f"{option} {shown}: cannot read the folder ({error.strerror or error})") from None
    if entries and marker not in entries:
        raise ConfigError(
            f"{option} {shown}: folder exists, is not empty and holds no {marker} (not an earlier output); "
            "it would be replaced whole, so choose a new or empty folder"
        )


def _check_name_lengths(path: Path, *, shown: str, option: str) -> None:
    if any(len(os.fsencode(part)) > 255 for part in path.parts):
        raise ConfigError(f"{option} {shown[:60]}...: a folder name in it is longer than 255 bytes")


def _make_parents(folder: Path, *, shown: str, option: str) -> None:
    for ancestor in [folder, *folder.parents]:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise ConfigError(f"{option} {shown}: {ancestor} is a file, not a folder")
            break
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"{option} {shown}: cannot create {folder} ({error.strerror or error})") from None


def _make_sibling(target: Path, what: str, *, shown: str, option: str) -> Path:
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".{_short(target.name)}.limitbench-{what}-{os.getpid()}-", dir=target.parent))
        folder.chmod(0o777 & ~current_umask())  # mkdtemp's 0700 would become the published folder's mode
    except OSError as error:
        raise ConfigError(f"{option} {shown}: cannot write in {target.parent} ({error.strerror or error})") from None
    return folder


_SIBLING = re.compile(r"[a-z]+-(?P<pid>\d+)-")


def _remove_stale(parent: Path, name: str) -> None:
    """Staging folders of runs into ``name`` that were killed before they could clean up."""
    prefix = f".{_short(name)}.limitbench-"
    try:
        siblings = [entry for entry in parent.iterdir() if entry.name.startswith(prefix)]
    except OSError:
        return
    for entry in siblings:
        match = _SIBLING.match(entry.name[len(prefix):])
        if match and not _alive(int(match.group("pid"))):
            shutil.rmtree(entry, ignore_errors=True)


def ensure_folder(path: str | os.PathLike[str], *, option: str = "--out") -> Path:
    """A folder that may already hold results (and caches): check now, without creating
    anything, that it is (or can become) a writable folder, so a bad ``--out`` fails
    before the work, not after."""
    folder = Path(os.path.abspath(Path(path).expanduser()))
    shown = str(path)
    _check_name_lengths(folder, shown=shown, option=option)
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{option} {shown}: exists and is not a folder")
    existing = next(ancestor for ancestor in [folder, *folder.parents] if ancestor.exists())
    if not existing.is_dir():
        raise ConfigError(f"{option} {shown}: {existing} is a file, not a folder")
    try:
        tempfile.TemporaryFile(dir=existing, prefix=".limitbench-write-test-").close()
    except OSError as error:
        raise ConfigError(f"{option} {shown}: cannot write in {existing} ({error.strerror or error})") from None
    return folder


def ensure_file_target(path: str | os.PathLike[str], *, option: str = "--out") -> Path:
    """A file to be written at the end (atomically): its folder must be writable now."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise ConfigError(f"{option} {path}: is a folder; give a file name")
    if target.exists() and not target.is_file():
        raise ConfigError(f"{option} {path}: exists and is not a regular file")
    ensure_folder(target.parent if str(target.parent) else Path("."), option=option)
    return target


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_STEM = 80


def file_stem(label: str) -> str:
    """A file name for ``label``, unique per label (see the module docstring)."""
    safe = _UNSAFE.sub("_", label).strip("._") or "_"
    if safe == label and len(label) <= _MAX_STEM:
        return label
    return f"{safe[:_MAX_STEM]}-{hashlib.sha256(label.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"

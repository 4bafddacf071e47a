"""Writing result files: all of them or none, and never over a source, a link or a device.

Every command that writes files goes through `write_all`: each file is first written to a
temporary file in its own folder (so the final rename is atomic on the same file system), and
only when every one of them is complete are they renamed into place. An error before the renames
removes the temporary files and leaves every target as it was.

`check_targets` refuses, with one line, an output that is one of the command's inputs (`drafting
import law.txt -o law.txt` would replace the statute with XML), two outputs naming one file, a
symbolic link (it could point anywhere, a source included) and anything that is not a regular file
(a device, a FIFO, a folder). Commands call it before doing any work, and `write_all` again.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from drafting.errors import DraftingError, InputError


def check_targets(outputs: Iterable[Path | str | None], inputs: Iterable[Path | str | None] = ()) -> None:
    """Raise a one-line DraftingError for an output that must not be written (see the module doc)."""
    targets = [Path(p) for p in outputs if p]
    sources = [Path(p) for p in inputs if p]
    seen: set[Path] = set()
    for path in targets:
        where = str(path)
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise InputError("cannot write: the folder does not exist", source=where)
        if path.is_symlink():
            raise InputError("refusing to write through a symbolic link; name the real file", source=where)
        try:
            info = path.stat()
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", source=where) from None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise InputError("cannot write: a folder has this name", source=where)
        if info is not None and not stat.S_ISREG(info.st_mode):
            raise InputError("refusing to write to a device, pipe or socket; name a regular file", source=where)
        resolved = path.resolve()
        if resolved in seen:
            raise DraftingError("two outputs name the same file", source=where)
        seen.add(resolved)
        for source in sources:
            if _same_file(path, source):
                raise InputError(f"the output would overwrite the input {source}; write to another file", source=where)


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)  # hard links, bind mounts
    except OSError:
        return False


def write_all(outputs: Sequence[tuple[Path | str, bytes]], inputs: Iterable[Path | str | None] = ()) -> None:
    """Write several files as one step: all to temporary files first, then renamed into place."""
    files = [(Path(path), data) for path, data in outputs]
    check_targets([path for path, _ in files], inputs)
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            folder = path.parent if str(path.parent) else Path(".")
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
            except OSError as exc:
                raise InputError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None
            staged.append((tmp, path))
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a result is an ordinary file
            except OSError as exc:
                raise InputError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None
        for tmp, path in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise InputError(f"cannot write: {exc.strerror or exc}", source=str(path)) from None
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)


def write_one(path: Path | str, data: bytes, inputs: Iterable[Path | str | None] = ()) -> None:
    write_all([(path, data)], inputs)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Size of the built kiosk: the folder (what a kiosk PC holds) and its tar.gz (what is copied to it).

    python -m benchmarks.package_size [dist/kiosk]

The budget is 100 MB for the folder (tests/packaging checks it). Also prints the biggest parts, which is
where to look when it grows.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk import __version__

MB = 1000 * 1000
MIB = 1024 * 1024


def size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/kiosk")
    if not (folder / "_internal").is_dir():
        sys.exit(f"{folder} is not a built kiosk: run `pyinstaller --noconfirm build.spec` first")
    total, files = size(folder), sum(1 for _ in folder.rglob("*"))
    print(f"folder  {folder}: {total / MB:.1f} MB ({total / MIB:.1f} MiB), {files} files")
    for archive in sorted(folder.parent.glob(f"kiosk-*-{__version__}-*.tar.gz")):
        print(f"tar.gz  {archive.name}: {size(archive) / MB:.1f} MB")
    parts = [p for p in (folder / "_internal").rglob("*") if p.is_file() and not p.is_symlink()]
    print("biggest files:")
    for part in sorted(parts, key=lambda p: p.stat().st_size, reverse=True)[:8]:
        print(f"  {part.stat().st_size / MB:5.1f} MB  {part.relative_to(folder)}")


if __name__ == "__main__":
    main()

"""Regenerate the Python SDK from the committed contract, or check it is up to date.

    python sdk/generate.py           # `make sdk`: rewrite sdk/python/platform_api_client
    python sdk/generate.py --check   # exit 1 and list the files a fresh generation changes

openapi-python-client writes into a temporary directory; only generated files are then
synced into the package. The hand-written layer (HANDWRITTEN below) is never touched, so
regeneration can delete and rewrite everything else freely.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.json"
SDK = ROOT / "sdk" / "python"
CONFIG = SDK / "openapi-python-client.yaml"
PACKAGE = SDK / "platform_api_client"
#: Paths inside the package that are written by hand and survive regeneration.
HANDWRITTEN = frozenset({"extras", "py.typed"})
_IGNORED = frozenset({"__pycache__", ".ruff_cache"})


def _tools_env() -> dict[str, str]:
    """The generator runs `ruff` as a post-hook: use this interpreter's (pinned) one."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def generate_into(destination: Path) -> Path:
    """Generate the package into `destination`/platform_api_client and return that path."""
    destination.mkdir(parents=True, exist_ok=True)
    output = destination / PACKAGE.name
    result = subprocess.run(  # noqa: S603 (fixed argument list)
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(CONFIG),
            "--meta",
            "none",
            "--output-path",
            str(output),
            "--fail-on-warning",
        ],
        env=_tools_env(),
        cwd=destination,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not output.is_dir():
        raise RuntimeError(f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}")
    return output


def _generated_files(package: Path) -> set[Path]:
    files = set()
    for path in package.rglob("*"):
        relative = path.relative_to(package)
        if relative.parts[0] in HANDWRITTEN or _IGNORED & set(relative.parts):
            continue
        if path.is_file():
            files.add(relative)
    return files


def stale_files(fresh: Path, committed: Path = PACKAGE) -> list[str]:
    """Generated files that differ between `fresh` and `committed`: changed, new or gone."""
    theirs, ours = _generated_files(fresh), _generated_files(committed)
    changed = {
        path
        for path in theirs & ours
        if not filecmp.cmp(fresh / path, committed / path, shallow=False)
    }
    return sorted(str(path) for path in changed | (theirs ^ ours))


def sync(fresh: Path, committed: Path = PACKAGE) -> list[str]:
    """Make the generated part of `committed` equal to `fresh`; return what changed."""
    changed = stale_files(fresh, committed)
    for relative in _generated_files(committed):
        (committed / relative).unlink()
    for relative in _generated_files(fresh):
        target = committed / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fresh / relative, target)
    for directory in sorted(committed.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        parts = directory.relative_to(committed).parts
        if parts[0] in HANDWRITTEN or _IGNORED & set(parts) or not directory.is_dir():
            continue
        if not any(directory.iterdir()):
            directory.rmdir()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="platform-sdk-") as tmp:
        fresh = generate_into(Path(tmp))
        if args.check:
            stale = stale_files(fresh)
            for path in stale:
                print(f"stale: {path}")
            if stale:
                print("The SDK differs from the spec: run `make sdk` and commit the result.")
            return 1 if stale else 0
        changed = sync(fresh)
    print(f"sdk/python/platform_api_client: {len(changed)} generated files changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

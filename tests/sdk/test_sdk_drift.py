"""The committed SDK is exactly what the generator makes from the committed contract."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.conftest import ROOT


def _generator():  # sdk/generate.py is a script, not a package
    spec = importlib.util.spec_from_file_location("sdk_generate", ROOT / "sdk" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_committed_sdk_is_what_the_spec_generates(tmp_path: Path) -> None:
    generator = _generator()
    fresh = generator.generate_into(tmp_path)
    stale = generator.stale_files(fresh)
    assert not stale, f"sdk/python is stale ({', '.join(stale[:10])}): run `make sdk` and commit"


def test_regeneration_keeps_the_handwritten_layer(tmp_path: Path) -> None:
    """`sync` rewrites generated files, drops ones the spec no longer makes, and leaves
    `extras/` alone."""
    generator = _generator()
    fresh = generator.generate_into(tmp_path / "fresh")
    package = tmp_path / "committed" / "platform_api_client"
    (package / "extras").mkdir(parents=True)
    (package / "extras" / "mine.py").write_text("KEEP = True\n")
    (package / "models").mkdir()
    (package / "models" / "gone.py").write_text("# a model the spec dropped\n")
    (package / "client.py").write_text("# edited by hand, wrongly\n")

    generator.sync(fresh, package)

    assert (package / "extras" / "mine.py").read_text() == "KEEP = True\n"
    assert not (package / "models" / "gone.py").exists()
    assert generator.stale_files(fresh, package) == []

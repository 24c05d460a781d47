"""Kernels that die while starting (a port another kernel took, in a batch)
are replaced: real kernelspecs whose first start fails, run by Jupyter."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import pytest

from rhetoric.reporting.reports import KernelStartError, start_kernel

# Exits at once, as ipykernel does when its port is taken, while the flag file
# says so; then removes the flag, so the next start runs a real kernel.
LAUNCHER = """\
import os, runpy, sys
flag = sys.argv.pop(1)
if os.path.exists(flag):
    if not flag.endswith("always"):
        os.remove(flag)
    sys.exit("zmq.error.ZMQError: Address already in use")
runpy.run_module("ipykernel_launcher", run_name="__main__")
"""


def _kernelspec(root: Path, name: str, flag: Path) -> None:
    folder = root / "kernels" / name
    folder.mkdir(parents=True)
    launcher = root / "launcher.py"
    launcher.write_text(LAUNCHER)
    argv = [sys.executable, str(launcher), str(flag), "-f", "{connection_file}"]
    (folder / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": name, "language": "python"}))
    flag.touch()


@pytest.fixture
def jupyter_path(tmp_path, monkeypatch):
    root = tmp_path / "jupyter"
    monkeypatch.setenv("JUPYTER_PATH", str(root))
    return root


def test_a_kernel_that_dies_starting_is_replaced(jupyter_path, tmp_path, caplog):
    flag = tmp_path / "fail-once"
    _kernelspec(jupyter_path, "dies-once", flag)
    with caplog.at_level(logging.WARNING, logger="rhetoric.reporting.reports"):
        km = start_kernel("dies-once", tmp_path, timeout=30)
    try:
        assert km.is_alive() and not flag.exists()
        assert [r.getMessage() for r in caplog.records if "did not start" in r.getMessage()][0].startswith(
            "kernel 'dies-once' did not start (attempt 1 of ")
    finally:
        km.shutdown_kernel(now=True)


def test_a_kernel_that_never_starts_is_a_clear_error(jupyter_path, tmp_path):
    _kernelspec(jupyter_path, "never", tmp_path / "fail-always")
    with pytest.raises(KernelStartError, match=r"no kernel 'never' could be started in 2 attempts: .*died"):
        start_kernel("never", tmp_path, timeout=30, attempts=2)

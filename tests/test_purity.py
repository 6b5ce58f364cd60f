"""The engine does no I/O: only __main__.py may touch files, the clock, the environment or stdout.

Each module of src/expressentry is parsed and searched for the calls and imports that would
read or write the outside world. Randomness must come from an injected ``random.Random``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "expressentry"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__main__.py")

FORBIDDEN_MODULES = {
    "os",
    "sys",
    "pathlib",
    "socket",
    "subprocess",
    "io",
    "shutil",
    "tempfile",
    "time",
    "urllib",
    "http",
    "requests",
    "logging",
    "importlib",
    "glob",
    "secrets",
}
FORBIDDEN_CALLS = {"open", "print", "input", "breakpoint", "exec", "eval", "__import__"}
FORBIDDEN_ATTRIBUTES = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("time", "time"),
}
# The module-level functions of `random` share hidden global state; only random.Random is allowed.
RANDOM_ALLOWED = {"Random"}


def violations(source: str) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [
                f"import {a.name}" for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and node.module:
            root = node.module.split(".")[0]
            if root in FORBIDDEN_MODULES:
                found.append(f"from {node.module} import ...")
            if root == "random":
                found += [
                    f"from random import {a.name}"
                    for a in node.names
                    if a.name not in RANDOM_ALLOWED
                ]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                found.append(f"{node.func.id}()")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            pair = (node.value.id, node.attr)
            if pair in FORBIDDEN_ATTRIBUTES:
                found.append(".".join(pair))
            if node.value.id == "random" and node.attr not in RANDOM_ALLOWED:
                found.append(f"random.{node.attr}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_pure(path: Path) -> None:
    assert violations(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "import os",
        "import os.path",
        "from pathlib import Path",
        "open('x')",
        "print(1)",
        "from datetime import date\ndate.today()",
        "datetime.now()",
        "import random\nrandom.randint(1, 2)",
        "from random import choice",
        "import sys",
        "import socket",
        "import subprocess",
        "time.time()",
    ],
)
def test_the_checker_catches(source: str) -> None:
    assert violations(source)


@pytest.mark.parametrize(
    "source",
    ["import random\nrng = random.Random(1)", "from random import Random", "import enum"],
)
def test_the_checker_allows(source: str) -> None:
    assert violations(source) == []


def test_the_checker_sees_every_module():
    assert len(MODULES) >= 8

"""No statement of src/expressentry follows a return, raise, continue or break in its block.

CPython drops such statements when it compiles a function, so coverage never counts them: a
block left behind after an early return would pass as 100% covered while it cannot run.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "expressentry"
MODULES = sorted(PACKAGE.rglob("*.py"))
_JUMPS = (ast.Return, ast.Raise, ast.Continue, ast.Break)


def unreachable(source: str) -> list[int]:
    """The line of each statement that follows a jump in the same block."""
    found: list[int] = []
    for node in ast.walk(ast.parse(source)):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            found += [
                after.lineno
                for jump, after in itertools.pairwise(block)
                if isinstance(jump, _JUMPS)
            ]
    return found


def test_the_check_finds_a_statement_after_a_return() -> None:
    source = "def f(x):\n    if x:\n        return 1\n        x += 1\n    return x\n"
    assert unreachable(source) == [4]
    assert unreachable("def f(x):\n    if x:\n        return 1\n    return x\n") == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_statement_after_a_jump(path: Path) -> None:
    assert unreachable(path.read_text(encoding="utf-8")) == []

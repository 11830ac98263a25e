"""Every size a screen scales with ``Metrics.px`` is named in game/ui/sizes.py, never a bare number:
one place to read what a size is for, and one place to change it (issue #12, point 8).

A whole count of a named size is allowed (``m.px(2 * S.TILE_PAD)``: both sides of a box); a number added
to one (``m.px(S.QUESTION_ROW + 40)``) or on its own (``m.px(12)``) is not."""

from __future__ import annotations

import ast
from pathlib import Path

import game
from game.ui import sizes as S

GAME = Path(game.__file__).parent


def _numbers(node: ast.AST) -> list[ast.Constant]:
    """The numeric literals in a px() argument that are sizes: all but the count in ``k * S.NAME``."""
    counts = set()
    for n in ast.walk(node):
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mult):
            for side, other in ((n.left, n.right), (n.right, n.left)):
                if (
                    isinstance(side, ast.Constant)
                    and type(side.value) is int
                    and not isinstance(other, ast.Constant)
                ):
                    counts.add(id(side))
    return [
        n
        for n in ast.walk(node)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, int | float)
        and not isinstance(n.value, bool)
        and id(n) not in counts
    ]


def _is_px(call: ast.Call) -> bool:
    f = call.func
    return (isinstance(f, ast.Attribute) and f.attr == "px") or (isinstance(f, ast.Name) and f.id == "px")


def _files():
    return sorted(GAME.rglob("*.py"))


def test_no_bare_numbers_in_px():
    bare = []
    for path in _files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _is_px(node) and node.args:
                if _numbers(node.args[0]):
                    bare.append(f"{path.relative_to(GAME.parent)}:{node.lineno}: {ast.unparse(node)}")
    assert not bare, "name these sizes in game/ui/sizes.py:\n" + "\n".join(bare)


def test_the_check_sees_bare_numbers():
    def found(src):
        return bool(_numbers(ast.parse(src, mode="eval").body.args[0]))

    assert found("m.px(12)") and found("m.px(0)") and found("ctx.m.px(1.5)")
    assert (
        found("m.px(S.QUESTION_ROW + 40)") and found("m.px(6 if focused else 3)") and found("m.px(64 + 12)")
    )
    assert not found("m.px(S.GAP)") and not found("m.px(2 * S.TILE_PAD)") and not found("m.px(S.A + S.B)")


def test_every_named_size_is_used():
    names = [n for n in vars(S) if n.isupper()]
    used = {
        node.attr
        for path in _files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "S"
    }
    # A size used only to define another (PROMPT_ROW = QUESTION_ROW + 40) counts as used.
    tree = ast.parse((GAME / "ui" / "sizes.py").read_text(encoding="utf-8"))
    used |= {
        n.id
        for a in tree.body
        if isinstance(a, ast.Assign)
        for n in ast.walk(a.value)
        if isinstance(n, ast.Name)
    }
    unused = [n for n in names if n not in used]
    assert not unused, f"named sizes nothing uses: {unused}"

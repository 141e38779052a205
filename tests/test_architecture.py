"""The layout the code promises in docs/ARCHITECTURE.md: kinds in one registry, no import cycle in
interview/, small modules, and the answer widgets known before the engine loads."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.interview.kinds import KINDS

SRC = Path(__file__).resolve().parents[1] / "src" / "nianbao"
INTERVIEW = SRC / "interview"
KIND_MODULES = INTERVIEW / "kinds"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every nianbao module a file imports, at the top, inside functions or under TYPE_CHECKING."""
    found: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("nianbao.")}


@pytest.mark.parametrize("package", [INTERVIEW, SRC], ids=["interview", "src"])
def test_no_import_cycle_counting_imports_inside_functions(package):
    modules = {_module_name(p): p for p in package.rglob("*.py")}
    graph = {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}
    # A package's __init__ is what importing "pkg.sub" runs first: importing a submodule imports it.
    for name in list(graph):
        for target in list(graph[name]):
            parent = target.rsplit(".", 1)[0]
            if parent in modules and parent != name and not name.startswith(parent + "."):
                graph[name].add(parent)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_the_layer_contracts_hold():
    """pyproject.toml's import-linter contracts: the layers, and Textual only in the TUI."""
    lint = Path(sys.executable).parent / ("lint-imports.exe" if sys.platform == "win32" else "lint-imports")
    result = subprocess.run([str(lint)], capture_output=True, text=True, cwd=SRC.parents[1], timeout=120)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_no_module_in_src_is_over_400_lines():
    long = {p.relative_to(SRC).as_posix(): n for p in SRC.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    # Textual's DataTable(cursor_type="row") is not the answer kind "row".
    textual_words = {id(k.value) for k in ast.walk(tree) if isinstance(k, ast.keyword) and k.arg == "cursor_type"}
    skip = docstrings | textual_words
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip}


def test_each_kind_name_is_written_in_its_own_module_only():
    """Among the code that asks questions (interview/, tui/): elsewhere "year" or "text" are the
    names of other things (a JSON key, an output format)."""
    where: dict[str, list[str]] = {name: [] for name in KINDS}
    for path in [*INTERVIEW.rglob("*.py"), *(SRC / "tui").rglob("*.py")]:
        constants = _string_constants(path)
        for name in KINDS:
            if name in constants:
                where[name].append(path.relative_to(SRC).as_posix())
    for name, kind in KINDS.items():
        # From the module's name, not its __file__: CI tests an installed copy, not src/.
        own = Path(*type(kind).__module__.split(".")[1:]).with_suffix(".py").as_posix()
        assert where[name] == [own], (name, where[name])


def test_every_kind_module_is_registered():
    modules = {p.stem for p in KIND_MODULES.glob("*.py")} - {"__init__", "base", "options", "phrases", "totals"}
    registered = {type(kind).__module__.rsplit(".", 1)[-1] for kind in KINDS.values()}
    assert modules == registered


def test_the_opening_and_the_kinds_load_without_pydantic_or_the_engine():
    code = (
        "import sys, nianbao.interview.opening as o, nianbao.interview.kinds as k;"
        "o.read_opening();"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('pydantic', 'textual')"
        " or m in ('nianbao.report.model', 'nianbao.interview.engine', 'nianbao.interview.spec',"
        " 'nianbao.interview.parse', 'nianbao.report.labels')];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_every_kind_declares_a_known_widget():
    from nianbao.interview.kinds import AREA, BUTTONS, LINE

    assert {kind.widget for kind in KINDS.values()} <= {LINE, AREA, BUTTONS}
    assert all(kind.name == name for name, kind in KINDS.items())

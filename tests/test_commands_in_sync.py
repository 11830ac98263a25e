"""The README's two commands are the ones .ci/run and the GitHub workflow run, and both install the
tested versions: a change to one place that forgets the others fails here."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
WORKFLOW = ROOT / ".github" / "workflows" / "tests.yml"


def blocks(section: str, language: str) -> list[str]:
    """The code blocks of one language in a README section, one command each."""
    start = README.index(f"## {section}\n")
    end = README.find("\n## ", start + 1)
    text = README[start : end if end != -1 else len(README)]
    return [b.strip() for b in re.findall(rf"```{language}\n(.*?)```", text, re.S)]


def steps() -> list[dict]:
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return flow["jobs"]["test"]["steps"]


def test_the_readme_gives_play_and_test_for_linux_macos_and_windows():
    for section in ("Play it", "Run the tests"):
        sh, ps = blocks(section, "sh"), blocks(section, "powershell")
        assert sh and ps
        assert all("-c constraints.txt" in c for c in sh + ps)
    assert blocks("Run the tests", "sh")[0].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command():
    command = blocks("Run the tests", "sh")[0]
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in lines


def test_the_workflow_runs_the_same_command_on_three_systems():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["jobs"]["test"]["strategy"]["matrix"]["os"] == [
        "ubuntu-latest",
        "windows-latest",
        "macos-latest",
    ]
    runs = [s.get("run", "") for s in steps()]
    assert blocks("Run the tests", "sh")[0] in runs
    windows = next(r for r in runs if "Scripts" in r)
    statements = [s.split("; if ($LASTEXITCODE)")[0].strip() for s in windows.strip().splitlines()]
    assert "; ".join(statements) == blocks("Run the tests", "powershell")[0]

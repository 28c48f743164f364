"""The README's tour runs as written, and prints what the README says it prints.

The commands are parsed from the README text itself ("$ " lines in the tour's code
blocks), run one by one with bash in an empty folder beside a link to ../shared, and every
output line the README shows must be printed by its command. `...` in a shown line stands
for any text, times and timestamps may differ, table borders are not compared. A `cat FILE`
of a file that does not exist yet creates it from the lines shown, so the README's sample
files are the test's input. `source .venv/bin/activate` is what this test does to PATH.

Run `python tests/test_readme_tour.py` to print each command's real output (to update the
README after a deliberate change).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
SHARED = ROOT.parent / "shared"
SECTION = "## A ten-minute tour"
_BORDER = re.compile(r"^[\s┏┓┗┛┡┩┢┪└┘┌┐├┤┬┴┼━─┳┻╇╈╋═╤╧╪╞╡│┃]*$")
_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")
_SPECIAL = re.compile(r"(\.\.\.|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00|in \d+(?:\.\d+)? s\b)")


@dataclass
class Step:
    """One `$ command` of the tour and the output lines the README shows for it."""

    command: str
    shown: list[str] = field(default_factory=list)


def tour_steps(text: str) -> list[Step]:
    """The `$ ` commands of the tour section, with continuation lines joined."""
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start:end if end > 0 else len(text)]
    steps: list[Step] = []
    for block in re.findall(r"```\n(.*?)```", section, re.DOTALL):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.startswith("$ "):
                command = line[2:]
                while command.endswith("\\") and i + 1 < len(lines):
                    i += 1
                    command = command[:-1] + " " + lines[i].strip()
                steps.append(Step(command))
            elif steps:
                steps[-1].shown.append(line)
            i += 1
    return steps


def _pattern(line: str) -> re.Pattern[str]:
    """A shown line as a regex: `...` is any text, times and timestamps any value, runs of
    spaces any whitespace; everything else literal."""
    parts = []
    for i, piece in enumerate(_SPECIAL.split(line.rstrip())):
        if i % 2 == 1:
            parts.append(".*" if piece == "..." else
                         r"in [0-9.]+ s" if piece.startswith("in ") else _STAMP.pattern)
        else:
            parts.append(r"\s+".join(re.escape(w) for w in re.split(r" +", piece)))
    return re.compile("".join(parts))


def checked_lines(step: Step) -> list[str]:
    """The shown lines a command's output must contain (borders, blanks and '...' skipped)."""
    return [line for line in step.shown
            if line.strip() not in ("", "...") and not _BORDER.match(line)]


def _environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CLEARANCE_") and k not in ("COLUMNS", "LINES")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["TMPDIR"] = str(tmp)
    env["COLUMNS"] = "120"
    env["CLEARANCE_HOME"] = str(tmp / "not-the-tour-home")
    return env


def run_tour(steps: list[Step], tmp: Path) -> list[tuple[Step, int, str]]:
    """Run every step in order in `tmp/work`; (step, exit code, output) for each."""
    work = tmp / "work"
    work.mkdir()
    (tmp / "shared").symlink_to(SHARED)
    env = _environment(tmp)
    done: list[tuple[Step, int, str]] = []
    for step in steps:
        command = step.command
        if command.startswith("source "):
            done.append((step, 0, ""))  # PATH already holds this interpreter's bin folder
            continue
        m = re.match(r"export (\w+)=(.*)$", command)
        if m is not None:
            value = subprocess.run(["bash", "-c", f"printf %s {m.group(2)}"], env=env,
                                   capture_output=True, text=True, check=True).stdout
            env[m.group(1)] = value
            done.append((step, 0, ""))
            continue
        words = shlex.split(command, comments=True)
        if words[:1] == ["cat"] and len(words) == 2 and not (work / words[1]).exists():
            (work / words[1]).write_text("\n".join(step.shown) + "\n", encoding="utf-8")
        proc = subprocess.run(["bash", "-c", command], cwd=work, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900)
        done.append((step, proc.returncode, proc.stdout))
    return done


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Step, int, str]]:
    return run_tour(tour_steps(README.read_text(encoding="utf-8")),
                    tmp_path_factory.mktemp("tour"))


def test_the_tour_is_parsed_from_the_readme() -> None:
    steps = tour_steps(README.read_text(encoding="utf-8"))
    commands = [s.command for s in steps]
    assert commands[0].startswith("source .venv/bin/activate")
    assert commands[1] == "export CLEARANCE_HOME=$(mktemp -d)"  # its own store, said up front
    assert any(c.startswith("clearance screen ") for c in commands)
    assert sum(len(checked_lines(s)) for s in steps) > 60


def test_a_changed_value_fails_the_comparison() -> None:
    step = Step("x", ["loaded us_ofac_sdn version 1: 13821 entities from .../sdn.csv"])
    (line,) = checked_lines(step)
    assert _pattern(line).fullmatch("loaded us_ofac_sdn version 1: 13821 entities from "
                                    "../shared/data/lists/ofac_sdn/sdn.csv")
    assert not _pattern(line).fullmatch("loaded us_ofac_sdn version 2: 13821 entities from "
                                        "../shared/data/lists/ofac_sdn/sdn.csv")


def expected_exit(step: Step) -> int:
    """0, or the status a step's shown output ends by naming ("...; exit status 3": a
    screening that skipped a malformed row says so and exits 3)."""
    found = re.search(r"exit status (\d+)$", step.shown[-1]) if step.shown else None
    return int(found.group(1)) if found else 0


def test_every_tour_command_succeeds_and_prints_what_the_readme_shows(
        tour: list[tuple[Step, int, str]]) -> None:
    problems = []
    for step, code, output in tour:
        if code != expected_exit(step):
            problems.append(f"$ {step.command}\n  exit {code}: {output[-2000:]}")
            continue
        actual = [line.rstrip() for line in output.splitlines()]
        for line in checked_lines(step):
            pattern = _pattern(line)
            if not any(pattern.fullmatch(a) for a in actual):
                problems.append(f"$ {step.command}\n  README shows: {line}\n  not printed; "
                                f"output was:\n{output[-3000:]}")
    assert problems == []


if __name__ == "__main__":  # print the real output of each step, to update the README
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for step, code, output in run_tour(tour_steps(README.read_text(encoding="utf-8")),
                                           Path(folder)):
            print(f"$ {step.command}" + (f"   [exit {code}]" if code else ""))
            print(output, end="")

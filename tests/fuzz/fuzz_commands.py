"""Fuzz `check`, `fix`, `render` and `site build` with mutated sample case files (issue 9).

Hypothesis mutates a valid sample three ways: its bytes (flips, inserts, cuts, repeated slices), its YAML
structure (a value replaced by deep lists or mappings, anchors and aliases, repeated or odd keys) and its values
(hostile strings, numbers and dates from a corpus and from Hypothesis' own text). Each mutant is written into a
small case repository beside a valid case, and the commands run in this process through ``ecoredress.cli.main``.

A run passes when every command returns an exit code (0, 1 or 2) and a Chinese message: an exception escaping
``main`` is a traceback, an alarm after ``--seconds`` is a hang, and the address-space limit set at start
(``--memory-mb``, RLIMIT_AS: it also binds pandoc) turns unbounded growth into a MemoryError. Every mutant also
leaves the valid neighbour checked. Run it as a script (its own process, so the limit binds nothing else):

    python3 tests/fuzz/fuzz_commands.py --examples 300 --heavy-every 10 --summary out.json
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import hypothesis  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ecoredress.cli import main  # noqa: E402
from ecoredress.validation.checker import load_case  # noqa: E402
from tests.conftest import case_repository  # noqa: E402

SAMPLES = sorted((ROOT / "cases").glob("*.yaml"))
SAMPLES_BY_ID = {p.stem: p for p in SAMPLES}
NEIGHBOUR = "NX-2023-001"
HOSTILE = [
    "\x00",
    "\x01\x0b\u0000",
    "\u0085",
    "\u2028",
    "\u202e",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\uffff",
    "😀" * 50,
    "<script>alert(1)</script>",
    "```{ onfocus=alert(1) }\n```",
    "{{ config }}",
    "{% raw %}",
    '=HYPERLINK("x")',
    "-1",
    "1e999999",
    "9" * 5000,
    "0x1F",
    "2024-02-30",
    "2024-13-01",
    "9999-12-31",
    "0001-01-01",
    ".nan",
    "-.inf",
    "~",
    "null",
    "yes",
    "NO",
    "&a",
    "*a",
    "!!python/object:os.system",
    "a: b",
    "- x",
    "[",
    "{",
    "'",
    '"',
    "\\",
    "\t",
    "\r\n",
    " " * 100,
    "x" * 100_000,
    "宁" * 20_000,
    "../../etc/passwd",
    "/proc/self/environ",
]
EXTREME_DATES = ["0001-01-01", "9999-12-31", "1900-02-29", "2024-02-29", "2100-01-01", "2024-02-30"]
EXTREME_NUMBERS = [
    "0",
    "-1",
    "1e99999999",
    "9" * 5000,
    "0x" + "f" * 40,
    "1e-99999",
    "0.001",
    ".inf",
    "9999999999999999",
]


class Hang(Exception):
    pass


def _alarm(*_: object) -> None:
    raise Hang


# --- mutations ---------------------------------------------------------------------------------------------


def mutate_bytes(data: bytes, rnd: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        at = rnd.randrange(len(out) + 1)
        kind = rnd.randrange(4)
        if kind == 0 and out:
            out[min(at, len(out) - 1)] = rnd.randrange(256)
        elif kind == 1:
            out[at:at] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 8)))
        elif kind == 2:
            del out[at : at + rnd.randint(1, 64)]
        else:
            piece = out[at : at + rnd.randint(1, 200)]
            out[at:at] = piece * rnd.randint(1, 50)
    return bytes(out)


def mutate_structure(text: str, rnd: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 4)):
        at = rnd.randrange(len(lines))
        line = lines[at]
        indent = line[: len(line) - len(line.lstrip(" "))]
        kind = rnd.randrange(6)
        if kind == 0 and ":" in line:  # a value replaced by deep flow nesting
            depth = rnd.choice([5, 30, 200, 3000])
            lines[at] = line.split(":", 1)[0] + ": " + "[" * depth + "1" + "]" * depth
        elif kind == 1 and ":" in line:  # deep block mappings
            depth = rnd.choice([5, 25, 120])
            lines[at : at + 1] = (
                [line.split(":", 1)[0] + ":"]
                + [indent + " " * (i + 1) + f"k{i}:" for i in range(depth)]
                + [indent + " " * (depth + 1) + "v"]
            )
        elif kind == 2 and ":" in line:  # anchors and aliases
            lines[at] = line.replace(":", ": &a", 1) if rnd.random() < 0.5 else line.split(":", 1)[0] + ": *a"
        elif kind == 3:  # a repeated or odd key
            lines.insert(
                at, indent + rnd.choice(["id", "title", "unknown", "? complex", "<<", "'quoted key'", "1"]) + ": x"
            )
        elif kind == 4:  # a block of lines repeated or moved
            block = lines[at : at + rnd.randint(1, 20)]
            lines[rnd.randrange(len(lines)) : 0] = block * rnd.randint(1, 3)
        else:  # indentation broken
            lines[at] = " " * rnd.randint(0, 9) + line.lstrip(" ")
    return "\n".join(lines)


def mutate_values(text: str, rnd: random.Random, extra: str) -> str:
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")]
    texts = [i for i in candidates if any("\u4e00" <= c <= "\u9fff" for c in lines[i].split(": ", 1)[1])]
    if texts and rnd.random() < 0.8:  # mostly free-text fields, so that most mutants stay valid cases
        candidates = texts
    for _ in range(rnd.randint(1, 3)):
        at = rnd.choice(candidates)
        key = lines[at].split(": ", 1)[0]
        value = rnd.choice([*HOSTILE, extra])
        forms = [
            json.dumps(value, ensure_ascii=rnd.random() < 0.5),
            value,
            f"'{value}'",
            f"|-\n{' ' * (len(key) + 2)}{value}",
        ]
        quoted = forms[0] if rnd.random() < 0.6 else rnd.choice(forms)  # JSON-quoted: still YAML, still a valid case
        lines[at] = f"{key}: {quoted}"
    text = "\n".join(lines)
    if rnd.random() < 0.3:  # an extreme date or number where the sample has one
        dates = list(re.finditer(r"\b\d{4}-\d{2}-\d{2}\b", text))
        if dates:
            hit = rnd.choice(dates)
            text = text[: hit.start()] + rnd.choice(EXTREME_DATES) + text[hit.end() :]
        numbers = list(re.finditer(r"(?<=: )\d+(?:\.\d+)?$", text, flags=re.M))
        if numbers:
            hit = rnd.choice(numbers)
            text = text[: hit.start()] + rnd.choice(EXTREME_NUMBERS) + text[hit.end() :]
    return text


# --- one run -----------------------------------------------------------------------------------------------


def run_command(args: list[str], seconds: int) -> tuple[str, int | None, str]:
    """('ok' | 'traceback' | 'hang' | 'memory', exit code, detail)."""
    out, err = io.StringIO(), io.StringIO()
    signal.alarm(seconds)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    except Hang:
        return "hang", None, " ".join(args)
    except MemoryError:
        return "memory", None, " ".join(args)
    except SystemExit as exc:  # argparse only: a usage error
        code = int(exc.code or 0)
    except BaseException:  # noqa: BLE001 - exactly what the fuzz looks for
        return "traceback", None, traceback.format_exc()
    finally:
        signal.alarm(0)
    if code not in (0, 1, 2):
        return "traceback", code, err.getvalue()
    if code and not any("\u4e00" <= c <= "\u9fff" for c in out.getvalue() + err.getvalue()):
        return "traceback", code, "an error without a Chinese message: " + err.getvalue()
    return "ok", code, ""


def exercise(
    repo: Path, payload: bytes, heavy_every: int, seconds: int, tally: Counter, failures: list, heavy: bool = False
) -> None:
    """check and fix on every mutant; site build and render on every ``heavy_every``-th mutant that is still a
    valid case (the hostile values then travel through projection, masking, pages, feed, CSV and documents)."""
    target = repo / "cases" / "YC-2099-001.yaml"
    target.write_bytes(payload)
    runs = [["check", "--format", "json"], ["fix", "--check"], ["fix"]]
    if load_case(target, target.name).case is not None:
        tally["valid-mutants"] += 1
        if heavy or tally["valid-mutants"] % heavy_every == 1 or heavy_every == 1:
            runs += [
                ["site", "build", "--out", str(repo.parent / "public")],
                ["render", "--to", "docx", "--out", str(repo.parent / "documents")],
            ]
    for args in runs:
        outcome, code, detail = run_command(["--project", str(repo), *args], seconds)
        tally[f"{args[0]}:{outcome}"] += 1
        tally[f"{args[0]}:exit{code}"] += 1
        if outcome != "ok":
            failures.append(
                {
                    "command": args,
                    "outcome": outcome,
                    "detail": detail[-3000:],
                    "input": payload.decode("utf-8", "replace"),
                }
            )  # whole, to replay it
    target.unlink(missing_ok=True)


def fuzz(examples: int, heavy_every: int, seconds: int, seed: int | None, minutes: float | None = None) -> dict:
    tally: Counter = Counter()
    failures: list = []
    signal.signal(signal.SIGALRM, _alarm)
    work = Path(tempfile.mkdtemp(prefix="ecoredress-fuzz-"))
    repo = case_repository(work / "repo", [NEIGHBOUR])
    os.chdir(repo)
    count = [0]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is None,
        suppress_health_check=list(HealthCheck),
    )
    # The mutation's random choices come from one drawn seed: every draw happens before the body runs, as
    # Hypothesis requires when a run is cut short by the time budget.
    @given(
        st.sampled_from(SAMPLES),
        st.sampled_from(["bytes", "structure", "values"]),
        st.integers(0, 2**32 - 1),
        st.text(max_size=40),
    )
    def one(sample: Path, how: str, choices: int, extra: str) -> None:
        rnd = random.Random(choices)
        if minutes is not None and time.monotonic() - started > minutes * 60:
            return  # the time budget is spent: let Hypothesis run out its remaining examples idle
        data = sample.read_bytes()
        if how == "bytes":
            payload = mutate_bytes(data, rnd)
        elif how == "structure":
            payload = mutate_structure(data.decode("utf-8"), rnd).encode("utf-8", "surrogatepass")
        else:
            payload = mutate_values(data.decode("utf-8"), rnd, extra).encode("utf-8", "surrogatepass")
        tally[f"mutation:{how}"] += 1
        exercise(repo, payload, heavy_every, seconds, tally, failures)
        count[0] += 1

    if seed is not None:
        one = hypothesis.seed(seed)(one)
    started = time.monotonic()  # read by one()
    try:
        # First a mutant known to stay valid, through every command: script, Markdown and personal data in the title.
        title = "宁夏虚构化工有限公司向典农河排放超标废水生态环境损害赔偿案"
        hostile = json.dumps(
            f'{title}<script>alert(1)</script>```{{ onfocus=alert(1) }}=HYPERLINK("x") 13812345678 \u202e',
            ensure_ascii=False,
        )
        exercise(
            repo,
            SAMPLES_BY_ID["YC-2023-002"].read_text(encoding="utf-8").replace(title, hostile, 1).encode("utf-8"),
            heavy_every,
            seconds,
            tally,
            failures,
            heavy=True,
        )
        tally["mutation:fixed"] += 1
        one()
    finally:
        os.chdir(ROOT)
        shutil.rmtree(work, ignore_errors=True)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "examples": count[0],
        "seconds": round(time.monotonic() - started, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "counts": dict(sorted(tally.items())),
        "failures": failures,
    }


def main_cli() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=60)
    parser.add_argument("--heavy-every", type=int, default=5, help="site build and render on every Nth valid mutant")
    parser.add_argument("--seconds", type=int, default=60, help="time limit of one command")
    parser.add_argument("--memory-mb", type=int, default=3072, help="address-space limit of this process")
    parser.add_argument("--seed", type=int, default=None, help="random exploration (default: derandomized)")
    parser.add_argument("--minutes", type=float, default=None, help="stop after this time budget")
    parser.add_argument("--summary", type=Path, default=None)
    args = parser.parse_args()
    limit = args.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    summary = fuzz(args.examples, args.heavy_every, args.seconds, args.seed, args.minutes)
    text = json.dumps(summary, ensure_ascii=False, indent=1)
    if args.summary:
        args.summary.write_text(text, encoding="utf-8")
    print(
        json.dumps({k: v for k, v in summary.items() if k != "failures"}, ensure_ascii=False),
        f"failures={len(summary['failures'])}",
    )
    for failure in summary["failures"][:5]:
        print(failure["command"], failure["outcome"], failure["detail"][-1500:], sep="\n")
    return 1 if summary["failures"] else 0


if __name__ == "__main__":
    sys.exit(main_cli())

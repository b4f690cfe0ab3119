"""`ecoredress check` on hostile case files (issue 9, Must show): time, peak memory, exit code, location.

For each hostile file (an alias bomb of nine levels of nine, a 5,000-level nested file, a 30 MB file) a copy of
the sample repository gets that file beside the 15 sample cases and one file with a syntax error, and
`python3 -m ecoredress check --format json` runs in a fresh process under `/usr/bin/time`. The yardstick is the
same run on the same repository without the hostile file, side by side. Prints a Markdown table.

    python3 bench/input/bench_input.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
HOSTILE = {
    "alias-bomb": lambda: (
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))
    ),
    "nested-5000": lambda: "id: YC-2099-001\ntitle: " + "[" * 5000 + "]" * 5000 + "\n",
    "huge-30mb": lambda: _huge(30 * MB),
}


def _huge(size: int) -> str:
    sample = (
        (ROOT / "cases" / "YC-2023-002.yaml").read_text(encoding="utf-8").replace("id: YC-2023-002", "id: YC-2099-001")
    )
    line = "  " + "执法巡查发现雨水排放口排出黄褐色废水。" * 8 + "\n"
    return sample.replace("summary: >-\n", "summary: >-\n" + line * (size // len(line.encode("utf-8"))), 1)


def repository(work: Path) -> Path:
    root = work / "repo"
    shutil.copytree(ROOT / "cases", root / "cases")
    shutil.copyfile(ROOT / "pyproject.toml", root / "pyproject.toml")
    (root / "cases" / "YC-2099-002.yaml").write_text("id: YC-2099-002\ntitle: [未闭合\n", encoding="utf-8")
    return root


def measure(root: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    command = [
        "/usr/bin/time",
        "-f",
        "%e %M",
        sys.executable,
        "-m",
        "ecoredress",
        "check",
        "--format",
        "json",
        "--as-of",
        "2026-11-29",
    ]
    run = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)
    seconds, kilobytes = run.stderr.strip().splitlines()[-1].split()
    report = json.loads(run.stdout)
    return {"code": run.returncode, "seconds": float(seconds), "mb": int(kilobytes) / 1024, "report": report}


def main() -> None:
    print(
        "| 文件 | 退出码 | 用时（秒） | 峰值内存（MiB） | 对照：无此文件（秒 / MiB） | 用时比 | 报出的位置 | 其余文件 |"
    )
    print("|---|---:|---:|---:|---|---:|---|---|")
    for name, make in HOSTILE.items():
        with tempfile.TemporaryDirectory() as work:
            root = repository(Path(work))
            yardstick = measure(root)
            (root / "cases" / "YC-2099-001.yaml").write_text(make(), encoding="utf-8")
            hostile = measure(root)
        findings = hostile["report"]["findings"]
        (error,) = [f for f in findings if f["path"] == "cases/YC-2099-001.yaml"]
        neighbour = any(f["path"] == "cases/YC-2099-002.yaml" and f["code"] == "yaml-syntax" for f in findings)
        counts = hostile["report"]["counts"]
        others = f"{counts['files']} 个文件，{counts['cases']} 个有效案件" + (
            "，相邻的语法错误已报出" if neighbour else ""
        )
        print(
            f"| {name} | {hostile['code']} | {hostile['seconds']:.2f} | {hostile['mb']:.0f} | "
            f"{yardstick['seconds']:.2f} / {yardstick['mb']:.0f} | {hostile['seconds'] / yardstick['seconds']:.2f} | "
            f"{error['line']}:{error['column']} {error['code']} | {others} |"
        )


if __name__ == "__main__":
    main()

"""What `ecoredress build` last ran on: with the same inputs on the same day and its outputs untouched since, a
second run has nothing to do and says so instead of checking, rendering and building again.

The inputs are the bytes of every file the build reads from the repository (cases, templates, site pages,
calendar, profiles, mkdocs.yml, pyproject.toml), ecoredress' own code, the options that change the output and
the date (checks and deadlines are computed as of today). The outputs are the document manifest with the size
and time of every rendered file, and the identity of the site folder (each build swaps in a new one). Anything
that cannot be read safely (a link, a special file) gives no key: the full build runs and reports it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from ecoredress.confined import read_file
from ecoredress.errors import UserError
from ecoredress.project import Project
from ecoredress.publish.workspace import code_digest, digest, folder_identity, tree_digest, write_if_changed

STAMP = Path("build") / ".ecoredress-build.json"
INPUT_FOLDERS = ("site", "calendar", "profiles")
INPUT_FILES = ("mkdocs.yml", "pyproject.toml")


@dataclass(frozen=True)
class BuildStamp:
    inputs: str
    outputs: str
    findings: str  # the check's findings as printed: they still hold, and are printed again when nothing changed


def inputs_key(project: Project, options: str, today: dt.date | None = None) -> str | None:
    try:
        folders = [project.cases_dir, project.templates_dir, *(project.root / name for name in INPUT_FOLDERS)]
        files = [project.root / name for name in INPUT_FILES]
        return digest(
            code_digest(),
            options,
            (today or dt.date.today()).isoformat(),
            *(tree_digest(folder, project.root) for folder in folders),
            *(read_file(file, project.root) if os.path.lexists(file) else b"" for file in files),
        )
    except (UserError, OSError):
        return None


def outputs_key(documents: Path, site: Path) -> str:
    """The rendered files as listed (name, size, time) and the site folder's identity: cheap, and changed by
    any deletion or edit of an output."""
    listing = []
    for folder, _, names in sorted(os.walk(documents)):
        for name in sorted(names):
            info = os.lstat(os.path.join(folder, name))
            listing.append(
                f"{os.path.relpath(os.path.join(folder, name), documents)}\0{info.st_size}\0{info.st_mtime_ns}"
            )
    return digest(*listing, json.dumps(folder_identity(site)))


def read_stamp(project: Project) -> BuildStamp | None:
    try:
        return BuildStamp(**json.loads((project.root / STAMP).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def write_stamp(project: Project, stamp: BuildStamp) -> None:
    write_if_changed(project.root / STAMP, json.dumps(asdict(stamp), ensure_ascii=False).encode("utf-8"))


def forget_stamp(project: Project) -> None:
    (project.root / STAMP).unlink(missing_ok=True)

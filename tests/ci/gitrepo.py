"""A throw-away case repository under git, for tests of commands that read git history."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import CASES, ROOT, install_cms_files

SAMPLE = CASES / "YC-2023-002.yaml"
GIT_IDENTITY = ("-c", "user.name=测试", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false")


class CaseRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.cases = root / "cases"

    @classmethod
    def create(cls, root: Path, *, all_samples: bool = False) -> CaseRepo:
        """A git repository with a pyproject.toml and the sample case (or every sample), committed."""
        repo = cls(root)
        repo.cases.mkdir(parents=True)
        (root / "pyproject.toml").write_text('[tool.ecoredress]\ncases = "cases"\n', encoding="utf-8")
        for source in sorted(CASES.glob("*.yaml")) if all_samples else [SAMPLE]:
            shutil.copy(source, repo.cases / source.name)
        repo.git("init", "-q", "-b", "main")
        repo.commit("初始案件")
        return repo

    @classmethod
    def from_project(cls, root: Path) -> CaseRepo:
        """A fresh clone, as CI gets it: every file of this project that git tracks or would track, committed;
        plus the form editor's files that the CI jobs install with `npm ci` (git-ignored)."""
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        for name in filter(None, listed.split("\0")):
            source = ROOT / name
            if source.is_file():  # a file deleted in the working tree is still listed by --cached
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, root / name)
        repo = cls(root)
        repo.git("init", "-q", "-b", "main")
        repo.commit("当前版本")
        install_cms_files(root)
        return repo

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def git(self, *args: str) -> str:
        done = subprocess.run(["git", *GIT_IDENTITY, *args], cwd=self.root, capture_output=True, text=True, check=True)
        return done.stdout

    def commit(self, message: str) -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def edit(self, name: str, *replacements: tuple[str, str]) -> None:
        path = self.cases / name
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")

    def add_copy(self, name: str, *replacements: tuple[str, str]) -> None:
        """A new case made from the sample: give it a new id (and new document numbers) via replacements."""
        shutil.copy(SAMPLE, self.cases / name)
        self.edit(name, *replacements)


# A typical pull request: a new public case (a copy of the sample with new numbers) and a corrected amount.
NEW_CASE = (
    ("id: YC-2023-002", "id: YC-2023-003"),
    ("银环赔协〔2023〕2号", "银环赔协〔2023〕3号"),
    ("银环赔〔2023〕5号", "银环赔〔2023〕6号"),
)
NEW_TOTAL = (("  total: 1272400.00", "  total: 1300000.00"), ("      amount: 86000.00", "      amount: 113600.00"))


def pull_request(repo: CaseRepo) -> str:
    """Make ``origin/main`` the current commit, then commit the typical change on a branch; returns the base."""
    assert not (repo.cases / "YC-2023-003.yaml").exists(), "pick another id for the new case"
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
    base = repo.head()
    repo.git("switch", "-q", "-c", "YC-2023-003")
    repo.add_copy("YC-2023-003.yaml", *NEW_CASE)
    repo.edit("YC-2023-002.yaml", *NEW_TOTAL)
    repo.commit("新增 YC-2023-003，更正 YC-2023-002 协议金额")
    return base

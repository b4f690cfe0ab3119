"""The case repository: its root folder and its settings (``[tool.ecoredress]`` in pyproject.toml)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecoredress.confined import check_tree, read_file
from ecoredress.errors import UserError


@dataclass(frozen=True)
class Project:
    root: Path
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def cases_dir(self) -> Path:
        folder: str = self.settings.get("cases", "cases")
        return self.root / folder

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def template_folder(self, name: str) -> Path:
        """``templates/NAME``, refused if it holds a link or a special file: Jinja's and mkdocs' loaders,
        which read it, would follow a link out of the repository."""
        folder = self.templates_dir / name
        if os.path.lexists(folder):
            check_tree(folder, self.root)
        return folder

    def setting(self, dotted: str, default: Any = None) -> Any:
        """Read a nested setting such as ``"documents.fonts"``."""
        node: Any = self.settings
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node


def find_project(start: str | Path | None = None) -> Project:
    """Walk up from ``start`` (default: cwd) to the folder whose pyproject.toml has ``[tool.ecoredress]``."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        pyproject = folder / "pyproject.toml"
        try:
            text = read_file(pyproject).decode("utf-8")
        except FileNotFoundError:
            continue
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"{pyproject}: 无法解析 TOML（{exc}）。请修正该文件的语法。") from exc
        if "ecoredress" in data.get("tool", {}):
            return Project(root=folder, settings=data["tool"]["ecoredress"])
    raise UserError(
        f"在 {here} 及其上级目录中找不到案件仓库（含 [tool.ecoredress] 的 pyproject.toml）。"
        "请在案件仓库内运行，或用 --project 指定仓库目录。"
    )

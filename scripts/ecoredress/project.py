"""The case repository: its root folder and its settings (``[tool.ecoredress]`` in pyproject.toml)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ecoredress.config_errors import describe
from ecoredress.confined import check_tree, read_file
from ecoredress.errors import UserError
from ecoredress.settings import Settings, key_place


class ProjectNotFound(UserError):
    """No folder from the start upwards has a pyproject.toml with ``[tool.ecoredress]``."""


@dataclass(frozen=True)
class Project:
    root: Path
    settings: Settings = field(default_factory=Settings)

    @property
    def cases_dir(self) -> Path:
        return self.root / self.settings.cases

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
        tool = data.get("tool")
        if isinstance(tool, dict) and "ecoredress" in tool:
            return Project(root=folder, settings=parse_settings(tool["ecoredress"], pyproject))
    raise ProjectNotFound(
        f"在 {here} 及其上级目录中找不到案件仓库（含 [tool.ecoredress] 的 pyproject.toml）。"
        "请在案件仓库内运行，或用 --project 指定仓库目录。"
    )


def parse_settings(table: Any, pyproject: Path) -> Settings:
    """``[tool.ecoredress]`` checked against the settings model: every problem named by its key, none ignored."""
    try:
        return Settings.model_validate(table)
    except ValidationError as exc:
        raise UserError(
            describe(
                exc,
                Settings,
                lambda loc: f"{pyproject} {key_place(loc)}",
                "请按 README“设置”一节改正 pyproject.toml 中的上述设置项。",
            )
        ) from None

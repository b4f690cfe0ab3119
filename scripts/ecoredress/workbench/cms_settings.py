"""Form-editor settings: ``[tool.ecoredress.cms]`` in pyproject.toml, checked key by key.

The table names the git server the form editor (Decap CMS) saves to. Every error names the key and says what
to write, because a wrong value here only shows in the browser as a failed login.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ecoredress.errors import UserError
from ecoredress.project import Project

TABLE = "[tool.ecoredress.cms]"


@dataclass(frozen=True)
class Backend:
    """What Decap CMS needs for one kind of git server."""

    api_suffix: str | None  # api_root = base_url + suffix when api_root is not set
    editorial: bool  # Decap supports its editorial workflow (changes as merge/pull requests) here
    needs_app_id: bool  # OAuth application id (PKCE login against the server itself)
    needs_base_url: bool


BACKENDS = {
    "gitlab": Backend("/api/v4", editorial=True, needs_app_id=True, needs_base_url=False),
    # GitHub logs in through an OAuth proxy the department runs (base_url); api_root only for GitHub Enterprise.
    "github": Backend(None, editorial=True, needs_app_id=False, needs_base_url=True),
    "gitea": Backend("/api/v1", editorial=False, needs_app_id=True, needs_base_url=True),
    "forgejo": Backend("/api/v1", editorial=True, needs_app_id=True, needs_base_url=True),
}
_REPO = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)+$")
_BRANCH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")
_APP_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


@dataclass(frozen=True)
class CmsSettings:
    backend: str
    repo: str
    branch: str
    base_url: str | None
    api_root: str | None
    app_id: str | None
    auth_type: str | None
    editorial_workflow: bool

    def backend_config(self) -> dict[str, Any]:
        """The ``backend`` block of Decap's configuration."""
        config: dict[str, Any] = {"name": self.backend, "repo": self.repo, "branch": self.branch}
        for key in ("base_url", "api_root", "app_id", "auth_type"):
            if getattr(self, key):
                config[key] = getattr(self, key)
        if self.backend == "gitlab":  # Decap reads GitLab's GraphQL endpoint from gitlab.com unless told
            config["use_graphql"] = False
        return config

    def origins(self) -> list[str]:
        """The servers the editor's page talks to (its Content Security Policy allows exactly these)."""
        urls = [self.api_root or ("https://api.github.com" if self.backend == "github" else None), self.base_url]
        return sorted({origin(u) for u in urls if u})


def cms_settings(project: Project) -> CmsSettings | None:
    """The checked settings, or None when the repository has no ``[tool.ecoredress.cms]`` table (the form
    editor then works only on this PC, through ``ecoredress cms serve``). Keys and types are checked with the
    settings (ecoredress/settings.py); here, the values against each server's needs."""
    table = project.settings.cms
    if table is None:
        return None
    backend = table.backend
    kind = BACKENDS[backend]
    repo = _text(table.repo, "repo", _REPO, "仓库路径，如 ecology/cases（GitLab 可含子组：dept/ecology/cases）")
    if backend != "gitlab" and repo.count("/") != 1:
        raise UserError(f"pyproject.toml {TABLE} repo 的值“{repo}”应为“所有者/仓库名”两段，如 ecology/cases。")
    base_url = _url(table.base_url, "base_url", required=kind.needs_base_url, why=_BASE_URL_WHY[backend])
    api_root = _url(table.api_root, "api_root") or (
        base_url + kind.api_suffix if base_url and kind.api_suffix else None
    )
    app_id = _optional_text(
        table.app_id, "app_id", _APP_ID, "在 git 服务器上登记的 OAuth 应用的 Application ID", kind.needs_app_id
    )
    if table.auth_type is not None and backend != "gitlab":
        raise UserError(f"pyproject.toml {TABLE} auth_type 只用于 gitlab 后端，{backend} 后端不使用。请删除该键。")
    editorial = kind.editorial if table.editorial_workflow is None else table.editorial_workflow
    if editorial and not kind.editorial:
        raise UserError(
            f"pyproject.toml {TABLE} editorial_workflow = true：Decap CMS 的 {backend} 后端不支持编辑工作流（合并请求）"
            "。请删除该键或写 false（保存即提交到分支），或改用 forgejo、gitlab、github 后端。"
        )
    branch = _optional_text(table.branch, "branch", _BRANCH, "分支名，如 main") or "main"
    return CmsSettings(
        backend,
        repo,
        branch,
        base_url,
        api_root,
        app_id,
        table.auth_type or ("pkce" if backend == "gitlab" else None),
        editorial,
    )


_BASE_URL_WHY = {
    "gitlab": "自建 GitLab 的地址，如 https://gitlab.example.gov.cn（不写则为 gitlab.com）",
    "github": "登录用的 OAuth 代理地址（GitHub 后端须由部门部署 OAuth 代理）",
    "gitea": "Gitea 服务器地址，如 https://git.example.gov.cn",
    "forgejo": "Forgejo 服务器地址，如 https://git.example.gov.cn",
}


def _text(value: str, key: str, pattern: re.Pattern[str], what: str) -> str:
    if not pattern.match(value):
        raise UserError(f"pyproject.toml {TABLE} {key} 的值“{value}”无效。应为{what}。")
    return value


def _optional_text(
    value: str | None, key: str, pattern: re.Pattern[str], what: str, required: bool = False
) -> str | None:
    if value is None:
        if required:
            raise UserError(f"pyproject.toml {TABLE} 缺少 {key}：{what}。")
        return None
    return _text(value, key, pattern, what)


def _url(value: str | None, key: str, required: bool = False, why: str = "服务器地址") -> str | None:
    if value is None:
        if required:
            raise UserError(f"pyproject.toml {TABLE} 缺少 {key}：{why}。")
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # "http://[::1" and the like
        host = None
    if (
        not host
        or parts.scheme not in ("https", "http")
        or parts.username
        or parts.password
        or parts.query
        or parts.fragment
    ):
        raise UserError(
            f"pyproject.toml {TABLE} {key} 的值“{value}”不是有效的网址。请写 https:// 开头、"
            "不含用户名和查询参数的地址，如 https://git.example.gov.cn。"
        )
    return value.rstrip("/")


def origin(url: str) -> str:
    """scheme://host:port of a URL: what a Content Security Policy names."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"

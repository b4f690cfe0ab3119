"""The case repository's settings: ``[tool.ecoredress]`` in pyproject.toml, as a typed model checked once.

Every table forbids keys it does not know, so a misspelt key is an error naming it rather than a setting
silently left at its default. Values are checked for type and range here; what depends on other files (a
profile's name, a font's presence) is checked where that file is read.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator

TABLE = "[tool.ecoredress]"
TABLES = ("site", "documents", "limits", "cms", "region", "departments")  # each written as [tool.ecoredress.NAME]

Text = Annotated[str, Field(strict=True, min_length=1, max_length=500)]
Flag = Annotated[bool, Field(strict=True)]
FontPreset = Literal["government", "free"]
Engine = Literal["mkdocs", "zensical"]
# Ceilings of the input limits (loading/guarded.py): a raised limit stays within what a build machine bears.
CEILING_FILE_MB = 8
CEILING_DEPTH = 100
CEILING_VALUES = 200_000


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SiteSettings(_Table):
    """``[tool.ecoredress.site]``: the public portal and who publishes it (open data, feed, about page)."""

    publisher: Text | None = None  # None: the region's department
    contact: Text = "生态环境损害赔偿工作联系电话见“关于”页"
    licence: Text = "CC-BY-4.0"
    licence_title: Text = "知识共享署名 4.0 国际许可协议"
    url: Annotated[str, Field(strict=True, max_length=500)] = ""  # the portal's public address, ending in "/"
    engine: Engine = "zensical"  # why: README, 信息公开网站

    @field_validator("url")
    @classmethod
    def _address(cls, url: str) -> str:
        url = url.strip()
        if url and not url.startswith(("https://", "http://")):
            raise ValueError("应为网站的完整地址，如 https://example.gov.cn/ecoredress/")
        return url.rstrip("/") + "/" if url else ""


def _preset_name(value: Any) -> Any:
    # A font setting is a preset name, or a table {preset = "...", body = "...", ...} overriding single roles.
    return {"preset": value} if isinstance(value, str) else value


class FontTable(_Table):
    preset: FontPreset = "free"
    title: Text | None = None
    body: Text | None = None
    heading1: Text | None = None
    heading2: Text | None = None
    latin: Text | None = None
    page_number: Text | None = None
    fallback: Text | None = None
    title_bold: Flag | None = None


Fonts = Annotated[FontTable, BeforeValidator(_preset_name)]


class DocumentsSettings(_Table):
    """``[tool.ecoredress.documents]``: where legal documents go and which fonts they use."""

    out: Text = "build/documents"
    docx_fonts: Fonts = FontTable(preset="government")  # the docx is edited and printed on government PCs
    pdf_fonts: Fonts = FontTable(preset="free")  # the PDF is compiled here: these fonts must be installed
    font_dirs: tuple[Text, ...] = Field(default=("fonts",), max_length=50)


class LimitsSettings(_Table):
    """``[tool.ecoredress.limits]``: how large one repository YAML file may be (None: the default)."""

    max_file_mb: Annotated[float, Field(strict=True, gt=0, le=CEILING_FILE_MB)] | None = None
    max_depth: Annotated[int, Field(strict=True, gt=0, le=CEILING_DEPTH)] | None = None
    max_values: Annotated[int, Field(strict=True, gt=0, le=CEILING_VALUES)] | None = None


class CmsTable(_Table):
    """``[tool.ecoredress.cms]``: the git server the form editor saves to (workbench/cms_settings.py checks the
    values against each other and against each server's needs)."""

    backend: Literal["gitlab", "github", "gitea", "forgejo"]
    repo: Text
    branch: Text | None = None
    base_url: Text | None = None
    api_root: Text | None = None
    app_id: Text | None = None
    auth_type: Literal["pkce", "implicit"] | None = None
    editorial_workflow: Flag | None = None


def _latin_name(text: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9-]{0,40}", text):
        raise ValueError("应为小写拼音字母开头、由小写字母、数字和连字符组成的名称（不超过 41 个字符），如 ningxia")
    return text


class RegionSettings(_Table):
    """``[tool.ecoredress.region]``: the region the repository serves, as public titles and new cases name it."""

    name: Text = "宁夏"  # in titles: 宁夏生态环境损害赔偿信息公开
    department: Text = "宁夏回族自治区生态环境厅"  # lead department of a new regional case; default publisher
    code: Annotated[str, Field(strict=True), AfterValidator(_latin_name)] = "ningxia"  # open data package name


def _one_line(text: str) -> str:
    # A particular of a party is one line of a court filing: a line break or control character would break it.
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in text):
        raise ValueError("应为一行文字，不能含换行符或控制字符")
    if not text.strip():
        raise ValueError("不能为空")
    return text.strip()


Line = Annotated[str, Field(strict=True, min_length=1, max_length=200), AfterValidator(_one_line)]


class DepartmentSettings(_Table):
    """``[tool.ecoredress.departments."名称"]``: a designated department or body as its court filings name it,
    keyed by its name as the cases record it. 民事诉讼法第一百二十四条第一项: a complaint states an organisation's
    名称、住所和法定代表人或者主要负责人的姓名、职务、联系方式; the applications name the applicant alike. Not case
    data: many cases share a department, and its head changes without any case changing."""

    full_name: Line | None = Field(None, title="全称")  # when the cases record a short form (…管委会)
    address: Line | None = Field(None, title="住所")
    head: Line | None = Field(None, title="主要负责人姓名")
    head_title: Line | None = Field(None, title="主要负责人职务")
    phone: Line | None = Field(None, title="联系电话")


DepartmentName = Annotated[str, Field(strict=True, min_length=2, max_length=100), AfterValidator(_one_line)]


class Settings(_Table):
    """``[tool.ecoredress]``."""

    profile: Text = "ningxia-2024"  # the rule profile: shipped name, profiles/NAME.yaml, or a YAML path
    cases: Text = "cases"
    annual_report_month: Annotated[int, Field(strict=True, ge=1, le=12)] | None = None  # None: the profile's
    jobs: Annotated[int, Field(strict=True, ge=1)] | None = None  # processes reading the case files; None: one per CPU
    site: SiteSettings = SiteSettings()
    documents: DocumentsSettings = DocumentsSettings()
    limits: LimitsSettings = LimitsSettings()
    cms: CmsTable | None = None  # None: the form editor works on this PC only (ecoredress cms serve)
    region: RegionSettings = RegionSettings()
    departments: dict[DepartmentName, DepartmentSettings] = Field(default_factory=dict)


def key_place(loc: tuple[str | int, ...]) -> str:
    """``("site", "engine")`` → ``[tool.ecoredress.site] engine``: where the key is written in pyproject.toml."""
    parts = [str(p) if isinstance(p, str) else f"[{p}]" for p in loc]
    if len(parts) > 2 and parts[0] == "departments":  # one table per department, its name quoted as TOML has it
        name = json.dumps(parts[1] if len(parts[1]) <= 40 else parts[1][:39] + "…", ensure_ascii=False)
        if parts[2:] == ["[key]"]:  # the name itself is at fault
            return f"[tool.ecoredress.departments.{name}] 部门名称"
        return f"[tool.ecoredress.departments.{name}] " + ".".join(parts[2:]).replace(".[", "[")
    if len(parts) > 1 and parts[0] in TABLES:
        return f"[tool.ecoredress.{parts[0]}] " + ".".join(parts[1:]).replace(".[", "[")
    return f"{TABLE} " + ".".join(parts).replace(".[", "[")

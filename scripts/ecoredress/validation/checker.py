"""Validate case files: parse, schema, then every registered cross-check and regulation rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ecoredress.confined import RefusedFile
from ecoredress.loading.discovery import SCREENING_DIR
from ecoredress.loading.guarded import DEFAULT_LIMITS, InputRejected, Limits, limits_from
from ecoredress.loading.sourcemap import SourceMap
from ecoredress.loading.yamlio import load_data, read_text
from ecoredress.model import Case
from ecoredress.model.screening import ScreeningLog
from ecoredress.regulation import rules
from ecoredress.regulation.asof import case_as_of
from ecoredress.regulation.calendar import load_calendar
from ecoredress.regulation.findings import Finding, Severity, error
from ecoredress.regulation.profile import project_profile
from ecoredress.regulation.rules import registry as rule_registry
from ecoredress.regulation.rules.registry import CaseCheck, CaseContext
from ecoredress.regulation.screening import known_screening_ids
from ecoredress.settings import DepartmentSettings
from ecoredress.validation import (  # noqa: F401 - their checks register on import
    consistency,
    doc_numbers,
    filing_particulars,
    person_names,
)
from ecoredress.validation.analogy import in_time
from ecoredress.validation.schema_errors import schema_findings

if TYPE_CHECKING:
    from ecoredress.project import Project
    from ecoredress.regulation.calendar import Calendar
    from ecoredress.regulation.profile import Profile


def registered_checks() -> list[CaseCheck]:
    """The rules of every article and the cross-checks of this package."""
    rules.register_all()
    return rule_registry.registered_checks()


def run_checks(ctx: CaseContext) -> list[Finding]:
    """Every registered check on one case, each finding judged by the instrument in force on its fact's date."""
    return [in_time(f, ctx.profile) for check in registered_checks() for f in check(ctx)]


@dataclass
class CheckedFile:
    path: Path
    display: str
    case: Case | None
    findings: list[Finding] = field(default_factory=list)
    sources: SourceMap | None = None
    text: str | None = None  # the file as read, to place findings (dropped once every finding is placed)
    case_id: str | None = None  # the valid case's number, kept when the case itself is not (check_files)


@dataclass
class Report:
    files: list[CheckedFile]

    @property
    def findings(self) -> list[Finding]:
        return [f for checked in self.files for f in checked.findings]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def valid(self) -> bool:
        return self.count(Severity.ERROR) == 0

    @property
    def cases(self) -> list[Case]:
        return [c.case for c in self.files if c.case is not None]

    @property
    def case_count(self) -> int:
        """How many files hold a valid case (their cases may not be kept: check_files)."""
        return sum(1 for c in self.files if c.case_id is not None)


def display_path(path: Path, base: Path) -> str:
    try:  # the file's own name, not a link's target: a refused link is reported where it is
        return (path.absolute().parent.resolve() / path.name).relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_case(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> CheckedFile:
    """Parse and schema-validate one case file. Findings are located; the case is None if invalid."""
    checked, value = _load_model(path, display, Case, "案件", limits)
    checked.case = value  # type: ignore[assignment]
    checked.case_id = checked.case.id if checked.case is not None else None
    return checked


def check_screening_log(path: Path, display: str, limits: Limits = DEFAULT_LIMITS) -> CheckedFile:
    """Parse and schema-validate one quarterly screening log (第九条); it holds no case."""
    return _load_model(path, display, ScreeningLog, "季度筛查记录", limits)[0]


def _load_model(
    path: Path, display: str, model: type[BaseModel], what: str, limits: Limits
) -> tuple[CheckedFile, BaseModel | None]:
    try:
        text = read_text(path, limits)
        data = load_data(text, limits)
    except InputRejected as exc:  # over a limit, or an alias, a foreign tag, a control character
        return CheckedFile(path, display, None, [error(exc.code, str(exc)).placed(display, exc.line, exc.column)]), None
    except RefusedFile as exc:
        return CheckedFile(path, display, None, [error("not-a-regular-file", str(exc)).placed(display, 1, 1)]), None
    except UnicodeDecodeError as exc:
        return CheckedFile(
            path,
            display,
            None,
            [error("encoding", f"文件不是 UTF-8 编码（第 {exc.start} 字节）。请用 UTF-8 另存。").placed(display, 1, 1)],
        ), None
    except YAMLError as exc:
        return CheckedFile(path, display, None, [syntax_finding(exc, display)]), None
    if not isinstance(data, dict):
        message = f"文件内容不是{what}（应为“键: 值”结构的映射）。请参照同类文件的写法。"
        return CheckedFile(path, display, None, [error("not-a-case", message).placed(display, 1, 1)]), None
    checked = CheckedFile(path, display, None, sources=SourceMap(text), text=text)
    try:
        return checked, model.model_validate(data)
    except ValidationError as exc:
        checked.findings = [_place(f, checked.sources, display) for f in schema_findings(exc, model)]
        return checked, None


@dataclass(frozen=True)
class CheckRun:
    """What checking one file needs besides the file (picklable: each worker process gets a copy)."""

    base: Path
    as_of: dt.date
    past: bool  # as_of was asked for: the rules see each case as it stood on that day
    profile: Profile
    calendar: Calendar
    # The screening ids (第九条) of each case folder with a screening folder, keyed by the folder as the paths
    # name it: a few ids per log, read once here rather than once per case.
    screening: Mapping[Path, frozenset[str]]
    limits: Limits = DEFAULT_LIMITS
    departments: Mapping[str, DepartmentSettings] = field(default_factory=dict)  # [tool.ecoredress.departments]


def check_run(as_of: dt.date | None, base: Path, project: Project, paths: Iterable[Path]) -> CheckRun:
    """The rule profile, calendar and limits of ``project`` for checking the case files ``paths``, shown relative
    to ``base``, with the screening ids of the logs beside them (read under those limits)."""
    limits = limits_from(project)
    beside = ((folder, known_screening_ids(folder / SCREENING_DIR, limits)) for folder in {p.parent for p in paths})
    return CheckRun(
        base,
        as_of or dt.date.today(),
        as_of is not None,
        project_profile(project),
        load_calendar(project.root),
        {folder: ids for folder, ids in beside if ids is not None},
        limits,
        project.settings.departments,
    )


def check_file(path: Path, run: CheckRun) -> CheckedFile:
    """Parse, schema-validate and check one case file, its findings placed, in the order they are reported.

    Checks across files (a case number used twice) are the caller's: the file's text is kept to place them.
    With ``run.past`` the rules see the case as it stood on ``run.as_of`` (``case_as_of``): a step taken later
    was still open then. Otherwise today and the whole file (a fact dated after today is an error)."""
    checked = load_case(path, display_path(path, run.base), run.limits)
    case = checked.case
    if case is not None:
        located: list[Finding] = list(_file_level(checked, case))
        view = case_as_of(case, run.as_of, run.profile, run.calendar) if run.past else None
        if not run.past or view is not None:  # a case whose clue came later did not exist on that day
            context = CaseContext(
                view.case if view else case,
                checked.path,
                run.as_of,
                run.profile,
                run.calendar,
                run.screening.get(checked.path.parent),
                run.departments,
            )
            located.extend(replace(f, loc=view.original_loc(f.loc)) if view else f for f in run_checks(context))
        checked.findings.extend(_place(f, checked.sources, checked.display, checked.text) for f in located)
    checked.sources = None  # positions are resolved; the node graph is neither kept nor sent between processes
    if case is None:
        checked.text = None
    return checked


def _file_level(checked: CheckedFile, case: Case) -> Iterable[Finding]:
    if checked.path.stem != case.id:
        yield error(
            "filename-mismatch",
            f"文件名 {checked.path.name} 与案件编号 {case.id} 不一致。请将文件改名为 {case.id}{checked.path.suffix}，"
            "或改正编号。",
            ("id",),
        )


def duplicate_id(case_id: str, first: str) -> Finding:
    return error(
        "duplicate-id",
        f"案件编号 {case_id} 已在 {first} 中使用。每个案件编号只能使用一次，请改用 ecoredress new 生成的新编号。",
        ("id",),
    )


def place(finding: Finding, checked: CheckedFile) -> Finding:
    """``finding`` at its line and column in the file of ``checked`` (found in its text, kept for this)."""
    sources = checked.sources or (SourceMap(checked.text) if checked.text is not None else None)
    return _place(finding, sources, checked.display, checked.text)


def _place(finding: Finding, sources: SourceMap | None, display: str, text: str | None = None) -> Finding:
    if sources is None:
        return finding.placed(display, 1, 1)
    line, column = sources.locate_key(finding.loc) if finding.key else sources.locate(finding.loc)
    if finding.excerpt and text is not None:
        line, column = within_value(text, line, column, *finding.excerpt)
    return finding.placed(display, line, column)


def within_value(text: str, line: int, column: int, excerpt: str, offset: int) -> tuple[int, int]:
    """Line and column of ``excerpt``, found ``offset`` characters into the value that starts at ``line``:``column``.

    The file is searched from the value's start, no further than the value could reach written out with quotes,
    escapes or line breaks; if the excerpt is not there as typed (a name folded across two lines), the value's
    own position is the answer."""
    start = 0
    for _ in range(line - 1):  # YAML breaks lines at \n only
        start = text.index("\n", start) + 1
    start += column - 1
    found = text.find(excerpt, start + offset, start + 2 * (offset + len(excerpt)) + 80)
    if found < 0:
        return line, column
    before = text[:found]
    return before.count("\n") + 1, found - (before.rfind("\n") + 1) + 1


def syntax_finding(exc: YAMLError, display: str) -> Finding:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem if isinstance(exc, MarkedYAMLError) and exc.problem else str(exc).splitlines()[0]
    phrase = _first_match(_SYNTAX_PHRASES, problem) or problem
    hint = _first_match(_SYNTAX_HINTS, problem) or "请检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对。"
    return error("yaml-syntax", f"YAML 语法错误：{phrase}。{hint}").placed(display, line, column)


def _first_match(table: dict[str, str], problem: str) -> str | None:
    return next((text for key, text in table.items() if key in problem), None)


_SYNTAX_PHRASES = {
    "mapping values are not allowed": "此处不能出现“键: 值”",
    "could not find expected ':'": "缺少冒号“:”",
    "found character that cannot start any token": "出现了不能作为开头的字符",
    "found a tab character that violates indentation": "缩进中使用了 Tab",
    "did not find expected key": "未找到预期的键",
    "did not find expected '-' indicator": "列表项缺少“- ”",
    "found unexpected end of stream": "文件意外结束",
    "duplicate key": "键重复",
    "did not find expected node content": "缺少值，或“[”“{”没有闭合",
    "expected <block end>": "缩进层级不一致",
    "while scanning a quoted scalar": "引号没有成对",
    "while parsing a flow": "“[”或“{”没有闭合",
    "special characters are not allowed": "含有不允许的控制字符",
    "invalid Unicode character": "转义写法不是有效的字符",
}
_SYNTAX_HINTS = {
    "mapping values are not allowed": "通常是值中含有“: ”却没有加引号，或上一行缩进不对。请给该值加引号或调整缩进。",
    "could not find expected ':'": "请在键后加英文冒号和空格，如 title: 某案件。",
    "tab": "YAML 只能用空格缩进，请把 Tab 换成空格。",
    "did not find expected key": "请检查本行与上一行的缩进是否对齐。",
    "duplicate key": "同一层级中每个键只能出现一次，请删除或合并重复的键。",
    "special characters are not allowed": "除制表符和换行外，案件文件中不能有控制字符。请删除该字符。",
    "invalid Unicode character": "请删除该转义，直接写出要写的文字。",
}

"""Quarterly clue screening (第九条): the logs in ``cases/screening/*.yaml`` and the compliance check
of at least one screening per quarter per rights-holder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError
from ruamel.yaml.error import YAMLError

from ecoredress.errors import UserError
from ecoredress.loading.discovery import SCREENING_DIR
from ecoredress.loading.guarded import Limits, limits_from
from ecoredress.loading.yamlio import load_data, read_text
from ecoredress.model.enums import HOLDER_CODES, RightsHolder
from ecoredress.model.screening import Screening, ScreeningLog
from ecoredress.regulation.profile import Profile

if TYPE_CHECKING:
    from ecoredress.project import Project


@dataclass(frozen=True)
class QuarterStatus:
    holder: RightsHolder
    year: int
    quarter: int
    count: int
    required: int
    due: dt.date  # last day of the quarter
    article: str

    @property
    def compliant(self) -> bool:
        return self.count >= self.required


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> dt.date:
    return dt.date(year, 12, 31) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def project_logs(project: Project) -> list[ScreeningLog]:
    """The valid screening logs of ``project`` (``cases/screening/``), read under its limits."""
    return load_logs(project.cases_dir / SCREENING_DIR, limits_from(project))


def load_logs(folder: Path, limits: Limits) -> list[ScreeningLog]:
    """The valid screening logs of ``folder`` under the project's ``limits``. A broken log is skipped here:
    `ecoredress check` reports it with its line and column, and `ecoredress screening` refuses to judge
    compliance until it is fixed. Read again whenever a log changes (a preview server runs for hours)."""
    folder = folder.resolve()
    files = [] if not folder.is_dir() else sorted(folder.glob("*.yaml"))
    seen = tuple((p.name, s.st_mtime_ns, s.st_size) for p in files for s in [p.lstat()])
    return list(_load_logs(folder, seen, limits))


@lru_cache(maxsize=4)
def _load_logs(folder: Path, seen: tuple[tuple[str, int, int], ...], limits: Limits) -> tuple[ScreeningLog, ...]:
    logs = []
    for name, _, _ in seen:
        try:
            logs.append(ScreeningLog.model_validate(load_data(read_text(folder / name, limits), limits)))
        except (
            YAMLError,
            ValidationError,
            UnicodeDecodeError,
            UserError,
        ):  # UserError: a link, a limit, a control character
            continue
    return tuple(logs)


def known_screening_ids(folder: Path, limits: Limits) -> frozenset[str] | None:
    """The ids of the valid screening logs of ``folder`` under the project's ``limits``, or None when there is no
    such folder (then a case's screening_ref has nothing to be checked against)."""
    if not folder.is_dir():
        return None
    return frozenset(s.id for log in load_logs(folder, limits) for s in log.screenings)


def records(logs: list[ScreeningLog]) -> list[tuple[RightsHolder, Screening]]:
    rows = [(log.rights_holder, s) for log in logs for s in log.screenings]
    return sorted(rows, key=lambda r: (list(RightsHolder).index(r[0]), r[1].screened_on, r[1].id))


def compliance(logs: list[ScreeningLog], profile: Profile, years: list[int], as_of: dt.date) -> list[QuarterStatus]:
    """Every finished quarter (ended on or before ``as_of``) of ``years`` for every rights-holder."""
    counts: dict[tuple[RightsHolder, int, int], int] = {}
    for holder, s in records(logs):
        key = (holder, s.screened_on.year, quarter_of(s.screened_on))
        counts[key] = counts.get(key, 0) + 1
    out = []
    for holder in RightsHolder:
        for year in years:
            for q in range(1, 5):
                end = quarter_end(year, q)
                if end > as_of:
                    continue
                param = profile.param("screening.min_per_quarter")
                out.append(
                    QuarterStatus(
                        holder, year, q, counts.get((holder, year, q), 0), param.at(end), end, param.article(end)
                    )
                )
    return out


def id_problems(logs: list[ScreeningLog]) -> list[str]:
    """Ids that do not match their rights-holder and date (权利人代码-年份-Q季度)."""
    problems = []
    for log in logs:
        code = HOLDER_CODES[log.rights_holder]
        for s in log.screenings:
            expected = f"{code}-{s.screened_on.year}-Q{quarter_of(s.screened_on)}"
            if not s.id.startswith(expected):
                problems.append(
                    f"{log.rights_holder} {s.screened_on} 的筛查记录编号 {s.id} 与日期不符，应以 {expected} 开头"
                )
    return problems

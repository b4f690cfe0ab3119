"""What a change makes public or withdraws: the published projection at a git ref against the working tree.

Both sides go through ``publish.projection.publish_case``, the same projection the portal publishes, so the
reviewer sees exactly what the public would see (第三十三条), never a private or internal field.
"""

from __future__ import annotations

import subprocess
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml.error import YAMLError

from ecoredress.confined import RefusedFile
from ecoredress.errors import UserError
from ecoredress.loading.discovery import CASE_SUFFIXES, discover_case_files, is_screening_log
from ecoredress.loading.guarded import InputRejected
from ecoredress.loading.yamlio import load_data, read_text
from ecoredress.model import Case
from ecoredress.publish.projection import PublishedCase, PublishedDocument, publish_case

# Derived from the fields compared below (dates and amounts); listing them again would double every change.
DERIVED_FIELDS = frozenset({"timeline", "articles", "updated_on", "documents"})
Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldChange:
    path: Path_
    label: str
    old: Any
    new: Any

    @property
    def is_amount(self) -> bool:
        return isinstance(self.old, Decimal) or isinstance(self.new, Decimal)


@dataclass
class DisclosureDiff:
    base: str
    published: list[PublishedCase] = field(default_factory=list)
    withdrawn: list[PublishedCase] = field(default_factory=list)
    changed: dict[str, tuple[PublishedCase, list[FieldChange]]] = field(default_factory=dict)
    new_documents: list[tuple[str, PublishedDocument]] = field(default_factory=list)
    withdrawn_documents: list[tuple[str, PublishedDocument]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.published or self.withdrawn or self.changed or self.new_documents or self.withdrawn_documents)


def disclosure_diff(root: Path, cases_dir: Path, base: str) -> DisclosureDiff:
    """Compare the public projection of the cases at git ref ``base`` with the cases in the working tree."""
    diff = DisclosureDiff(base)
    before = _publish(_cases_at_ref(root, cases_dir, base), diff.unreadable, f"{base}:")
    after = _publish(_cases_in_tree(root, cases_dir, diff.unreadable), diff.unreadable, "")
    for case_id in sorted(before.keys() | after.keys()):
        old, new = before.get(case_id), after.get(case_id)
        if old is None and new is not None:
            diff.published.append(new)
        elif new is None and old is not None:
            diff.withdrawn.append(old)
        elif old is not None and new is not None:
            changes = field_changes(old, new)
            if changes:
                diff.changed[case_id] = (new, changes)
        added, removed = document_changes(old.documents if old else [], new.documents if new else [])
        diff.new_documents += [(case_id, d) for d in added]
        diff.withdrawn_documents += [(case_id, d) for d in removed]
    return diff


def document_changes(
    old: list[PublishedDocument], new: list[PublishedDocument]
) -> tuple[list[PublishedDocument], list[PublishedDocument]]:
    """The public documents ``new`` adds and those it withdraws. A document is known by its kind, 文号 and date:
    several may have no 文号 (an agreement signed without one), and they must neither collide nor be unsortable."""

    def key(doc: PublishedDocument) -> tuple[str, str, str]:
        return (doc.kind, doc.doc_no or "", doc.issued_on.isoformat())

    before, after = {key(d): d for d in old}, {key(d): d for d in new}
    added = [after[k] for k in sorted(after.keys() - before.keys())]
    return added, [before[k] for k in sorted(before.keys() - after.keys())]


def field_changes(old: PublishedCase, new: PublishedCase) -> list[FieldChange]:
    """Every public value that differs, as dotted paths with Chinese labels; amounts first."""
    before = dict(_flatten(old.model_dump(exclude=DERIVED_FIELDS)))
    after = dict(_flatten(new.model_dump(exclude=DERIVED_FIELDS)))
    paths = list(dict.fromkeys([*before, *after]))  # model field order, stable
    changes = [
        FieldChange(p, field_label(PublishedCase, p), before.get(p), after.get(p))
        for p in paths
        if before.get(p) != after.get(p)
    ]
    return sorted(changes, key=lambda c: not c.is_amount)  # stable sort keeps field order within each group


def field_label(model: type[BaseModel], path: Path_) -> str:
    """Chinese label of a path, from the field titles of the public model: 赔偿协议 › 赔偿总额（元）."""
    parts: list[str] = []
    current: Any = model
    for part in path:
        if isinstance(part, int):
            parts[-1] += f"第 {part + 1} 项"
            continue
        info = current.model_fields.get(part) if _is_model(current) else None
        if info is None:
            parts.append(part)
            current = None
            continue
        parts.append(info.title or part)
        current = _nested_model(info.annotation)
    return " › ".join(parts)


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if _is_model(annotation):
        return annotation  # type: ignore[no-any-return]
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


def _flatten(value: Any, path: Path_ = ()) -> typing.Iterator[tuple[Path_, Any]]:
    """Leaves of dumped data. Lists of plain values stay whole (disclosure items); lists of records are indexed."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, (*path, key))
    elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
        for index, item in enumerate(value):
            yield from _flatten(item, (*path, index))
    else:
        yield path, tuple(value) if isinstance(value, list) else value


def _publish(sources: dict[str, str], unreadable: list[str], prefix: str) -> dict[str, PublishedCase]:
    published: dict[str, PublishedCase] = {}
    for name, text in sorted(sources.items()):
        try:
            case = Case.model_validate(load_data(text))
        except (
            YAMLError,
            ValidationError,
            InputRejected,
        ):  # InputRejected: over a limit, an alias, a control character
            unreadable.append(f"{prefix}{name}")
            continue
        projection = publish_case(case)
        if projection is not None:
            published[projection.id] = projection
    return published


def _cases_in_tree(root: Path, cases_dir: Path, unreadable: list[str]) -> dict[str, str]:
    if not cases_dir.is_dir():
        return {}
    texts = {}
    for path in discover_case_files([cases_dir]):
        name = path.relative_to(root).as_posix()
        try:
            texts[name] = read_text(path)
        except (RefusedFile, InputRejected, UnicodeDecodeError):  # a link, a special file, a file over the size limit
            unreadable.append(name)
    return texts


def _cases_at_ref(root: Path, cases_dir: Path, ref: str) -> dict[str, str]:
    rel = cases_dir.resolve().relative_to(root.resolve()).as_posix()
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", what=ref)
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", ref, "--", rel, what=ref)
    names = [n for n in listing.split("\0") if n and _is_case_path(PurePosixPath(n))]
    return {name: _git(root, "show", f"{ref}:{name}", what=ref) for name in names}


def _is_case_path(path: PurePosixPath) -> bool:
    return path.suffix in CASE_SUFFIXES and not is_screening_log(path)


def _git(root: Path, *args: str, what: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise UserError("找不到 git 命令。请先安装 git。") from exc
    if done.returncode != 0:
        raise UserError(
            f"无法读取 git 版本 {what}（{done.stderr.decode('utf-8', 'replace').strip() or 'git 返回错误'}）。"
            "请确认仓库目录是 git 仓库、该分支或提交存在；在 CI 中请先 git fetch 基准分支（如 origin/main）。"
        )
    return done.stdout.decode("utf-8", "replace")  # a badly encoded case is reported as unreadable, not a crash

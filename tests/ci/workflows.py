"""Read the CI definitions and run their shell steps the way the runners do, in a test repository."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.ci.gitrepo import CaseRepo
from tests.conftest import ROOT

GITHUB_WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
GITHUB_ACTIONS = sorted((ROOT / ".github" / "actions").glob("*/action.yml"))  # local composite actions
GITLAB_CI = ROOT / ".gitlab-ci.yml"
GITLAB_RESERVED = frozenset(
    {
        "stages",
        "variables",
        "workflow",
        "default",
        "include",
        "image",
        "services",
        "cache",
        "before_script",
        "after_script",
    }
)
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
# `ecoredress` as a command: at the start of a line, after a pipe/xargs/`&&`/`||`, or inside $( ).
ECOREDRESS_COMMAND = re.compile(r"(?:^|[|;&(!]|\bxargs\b[^|\n]*?)\s*ecoredress\s+((?:site\s+)?[a-z-]+)", re.MULTILINE)


def load_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


CI_SCRIPT = re.compile(r"\.github/scripts/[\w.-]+\.sh")


def ecoredress_commands(script: str) -> list[str]:
    """The ecoredress subcommands a shell script runs (``check``, ``render``, ``site build``…), looking
    into the repository's CI helper scripts it calls."""
    called = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in CI_SCRIPT.findall(script))
    return [" ".join(m.split()) for m in ECOREDRESS_COMMAND.findall(f"{script}\n{called}")]


def resolve(text: str, context: dict[str, str]) -> str:
    """Substitute GitHub expressions; one the test does not know fails loudly instead of running blind."""

    def value(match: re.Match[str]) -> str:
        assert match.group(1) in context, f"unknown expression in workflow: {match.group(0)}"
        return context[match.group(1)]

    return EXPRESSION.sub(value, str(text))


@dataclass
class Step:
    source: str  # file and job, for messages
    name: str
    script: str
    env: dict[str, str]


@dataclass
class Ran:
    step: Step
    code: int
    out: str
    err: str


@dataclass
class PipelineRun:
    """The steps run in one copy of the project (a module of its own: built_once pickles it)."""

    repo: CaseRepo
    ran: list[Ran] = field(default_factory=list)
    summary: Path | None = None

    def step(self, name: str) -> Ran:
        (found,) = [r for r in self.ran if r.step.name == name]
        return found


def github_steps(path: Path, context: dict[str, str]) -> list[Step]:
    """Every `run` step of every job, with workflow, job and step env merged and expressions resolved."""
    workflow = load_yaml(path)
    steps = []
    for job_id, job in workflow["jobs"].items():
        base_env = {**workflow.get("env", {}), **job.get("env", {})}
        env_context = {**context, **{f"env.{k}": str(v) for k, v in base_env.items()}}
        for step in job.get("steps", []):
            if "run" in step:
                env = {k: resolve(v, env_context) for k, v in {**base_env, **step.get("env", {})}.items()}
                steps.append(Step(f"{path.name}:{job_id}", step.get("name", step.get("id", "")), step["run"], env))
    return steps


def action_steps(path: Path) -> list[Step]:
    """The `run` steps of a local composite action (set-up only: they take no expressions)."""
    steps = load_yaml(path)["runs"]["steps"]
    return [Step(f"{path.parent.name}/{path.name}", s["name"], s["run"], {}) for s in steps if "run" in s]


def gitlab_jobs(path: Path = GITLAB_CI) -> dict[str, dict[str, Any]]:
    config = load_yaml(path)
    return {name: job for name, job in config.items() if name not in GITLAB_RESERVED and not name.startswith(".")}


def gitlab_steps(variables: dict[str, str], path: Path = GITLAB_CI) -> list[Step]:
    """The `script` of every job in stage order (before_script installs and is left to .ci/install)."""
    config = load_yaml(path)
    stages = config["stages"]
    env = {k: _expand(str(v), variables) for k, v in config.get("variables", {}).items()}
    jobs = sorted(gitlab_jobs(path).items(), key=lambda item: stages.index(item[1]["stage"]))
    return [Step(f"{path.name}:{name}", name, "\n".join(job["script"]), {**variables, **env}) for name, job in jobs]


def gitlab_pipeline(variables: dict[str, str], path: Path = GITLAB_CI) -> list[Step]:
    """The steps of the pipeline GitLab starts for ``variables``: the jobs whose rules select them, in stage order."""
    config = load_yaml(path)
    assert _selected(config["workflow"]["rules"], variables), f"no pipeline for {variables}"
    return [s for s in gitlab_steps(variables, path) if _selected(_rules(config, s.name), variables)]


def _rules(config: dict[str, Any], name: str) -> list[dict[str, str]] | None:
    """A job's rules: its own, else those of the last template it extends that has rules (later `extends` win)."""
    job = config[name]
    if "rules" in job:
        return list(job["rules"])
    extends = job.get("extends", [])
    for template in reversed([extends] if isinstance(extends, str) else extends):
        if (rules := _rules(config, template)) is not None:
            return rules
    return None


# The `if:` forms this project's rules use; any other form fails the test instead of being guessed at.
RULE = re.compile(r'\$(\w+) == (?:"([^"]*)"|\$(\w+))')


def _selected(rules: list[dict[str, str]] | None, variables: dict[str, str]) -> bool:
    """GitLab's reading: no rules, the job runs; else the first rule whose `if` holds decides (an unset variable
    is null)."""
    if rules is None:
        return True
    for rule in rules:
        assert set(rule) == {"if"}, f"rule not understood by these tests: {rule}"
        match = RULE.fullmatch(rule["if"].strip())
        assert match, f"rule not understood by these tests: {rule['if']}"
        name, text, other = match.groups()
        if variables.get(name) == (text if other is None else variables.get(other)):
            return True
    return False


def _expand(value: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$(\w+)", lambda m: variables.get(m.group(1), m.group(0)), value)


def run_step(step: Step, cwd: Path, extra_env: dict[str, str] | None = None) -> Ran:
    """Run a step as the runners' bash does (-e -o pipefail), with the project's installed ecoredress."""
    env = {**os.environ, **step.env, **(extra_env or {})}
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Ran(step, done.returncode, done.stdout, done.stderr)

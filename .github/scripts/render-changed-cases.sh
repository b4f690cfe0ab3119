#!/usr/bin/env bash
# Render the documents of the case files a change touches, for reviewers to read before merging.
# Usage: render-changed-cases.sh BASE_REF OUT_DIR   (run from the repository root)
# Used by .github/workflows/review.yml and .gitlab-ci.yml; tested by tests/ci/test_workflows.py.
set -euo pipefail
base=$1
out=$2
mkdir -p "$out"

list=$(mktemp)
errors=$(mktemp)
trap 'rm -f "$list" "$errors"' EXIT
git diff -z --name-only --diff-filter=d "$base...HEAD" -- 'cases/*.yaml' 'cases/*.yml' ':!*/screening/*' >"$list"
mapfile -d '' changed <"$list"
if [ "${#changed[@]}" -eq 0 ]; then
  echo "本次修改没有改动案件文件，不生成文书。"
  exit 0
fi

if ! ecoredress render --out "$out" "${changed[@]}" 2>"$errors"; then
  cat "$errors" >&2
  # A case just created with `ecoredress new` calls for no document yet: render says so (exit 2).
  # Any other failure (bad template, missing CJK font...) fails the job.
  grep -q "没有需要生成的文书" "$errors" || exit 1
  echo "改动的案件尚未进行到出具文书的环节，不生成文书。"
  exit 0
fi
cat "$errors" >&2

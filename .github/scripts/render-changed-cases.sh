#!/usr/bin/env bash
# Render the documents of the case files a change touches, for reviewers to read before merging.
# Usage: render-changed-cases.sh BASE_REF OUT_DIR   (run from the repository root)
# Used by .github/workflows/review.yml and .gitlab-ci.yml; tested by tests/ci/test_workflows.py.
set -euo pipefail
base=$1
out=$2
mkdir -p "$out"

list=$(mktemp)
trap 'rm -f "$list"' EXIT
git diff -z --name-only --diff-filter=d "$base...HEAD" -- 'cases/*.yaml' 'cases/*.yml' ':!*/screening/*' >"$list"
mapfile -d '' changed <"$list"
if [ "${#changed[@]}" -eq 0 ]; then
  echo "本次修改没有改动案件文件，不生成文书。"
  exit 0
fi

# A case that calls for no document yet (just created with `ecoredress new`) exits 0 with a note.
ecoredress render --out "$out" "${changed[@]}"

"""`ecoredress check` on the sample cases reports exactly the findings expected, and each sample is
in the stage its story says. Written down here so a change in a rule or a sample shows up."""

from __future__ import annotations

import json

from ecoredress.regulation.lifecycle import derive_stage

AS_OF = "2026-11-29"

# (file, code, line): the deliberate flaws in the samples are WZ-2023-001's late extension notice
# (the 30-working-day term ended 2023-05-10, with 清明 and 劳动节 2023 holidays and the 4-23/5-6 调休
# working days; the extension was notified on 2023-05-15) and YC-2025-001's disclosure deferred while a
# criminal trial runs, which is no lawful ground to withhold the agreement and the restoration effect (第三十三条), and
# ZW-2025-001's public-interest clue sent by 中卫市 departments to 中宁县人民检察院, a county procuratorate, where
# 第二十六条第二款 has it notified to the 同级 one (中卫市人民检察院): the referral letter cites the article alone.
EXPECTED_FINDINGS = [
    ("cases/WZ-2023-001.yaml", "art14-extension-notice-late", 52),
    ("cases/ZW-2025-001.yaml", "art26-referral-not-same-level", 168),
    ("cases/YC-2025-001.yaml", "art33-not-disclosed", 127),
    ("cases/YC-2025-001.yaml", "art33-not-disclosed", 127),
]

EXPECTED_STAGES = {
    "GY-2024-001": "结案",  # failed evaluation → rectification → passed
    "GY-2025-001": "结案",  # simplified 综合认定
    "NX-2023-001": "结案",
    "NX-2025-001": "修复",  # regional, major case, restoration under way
    # failed consultation → lawsuit → judgment → enforcement ended with 128.6万 of 281.45万 (终结本次执行):
    # the debt stands, so the case waits in enforcement for property to be found
    "SZS-2022-001": "强制执行",
    "SZS-2026-001": "索赔磋商",
    "WZ-2023-001": "结案",  # instalments
    "WZ-2024-001": "结案",  # simplified assessment + simplified consultation
    "YC-2023-002": "结案",
    "YC-2024-001": "结案",  # deep soil could not reach the target: restoration ended with approval (第二十五条)
    "YC-2025-001": "结案",
    "YC-2026-001": "鉴定评估",
    "ZW-2022-001": "结案",  # 替代修复, phased performance
    "ZW-2024-001": "终止索赔",  # 第十二条
    "ZW-2025-001": "协议履行",  # instalments still running
}


def test_check_reports_exactly_the_expected_findings(cli):
    result = cli("check", "cases", "--as-of", AS_OF, "--format", "json")
    payload = json.loads(result.out)
    found = sorted((f["path"], f["code"], f["line"]) for f in payload["findings"])
    assert found == sorted(EXPECTED_FINDINGS)
    assert result.code == 0  # warnings only
    late, agreement, effect, referral = payload["findings"]
    assert referral["article"] == "第二十六条第二款" and "同级检察机关（中卫市人民检察院）" in referral["message"]
    assert late["article"] == "第十四条第二款" and "2023-05-10" in late["message"]
    assert "赔偿协议签署于 2025-08-21，至 2026-11-29 已 465 日" in agreement["message"]
    assert "首次修复效果评估于 2026-04-22，至 2026-11-29 已 221 日" in effect["message"]


def test_samples_are_in_their_expected_stage(sample_cases):
    assert {c.id: str(derive_stage(c)) for c in sample_cases} == EXPECTED_STAGES

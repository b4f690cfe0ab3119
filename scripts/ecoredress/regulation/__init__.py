"""Regulation as code: the rule profile, the working-day calendar, the procedure rules, the lifecycle and deadlines
of 宁环规发〔2024〕4号 (and any later profile)."""

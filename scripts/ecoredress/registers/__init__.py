"""Registers and reports the regulation requires: the major-case ledger (第十一条), quarterly screening
records (第九条) and the annual work report data (第三十五条)."""

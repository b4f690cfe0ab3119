"""Horizontal bar charts drawn at build time as inline SVG: readable without JavaScript, no external library.

Labels are escaped by the Jinja autoescaping of the template that embeds the chart.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ecoredress.publish.figures import Series

ROW_HEIGHT, BAR_HEIGHT, LABEL_WIDTH, BAR_WIDTH, VALUE_WIDTH = 28, 18, 150, 380, 110


def bars(series: Series) -> dict[str, object]:
    """Geometry of one chart for templates/site/chart.svg.j2 (sizes in px, viewBox scales to the column)."""
    peak = max((value for _, value in series.rows), default=Decimal("0")) or Decimal("1")
    rows = [
        {
            "y": index * ROW_HEIGHT,
            "label": label,
            "width": round(float(value / peak) * BAR_WIDTH, 1),
            "value": format_number(value),
        }
        for index, (label, value) in enumerate(series.rows)
    ]
    return {
        "rows": rows,
        "height": max(len(rows), 1) * ROW_HEIGHT,
        "width": LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "unit": series.unit,
    }


def format_number(value: Decimal) -> str:
    """Thousands separators; at most two decimals, trailing zeros dropped (12.50 → 12.5, 3.00 → 3)."""
    text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text

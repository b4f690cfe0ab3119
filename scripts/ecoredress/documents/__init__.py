"""Legal documents: Jinja2 templates → Markdown → docx (GB/T 9704 reference doc) and pdf (typst)."""

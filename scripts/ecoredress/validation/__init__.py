"""Validation: schema errors and cross-checks become located, article-cited findings."""

"""ecoredress: cases as code for eco-environmental damage compensation (Ningxia 2024 regulation)."""

from importlib.metadata import version

__version__ = version("ecoredress")  # the one version source is pyproject.toml, read from the installed metadata

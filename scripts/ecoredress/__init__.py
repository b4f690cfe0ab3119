"""ecoredress: cases as code for eco-environmental damage compensation (Ningxia 2024 regulation)."""

__version__ = "0.1.0"

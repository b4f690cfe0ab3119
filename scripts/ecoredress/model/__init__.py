"""The case model (pydantic v2). Field names are English; titles and descriptions are Chinese."""

from ecoredress.model.case import Case
from ecoredress.model.outcome import Punitive
from ecoredress.model.types import INTERNAL, PRIVATE

__all__ = ["Case", "Punitive", "PRIVATE", "INTERNAL"]

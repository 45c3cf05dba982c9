"""The solution catalogue's tables, one module per sub-domain."""

from ikone.solutions.models.adoption import Adoption
from ikone.solutions.models.choices import (
    AdoptionStatus,
    AdoptionVisibility,
    Effort,
    Licence,
    ModelProjectCategory,
    ReviewState,
    SizeClass,
    SolutionStatus,
)
from ikone.solutions.models.citations import SectionCitation
from ikone.solutions.models.model_projects import ModelProject
from ikone.solutions.models.open_data import CatalogueExportSettings, OpenDataLicence
from ikone.solutions.models.peers import InterestProfile, Peer
from ikone.solutions.models.solution import ReviewEntry, Solution, SolutionDocument

__all__ = [
    "Adoption",
    "AdoptionStatus",
    "AdoptionVisibility",
    "CatalogueExportSettings",
    "Effort",
    "InterestProfile",
    "Licence",
    "ModelProject",
    "ModelProjectCategory",
    "OpenDataLicence",
    "Peer",
    "ReviewEntry",
    "ReviewState",
    "SectionCitation",
    "SizeClass",
    "Solution",
    "SolutionDocument",
    "SolutionStatus",
]

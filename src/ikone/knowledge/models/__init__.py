"""The knowledge app's models: the CMS pages (`pages`), the knowledge base's
articles (`articles`) and what hangs off them."""

from ikone.knowledge.models.articles import (
    ArticleAttachment,
    ArticleKind,
    ArticleLink,
    ArticlePage,
    ArticleReview,
    ArticleVisibility,
    ExperienceReportPage,
    GuidePage,
    KnowledgeIndexPage,
    RecommendationPage,
    TemplatePage,
    TipPage,
)
from ikone.knowledge.models.pages import ContentPage, FooterRole, HomePage, StandardPage

__all__ = [
    "ArticleAttachment",
    "ArticleKind",
    "ArticleLink",
    "ArticlePage",
    "ArticleReview",
    "ArticleVisibility",
    "ContentPage",
    "ExperienceReportPage",
    "FooterRole",
    "GuidePage",
    "HomePage",
    "KnowledgeIndexPage",
    "RecommendationPage",
    "StandardPage",
    "TemplatePage",
    "TipPage",
]

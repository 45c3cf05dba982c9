"""Factories for solution profiles and adoptions."""

import factory

from ikone.core.text import fold
from ikone.solutions.models import Adoption, ReviewState, Solution, SolutionStatus
from tests.accounts.factories import OrganizationFactory


class SolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Solution
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Lösung {n}")
    slug = factory.Sequence(lambda n: f"loesung-{n}")
    summary = "Eine übertragbare Lösung"
    status = SolutionStatus.PILOT
    review_state = ReviewState.PUBLISHED
    search_text = factory.LazyAttribute(lambda s: fold(s.title))

    @factory.post_generation
    def organizations(self, create, extracted, **kwargs):
        if create:
            self.organizations.set(extracted or [OrganizationFactory()])


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adoption

    solution = factory.SubFactory(SolutionFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = "operating"

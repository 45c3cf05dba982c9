"""How a draft addresses each evaluation criterion of its call."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

SCORE_CHOICES = [
    (0, _("0 – nicht erfüllt")),
    (1, _("1 – ansatzweise")),
    (2, _("2 – weitgehend")),
    (3, _("3 – vollständig")),
]


class CriterionAssessment(models.Model):
    """One row of the criteria matrix: the sections that address the
    criterion and the organisation's self-assessment (mentors' views are
    `MentorAssessment`s, one per mentor)."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    criterion = models.ForeignKey(
        "calls.EvaluationCriterion",
        verbose_name=_("Bewertungskriterium"),
        # Editing the call never deletes an organisation's work: an item in
        # use is retired instead (ikone.calls.items).
        on_delete=models.PROTECT,
        related_name="+",
    )
    sections = models.ManyToManyField(
        "applications.DraftSection",
        verbose_name=_("Abschnitte, die das Kriterium behandeln"),
        blank=True,
        related_name="assessments",
    )
    self_score = models.PositiveSmallIntegerField(
        _("Selbsteinschätzung"),
        choices=SCORE_CHOICES,
        null=True,
        blank=True,
        validators=[MaxValueValidator(3)],
    )
    self_note = models.TextField(_("Notiz zur Selbsteinschätzung"), blank=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Kriterienbewertung")
        verbose_name_plural = _("Kriterienbewertungen")
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "criterion"], name="criterion_assessment_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(self_score__lte=3), name="criterion_self_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft} – {self.criterion}"


class MentorAssessment(models.Model):
    """One mentor's assessment (0–3) and note on one criterion of a draft.

    One row per mentor, so two mentors never overwrite each other; the
    matrix shows all of them. A mentor whose account is deleted leaves the
    row behind without a name (`mentor` null)."""

    audit_private = True  # the audit log keeps its id, not its note

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="mentor_assessments",
    )
    criterion = models.ForeignKey(
        "calls.EvaluationCriterion",
        verbose_name=_("Bewertungskriterium"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Mentor:in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    score = models.PositiveSmallIntegerField(
        _("Einschätzung der Mentor:in"),
        choices=SCORE_CHOICES,
        null=True,
        blank=True,
        validators=[MaxValueValidator(3)],
    )
    note = models.TextField(_("Notiz der Mentor:in"), blank=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Einschätzung einer Mentor:in")
        verbose_name_plural = _("Einschätzungen der Mentor:innen")
        ordering = ["draft", "criterion", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "criterion", "mentor"], name="mentor_assessment_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(score__lte=3), name="mentor_assessment_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft} – {self.criterion} ({self.mentor})"

"""Questions on a funding call, their answers, the call's FAQ.

A question cites sections of a call (`calls.CallSection`, linked by number
and anchor); so does each answer. A coordinator marks one answer as the
official interpretation and publishes the question as an FAQ entry with its
own, edited wording; every published wording is kept as a revision, and the
original question and answer stay unchanged. When a call is amended, answers
and FAQ entries citing a changed section number get `needs_review`
("Auslegung prüfen") until someone confirms or updates them.

Q2 (suggestions, search) reads `Question`, `Answer` and `FAQEntry`; their
embeddings live in Q2's own tables.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.core.model_fields import optional_link
from ikone.qa.querysets import QuestionQuerySet


class Visibility(models.TextChoices):
    PUBLIC = "public", _("öffentlich")
    NETWORK = "network", _("nur Netzwerk")
    MENTORS = "mentors", _("nur Koordination und Mentor:innen")


class QuestionStatus(models.TextChoices):
    OPEN = "open", _("offen")
    ANSWERED = "answered", _("beantwortet")
    FAQ = "faq", _("in den FAQ")


class ReviewState(models.Model):
    """The "Auslegung prüfen" flag shared by answers and FAQ entries."""

    needs_review = models.BooleanField(_("Auslegung prüfen"), default=False, db_index=True)
    review_numbers = models.JSONField(
        _("geänderte Abschnitte"),
        default=list,
        blank=True,
        help_text=_("Nummern der zitierten Abschnitte, die sich mit der neuen Fassung änderten."),
    )
    flagged_at = models.DateTimeField(_("markiert am"), null=True, blank=True)

    class Meta:
        abstract = True


class Question(models.Model):
    """A question of a municipality (or a mentor, a coordinator) on how a call is meant."""

    call = models.ForeignKey(
        "calls.Call",
        verbose_name=_("Förderaufruf"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    author = optional_link(settings.AUTH_USER_MODEL, _("gestellt von"), related_name="questions")
    organization = optional_link(
        "accounts.Organization", _("Organisation"), related_name="questions"
    )
    title = models.CharField(_("Frage in einem Satz"), max_length=200)
    text = models.TextField(_("Erläuterung"), max_length=5000)
    visibility = models.CharField(
        _("Sichtbarkeit"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        db_index=True,
    )
    show_organization = models.BooleanField(_("Organisation öffentlich nennen"), default=False)
    status = models.CharField(
        _("Status"),
        max_length=10,
        choices=QuestionStatus.choices,
        default=QuestionStatus.OPEN,
        db_index=True,
    )
    cited_sections = models.ManyToManyField(
        "calls.CallSection",
        verbose_name=_("zitierte Abschnitte"),
        blank=True,
        related_name="questions",
    )
    fields_of_action = models.ManyToManyField(
        "core.FieldOfAction",
        verbose_name=_("Handlungsfelder"),
        blank=True,
        related_name="questions",
    )
    created_at = models.DateTimeField(_("gestellt am"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    first_answer_at = models.DateTimeField(_("erste Antwort am"), null=True, blank=True)
    # first_answer_at - created_at, kept so the median can be read from an index.
    first_answer_seconds = models.PositiveIntegerField(
        _("Sekunden bis zur ersten Antwort"), null=True, blank=True, editable=False
    )
    version = models.PositiveIntegerField(_("Version"), default=1)
    # Moderation: a hidden question disappears from every surface except for
    # coordinators (accounts/visibility.py); the reason stays with it.
    hidden_at = models.DateTimeField(_("ausgeblendet am"), null=True, blank=True)
    hidden_by = optional_link(settings.AUTH_USER_MODEL, _("ausgeblendet von"))
    hidden_reason = models.TextField(_("Grund der Ausblendung"), max_length=1000, blank=True)
    # The asker asked the coordinators to remove the (answered) question.
    removal_requested_at = models.DateTimeField(
        _("Entfernung beantragt am"), null=True, blank=True
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Frage")
        verbose_name_plural = _("Fragen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["call", "status"], name="qa_question_call_status"),
            models.Index(fields=["visibility", "-created_at"], name="qa_question_vis_created"),
            models.Index(fields=["call", "first_answer_seconds"], name="qa_question_call_wait"),
            models.Index(fields=["first_answer_seconds"], name="qa_question_wait"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("qa:detail", kwargs={"pk": self.pk})


class Answer(ReviewState):
    """An answer; sanitised HTML (see `qa.sanitize`)."""

    question = models.ForeignKey(
        Question, verbose_name=_("Frage"), on_delete=models.CASCADE, related_name="answers"
    )
    author = optional_link(settings.AUTH_USER_MODEL, _("geantwortet von"), related_name="answers")
    organization = optional_link(
        "accounts.Organization", _("Organisation"), related_name="answers"
    )
    text = models.TextField(_("Antwort"))
    cited_sections = models.ManyToManyField(
        "calls.CallSection",
        verbose_name=_("zitierte Abschnitte"),
        blank=True,
        related_name="answers",
    )
    is_official = models.BooleanField(_("offizielle Auslegung"), default=False)
    created_at = models.DateTimeField(_("geantwortet am"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    version = models.PositiveIntegerField(_("Version"), default=1)

    class Meta:
        verbose_name = _("Antwort")
        verbose_name_plural = _("Antworten")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=models.Q(is_official=True),
                name="qa_answer_one_official",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question} – {self.pk}"


class QuestionFollow(models.Model):
    """A person who gets an e-mail on each new answer to the question."""

    question = models.ForeignKey(
        Question, verbose_name=_("Frage"), on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="question_follows",
    )
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("gefolgte Frage")
        verbose_name_plural = _("gefolgte Fragen")
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="qa_follow_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.question}"


class FAQEntry(ReviewState):
    """A question published to its call's FAQ with the official answer, in
    wording edited for publication. Every wording is also a FAQRevision."""

    question = models.OneToOneField(
        Question, verbose_name=_("Frage"), on_delete=models.CASCADE, related_name="faq_entry"
    )
    call = models.ForeignKey(
        "calls.Call",
        verbose_name=_("Förderaufruf"),
        on_delete=models.PROTECT,
        related_name="faq_entries",
    )
    section = optional_link(
        "calls.CallSection",
        _("Abschnitt"),
        related_name="faq_entries",
        help_text=_("Unter diesem Abschnitt erscheint der Eintrag in den FAQ."),
    )
    official_answer = models.ForeignKey(
        Answer,
        verbose_name=_("offizielle Antwort"),
        on_delete=models.PROTECT,
        related_name="faq_entries",
    )
    title = models.CharField(_("Frage (veröffentlichte Fassung)"), max_length=200)
    question_text = models.TextField(_("Erläuterung (veröffentlichte Fassung)"), blank=True)
    answer_text = models.TextField(_("Antwort (veröffentlichte Fassung)"))
    is_published = models.BooleanField(_("veröffentlicht"), default=True, db_index=True)
    published_at = models.DateTimeField(_("veröffentlicht am"))
    published_by = optional_link(settings.AUTH_USER_MODEL, _("veröffentlicht von"))
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    version = models.PositiveIntegerField(_("Version"), default=1)

    class Meta:
        verbose_name = _("FAQ-Eintrag")
        verbose_name_plural = _("FAQ-Einträge")
        ordering = ["call", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """The entry on its call's FAQ page, which everyone may open (the
        question page may be network-only; the FAQ page links to it for
        those who may see it)."""
        return f"{reverse('calls:faq', kwargs={'slug': self.call.slug})}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"faq-{self.pk}"


class FAQRevision(models.Model):
    """One published wording of an FAQ entry, never changed."""

    entry = models.ForeignKey(
        FAQEntry, verbose_name=_("FAQ-Eintrag"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("Fassung"))
    title = models.CharField(_("Frage"), max_length=200)
    question_text = models.TextField(_("Erläuterung"), blank=True)
    answer_text = models.TextField(_("Antwort"))
    note = models.CharField(_("Anmerkung"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("gespeichert am"), auto_now_add=True)
    created_by = optional_link(settings.AUTH_USER_MODEL, _("gespeichert von"))

    class Meta:
        verbose_name = _("FAQ-Fassung")
        verbose_name_plural = _("FAQ-Fassungen")
        ordering = ["entry", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="qa_faq_revision_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.entry} ({self.number})"


class SynonymGroup(models.Model):
    """Words and phrases that mean the same when someone asks a question
    ("Fördertopf, Fördervolumen"). Coordinators keep the thesaurus in the
    admin; the interpretation help searches all of a group's expressions
    when a question uses one of them (qa/retrieval/understanding.py)."""

    expressions = models.TextField(
        _("Ausdrücke"),
        help_text=_(
            "Wörter oder Wendungen mit gleicher Bedeutung, durch Komma getrennt, "
            "z. B. „Fördertopf, Fördervolumen, Gesamtbudget“."
        ),
    )
    note = models.CharField(_("Hinweis"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("Geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Synonymgruppe")
        verbose_name_plural = _("Thesaurus der Interpretationshilfe")
        ordering = ["expressions"]

    def __str__(self) -> str:
        return self.expressions[:80]

    def expression_list(self) -> list[str]:
        return [part.strip() for part in self.expressions.split(",") if part.strip()]

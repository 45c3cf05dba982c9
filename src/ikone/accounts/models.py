"""People, organisations, roles within organisations, and network membership."""

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ikone.accounts.querysets import NetworkMembershipQuerySet
from ikone.core.datetimes import berlin_date, format_date


class UserManager(DjangoUserManager["User"]):
    """E-mail is the login; there is no username."""

    use_in_migrations = True

    def _create_user_object(self, username, email, password, **extra_fields):  # type: ignore[override]
        email = self.normalize_email(email or username)
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        return user

    def create_user(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        user = self._create_user_object(None, email, password, **extra_fields)
        user.save(using=self._db)
        return user

    def create_superuser(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person. Coordinator and mentor are global roles; roles within an
    organisation live in Membership."""

    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    name = models.CharField(_("Name"), max_length=150, blank=True)
    job_title = models.CharField(_("Funktion"), max_length=150, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    is_coordinator = models.BooleanField(_("Netzwerkkoordination"), default=False)
    is_mentor = models.BooleanField(_("Mentor:in / Expert:in"), default=False)
    # E-mails are rendered in this language (core.mail.language_of); the web
    # pages follow the language the person picks in the header instead.
    language = models.CharField(
        _("Sprache der E-Mails"), max_length=8, choices=settings.LANGUAGES, default="de"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["name", "email"]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name or self.email

    @property
    def requires_mfa(self) -> bool:
        """Coordinators and administrators must use a second factor."""
        return self.is_coordinator or self.is_superuser


class OrganizationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeinde / Stadt")
    ASSOCIATION = "association", _("Verbandsgemeinde / Gemeindeverband")
    DISTRICT = "district", _("Landkreis")
    CITY = "city", _("Kreisfreie Stadt")
    COOPERATION = "cooperation", _("Interkommunale Kooperation")


class Organization(models.Model):
    """A municipality, association, district or kreisfreie Stadt on the
    platform, or a cooperation of several of them (then `municipality` is
    empty and `cooperation_members` lists the partners)."""

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=OrganizationKind.choices)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
    )
    cooperation_members = models.ManyToManyField(
        "municipalities.Municipality",
        verbose_name=_("beteiligte Kommunen"),
        blank=True,
        related_name="cooperations",
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=models.Q(municipality__isnull=False),
                name="organization_one_per_municipality",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", kwargs={"slug": self.slug})


class Network(models.Model):
    """A network run on this installation (IKONE DS first). Name, contact
    and description are data so a second network needs no code change."""

    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(_("Kurzname"), max_length=50)
    slug = models.SlugField(_("Kurzname in der Adresse"), unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    is_primary = models.BooleanField(
        _("Hauptnetzwerk dieser Installation"),
        default=False,
        help_text=_("Das Netzwerk, dessen Mitgliedschaft die Plattform standardmäßig zeigt."),
    )

    class Meta:
        verbose_name = _("Netzwerk")
        verbose_name_plural = _("Netzwerke")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_primary"],
                condition=models.Q(is_primary=True),
                name="network_single_primary",
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name


class NetworkMembershipStatus(models.TextChoices):
    MEMBER = "member", _("Mitglied")
    APPLIED = "applied", _("Beitritt beantragt")
    FORMER = "former", _("ehemaliges Mitglied")


class DatePrecision(models.TextChoices):
    """How much of `member_since` is known: sources often give only a year."""

    DAY = "day", _("Tag")
    MONTH = "month", _("Monat")
    YEAR = "year", _("Jahr")


class NetworkMembership(models.Model):
    """Whether an organisation is a member of a network, since when.
    Members and non-members get the same features; this is information."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="network_memberships",
    )
    network = models.ForeignKey(
        Network, verbose_name=_("Netzwerk"), on_delete=models.CASCADE, related_name="memberships"
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=NetworkMembershipStatus.choices,
        default=NetworkMembershipStatus.MEMBER,
    )
    member_since = models.DateField(_("Mitglied seit"), null=True, blank=True)
    member_since_precision = models.CharField(
        _("Genauigkeit des Beitrittsdatums"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "Ist nur das Jahr oder der Monat bekannt, speichern Sie den Ersten des "
            "Jahres bzw. Monats und wählen Sie hier „Jahr“ bzw. „Monat“."
        ),
    )
    member_until = models.DateField(_("Mitglied bis"), null=True, blank=True)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    objects = NetworkMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("Netzwerkmitgliedschaft")
        verbose_name_plural = _("Netzwerkmitgliedschaften")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "network"], name="network_membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} – {self.network}: {self.get_status_display()}"

    @property
    def member_since_label(self) -> str:
        """`member_since` as far as it is known: "2019", "April 2019" or a full date."""
        if self.member_since is None:
            return ""
        if self.member_since_precision == DatePrecision.YEAR:
            return str(self.member_since.year)
        if self.member_since_precision == DatePrecision.MONTH:
            return format_date(self.member_since, "month")
        return format_date(self.member_since)

    @property
    def is_current_member(self) -> bool:
        """A member whose membership has not ended."""
        if self.status != NetworkMembershipStatus.MEMBER:
            return False
        return self.member_until is None or self.member_until >= berlin_date()


class Role(models.TextChoices):
    STAFF = "staff", _("Kommunale:r Mitarbeiter:in")
    CONTACT = "contact", _("Ansprechperson")


class Membership(models.Model):
    """A person's role within an organisation."""

    user = models.ForeignKey(
        User, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Zugehörigkeit")
        verbose_name_plural = _("Zugehörigkeiten")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organization} ({self.get_role_display()})"


class Invitation(models.Model):
    """An Ansprechperson invites a colleague by e-mail; the token in the
    link is the only way to accept."""

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("E-Mail-Adresse"))
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.STAFF)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("eingeladen von"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="sent_invitations",
    )
    created_at = models.DateTimeField(_("eingeladen am"), auto_now_add=True)
    expires_at = models.DateTimeField(_("gültig bis"))
    accepted_at = models.DateTimeField(_("angenommen am"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User,
        verbose_name=_("angenommen von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_pending(self) -> bool:
        """Neither accepted, revoked nor expired: the link still works."""
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired


class JoinRequestStatus(models.TextChoices):
    PENDING = "pending", _("offen")
    APPROVED = "approved", _("angenommen")
    DECLINED = "declined", _("abgelehnt")


class JoinRequest(models.Model):
    """A signed-up person asks to join an organisation; an Ansprechperson
    (or a coordinator) decides."""

    user = models.ForeignKey(
        User, verbose_name=_("Person"), on_delete=models.CASCADE, related_name="join_requests"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("Nachricht"), blank=True)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=JoinRequestStatus.choices,
        default=JoinRequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("gestellt am"), auto_now_add=True)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("entschieden von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Beitrittsanfrage")
        verbose_name_plural = _("Beitrittsanfragen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=models.Q(status="pending"),
                name="join_request_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organization}"

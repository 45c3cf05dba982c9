"""People, organisations, roles within organisations, and network membership."""

from django.contrib.auth.models import AbstractUser, UserManager as DjangoUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

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

"""Writes of the knowledge app: who may edit the CMS pages."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from ikone.accounts.models import User

EDITOR_GROUP_NAME = "Netzwerkkoordination"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def editor_tree_root() -> Page:
    """The page whose subtree editors may change: the default site's start
    page, or the tree root while no site exists."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    return Page.get_first_root_node()


@transaction.atomic
def editor_group_ensure() -> Group:
    """Create or complete the Wagtail group "Netzwerkkoordination": access to
    /cms/, add/edit/publish/lock pages below the site's start page, and upload
    and choose images and documents. Idempotent and cheap when complete;
    never removes permissions editors gave the group in the admin."""
    group, _created = Group.objects.get_or_create(name=EDITOR_GROUP_NAME)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    _page_permissions_add(group, editor_tree_root())
    _collection_permissions_add(group, Collection.get_first_root_node())
    return group


def _page_permissions_add(group: Group, page: Page) -> None:
    present = set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission_id", flat=True
        )
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=page, permission=permission)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        )
        if permission.pk not in present
    )


def _collection_permissions_add(group: Group, collection: Collection) -> None:
    present = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission_id", flat=True
        )
    )
    wanted = Q()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection=collection, permission=permission)
        for permission in Permission.objects.filter(wanted)
        if permission.pk not in present
    )


def editor_rights_grant(*, user: User) -> None:
    """Let a person edit and publish the CMS pages (via the editor group).
    Their second factor is enforced by the accounts app, not here."""
    user.groups.add(editor_group_ensure())

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


MENTOR_GROUP_NAME = "Mentor:innen (Wissen)"
MENTOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
WORKFLOW_NAME = "Redaktionelle Prüfung (Wissen)"


@transaction.atomic
def knowledge_editing_ensure(*, index: Page) -> Group:
    """Set up writing for the knowledge base below `index`: the group of
    invited mentors (add and edit articles, upload documents, but not
    publish) and a moderation workflow whose approvers are the coordinators'
    editor group. Idempotent. Returns the mentors' group."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    group, _created = Group.objects.get_or_create(name=MENTOR_GROUP_NAME)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    present = set(
        GroupPagePermission.objects.filter(group=group, page=index).values_list(
            "permission__codename", flat=True
        )
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=index, permission=permission)
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=MENTOR_PAGE_PERMISSIONS
        )
        if permission.codename not in present
    )
    _collection_permissions_add(group, Collection.get_first_root_node())
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.create(name=str(EDITOR_GROUP_NAME))
        task.groups.set([editor_group_ensure()])
        # Not workflow.workflow_tasks.create(): that cluster relation only
        # holds the row in memory until the workflow is saved, and the
        # workflow had no approval step at all.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return group


def mentor_editor_grant(*, user: User) -> None:
    """Let an invited mentor write knowledge articles; publishing goes
    through the coordinators' moderation."""
    group = Group.objects.filter(name=MENTOR_GROUP_NAME).first()
    if group is not None:
        user.groups.add(group)


def mentor_editor_revoke(*, user: User) -> None:
    """A dismissed mentor no longer writes knowledge articles."""
    user.groups.remove(*Group.objects.filter(name=MENTOR_GROUP_NAME))

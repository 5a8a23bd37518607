"""The admin: media assets as a snippet with a chooser, their status, and their actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from . import admin_urls
from .forms import MediaAssetForm
from .models import MediaAsset
from .selectors import assets_for_chooser
from .services.assets import asset_files_remove, asset_submitted, original_discard_uncommitted


class MediaAssetCreateView(CreateView):
    """The snippet's create view, where an asset that is not committed leaves no original."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except BaseException:
            original_discard_uncommitted(asset=form.instance)
            raise


class MediaAssetChooserViewSet(SnippetChooserViewSet):
    """The lesson's media chooser: failed or damaged assets are not offered."""

    def get_object_list(self):
        return assets_for_chooser()


class MediaAssetViewSet(SnippetViewSet):
    model = MediaAsset
    add_view_class = MediaAssetCreateView
    chooser_viewset_class = MediaAssetChooserViewSet
    icon = "media"
    menu_label = _("Media")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["title", "status_summary", "kind", "language", "created_at"]
    list_filter = ["status", "kind", "language"]
    search_fields = ["title"]
    panels = [FieldPanel("title"), FieldPanel("original"), FieldPanel("language")]

    def get_form_class(self, for_update=False):
        self.base_form_class = MediaAssetForm
        return super().get_form_class(for_update)


register_snippet(MediaAssetViewSet)


@hooks.register("register_admin_urls")
def media_pipeline_admin_urls():
    return [path("media-pipeline/", include((admin_urls, "media_pipeline_admin")))]


@hooks.register("after_create_snippet")
def process_new_asset(request, instance):
    if isinstance(instance, MediaAsset):
        asset_submitted(asset=instance)


@hooks.register("after_delete_snippet")
def remove_deleted_asset_files(request, instances):
    """A deleted asset's files leave the store with its row (once the deletion is committed)."""
    for instance in instances:
        if isinstance(instance, MediaAsset):
            asset_files_remove(asset=instance)


@hooks.register("register_snippet_listing_buttons")
def manage_button(snippet, user, next_url=None):
    if not isinstance(snippet, MediaAsset) or not user.has_perm("media_pipeline.change_mediaasset"):
        return []
    return [
        Button(
            _("Status, subtitles and voice-overs"),
            reverse("media_pipeline_admin:manage", args=[snippet.pk]),
            icon_name="cog",
            priority=5,
        )
    ]


@hooks.register("register_admin_menu_item")
def upload_menu_item():
    return MenuItem(
        _("Upload large media"),
        reverse("media_pipeline_admin:upload"),
        icon_name="upload",
        order=301,
    )

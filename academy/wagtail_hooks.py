from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def text_fields_follow_the_typed_direction():
    return format_html('<script src="{}" defer></script>', static("academy/js/admin-dir-auto.js"))

"""Admin buttons with an icon draw it at the size of the text, so their labels show (issue 19,
item 7: the icons drew at 300×150 px inside 42 px buttons and hid "Upload", "Retry", …).

Wagtail sizes an icon inside a button only for ``button--icon`` buttons; the browser journey
(tests/browser/test_translation_journey.py) measures the upload button.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "media_pipeline" / "admin"
BUTTON_WITH_ICON = re.compile(r'<(?:button|a)\b[^>]*class="(button[^"]*)"[^>]*>\s*\{% icon')


@pytest.mark.parametrize("name", ["upload.html", "manage.html", "track_edit.html"])
def test_every_button_with_an_icon_sizes_it(name):
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    classes = BUTTON_WITH_ICON.findall(source)
    assert classes, "the template has buttons with icons"
    assert all("button--icon" in c.split() for c in classes), classes


@pytest.mark.django_db
def test_the_upload_page_renders_its_button_with_a_sized_icon(client, django_user_model):
    trainer = django_user_model.objects.create_user(phone_number="+212600009931", password="x")
    trainer.groups.add(Group.objects.get(name="Editors"))
    client.force_login(trainer)
    html = client.get(reverse("media_pipeline_admin:upload")).content.decode()
    assert re.search(r'class="button button--icon"[^>]*>\s*<svg class="icon icon-upload', html)

"""Native review of the interface strings (issue 19, item 6; decision 0030).

The catalogues are a temporary copy: the repository's own are never written.
"""

import hashlib
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from courses.interface_strings import VERSION_KEY, catalogue_export, corrections_apply
from courses.tests.translation_helpers import user_in

pytestmark = pytest.mark.django_db
MSGID = "Offline and saving data"
DRAFT = "التعلم بلا كونيكسيون وتوفير الأنترنيت"
REVIEWED = "قرا بلا أنترنيت ووفّر الميڭا"
REPOSITORY_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ary" / "LC_MESSAGES" / "django.po"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def catalogues(settings, tmp_path):
    """A copy of the catalogues (compiled) that the site reads during the test."""
    copy = tmp_path / "locale"
    shutil.copytree(Path(settings.BASE_DIR) / "locale", copy)
    settings.LOCALE_PATHS = [copy]
    yield copy
    cache.delete(VERSION_KEY)


@pytest.fixture
def reviewer():
    client = Client()
    client.force_login(user_in("Moderators", "+212600001931"))
    return client


def correct(client, msgid: str, msgstr: str, *, reviewed: bool = True):
    data = {"msgid": msgid, "msgctxt": "", "msgstr": msgstr}
    if reviewed:
        data["reviewed"] = "on"
    return client.post(reverse("interface_strings", args=["ary"]), data)


def test_a_native_reviewer_corrects_a_string_and_learners_see_it(
    catalogues, reviewer, django_capture_on_commit_callbacks
):
    before = digest(REPOSITORY_CATALOGUE)
    status = reviewer.get(reverse("translation_status")).content.decode()
    assert 'data-strings-language="ary" data-strings-reviewed="0"' in status
    listing = reviewer.get(reverse("interface_strings", args=["ary"]), {"q": "saving data"})
    assert DRAFT in listing.content.decode()
    assert Client().get("/ary/offline/").content.decode().count(DRAFT) >= 1

    with django_capture_on_commit_callbacks(execute=True):
        assert correct(reviewer, MSGID, REVIEWED).status_code == 302
    learner_page = Client().get("/ary/offline/").content.decode()
    assert REVIEWED in learner_page
    assert DRAFT not in learner_page
    with translation.override("shi"):  # other languages keep theirs
        assert translation.gettext(MSGID) != REVIEWED
    status = reviewer.get(reverse("translation_status")).content.decode()
    assert 'data-strings-language="ary" data-strings-reviewed="1"' in status
    listing = reviewer.get(reverse("interface_strings", args=["ary"]), {"q": "saving data"})
    assert 'data-entry-reviewed="yes"' in listing.content.decode()

    # the build writes it into the catalogue (here, the copy), reviewed and no longer fuzzy
    assert catalogue_export(locale_dir=catalogues) == {"ary": 1}
    entry = polib.pofile(str(catalogues / "ary" / "LC_MESSAGES" / "django.po")).find(MSGID)
    assert entry.msgstr == REVIEWED
    assert "reviewed" in entry.tcomment
    assert "fuzzy" not in entry.flags
    assert digest(REPOSITORY_CATALOGUE) == before


def test_a_withdrawn_correction_gives_back_the_catalogue_text(catalogues, reviewer):
    from courses.models import InterfaceString

    correct(reviewer, MSGID, REVIEWED)
    corrections_apply()
    with translation.override("ary"):
        assert translation.gettext(MSGID) == REVIEWED
    InterfaceString.objects.all().delete()
    corrections_apply()
    with translation.override("ary"):
        assert translation.gettext(MSGID) == DRAFT


def test_refusals(catalogues, reviewer):
    unknown = correct(reviewer, "A sentence nobody wrote", "x")
    assert "code-unknown_entry" in [m.extra_tags for m in unknown.wsgi_request._messages]
    empty = correct(reviewer, MSGID, "   ")
    assert "code-empty_translation" in [m.extra_tags for m in empty.wsgi_request._messages]
    trainer = Client()
    trainer.force_login(user_in("Editors", "+212600001932"))
    response = correct(trainer, MSGID, "x")
    assert response.status_code in {302, 403}
    assert reviewer.get(reverse("interface_strings", args=["xx"])).status_code in {302, 403}
    from courses.models import InterfaceString

    assert not InterfaceString.objects.exists()

"""A lesson saved for offline keeps its narration: the "Listen" button plays on the phone."""

import pytest

from academy.offline import files_in
from courses.tests.test_listen import _lesson, _narrate, _page, _recording

pytestmark = pytest.mark.django_db


def test_saving_the_lesson_for_offline_keeps_its_narration(demo_academy, client):
    _narrate("ary", _recording("ary"))
    lesson = _lesson("ary")
    found = files_in(_page(client, "ary"), base=lesson.url)
    assert any(url.endswith("narration-ary/download/audio.m4a") for url in found.always)
    assert any(url.endswith("courses/listen.js") for url in found.always)

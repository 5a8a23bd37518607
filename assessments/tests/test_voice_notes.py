import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments import error_codes
from assessments.demo.loader import _tone
from assessments.models import Evaluation, Quiz
from assessments.models.surveys import voice_note_path
from assessments.services.certificates import certificate_issue
from assessments.services.evaluations import evaluation_save

ANSWER = {"satisfaction": "4", "useful": "yes", "comment": ""}


@pytest.fixture
def certificate(demo_quizzes, learner):
    _practice, final = demo_quizzes
    return certificate_issue(learner=learner, course_key=final.course.translation_key)


def _wav(name: str = "note.wav") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, _tone(440), content_type="audio/wav")


def _save(learner, certificate, voice_note) -> Evaluation:
    return evaluation_save(
        learner=learner,
        course_key=certificate.subject_key,
        satisfaction=4,
        useful="yes",
        voice_note=voice_note,
    )


def test_the_form_offers_a_recorder_with_translated_labels(certificate, learner, client):
    client.force_login(learner)
    page = client.get(f"/fr/me/certificates/{certificate.code}/evaluation/").content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'name="voice_note" accept="audio/*" capture' in page
    assert re.search(r'data-record="[^"]+" data-stop="[^"]+" data-play="[^"]+"', page)
    assert "assessments/voice-note" in page  # the recorder script


def test_her_voice_note_is_kept_privately_and_served_to_her_and_the_trainers(
    certificate, learner, other_learner, client, django_user_model
):
    client.force_login(learner)
    url = f"/fr/me/certificates/{certificate.code}/evaluation/"
    page = client.post(url, {**ANSWER, "voice_note": _wav()}).content.decode()
    assert "data-saved" in page
    evaluation = Evaluation.objects.get(learner=learner)
    folder = Path(evaluation.voice_note.name).parent
    assert re.fullmatch(r"assessments/voice-notes/[0-9a-f]{32}", str(folder))
    assert Path(voice_note_path(Evaluation(learner=learner), "a.wav")).parent == folder
    assert Path(voice_note_path(Evaluation(learner=other_learner), "a.wav")).parent != folder
    assert evaluation.voice_note.name.endswith(".wav")
    own = client.get(f"/fr/me/evaluations/{evaluation.pk}/voice-note/")
    assert own.status_code == 200
    assert own["Content-Type"] == "audio/wav"
    assert b"".join(own.streaming_content).startswith(b"RIFF")
    client.force_login(other_learner)
    assert client.get(f"/fr/me/evaluations/{evaluation.pk}/voice-note/").status_code == 404
    assert client.get(f"/admin/assessment-reports/voice-notes/{evaluation.pk}/").status_code != 200
    staff = django_user_model.objects.create_superuser(phone_number="+212661999997", password="x")
    client.force_login(staff)
    assert client.get(f"/admin/assessment-reports/voice-notes/{evaluation.pk}/").status_code == 200
    final = Quiz.objects.get(kind=Quiz.Kind.FINAL, course__translation_key=certificate.subject_key)
    report = client.get(f"/admin/assessment-reports/{final.pk}/").content.decode()
    assert f'src="/admin/assessment-reports/voice-notes/{evaluation.pk}/"' in report


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (
            SimpleUploadedFile("note.webm", b"not a sound" * 50, "audio/webm"),
            "voice_note_not_audio",
        ),
        (SimpleUploadedFile("note.png", b"\x89PNG" * 50, "image/png"), "voice_note_not_audio"),
    ],
)
def test_a_file_that_is_not_a_recording_is_refused(certificate, learner, upload, code):
    with pytest.raises(ValidationError) as error:
        _save(learner, certificate, upload)
    assert error.value.code == code
    assert not Evaluation.objects.filter(learner=learner).exists()


def test_a_recording_over_the_limit_is_refused_with_a_clear_message(
    certificate, learner, client, settings
):
    settings.ASSESSMENTS_VOICE_NOTE_MAX_BYTES = 1024**2
    big = SimpleUploadedFile("note.wav", b"RIFF" + b"\0" * (2 * 1024**2), "audio/wav")
    with pytest.raises(ValidationError) as error:
        _save(learner, certificate, big)
    assert error.value.code == error_codes.VOICE_NOTE_TOO_LARGE
    client.force_login(learner)
    url = f"/fr/me/certificates/{certificate.code}/evaluation/"
    big.seek(0)
    page = client.post(url, {**ANSWER, "voice_note": big}).content.decode()
    assert 'role="alert"' in page
    assert "2.0" in page


def test_a_new_recording_replaces_the_old_one_and_deleting_her_account_removes_it(
    certificate, learner, django_capture_on_commit_callbacks
):
    first = _save(learner, certificate, _wav()).voice_note.name
    with django_capture_on_commit_callbacks(execute=True):
        second = _save(learner, certificate, _wav()).voice_note.name
    media = Path(settings.MEDIA_ROOT)
    assert not (media / first).exists()
    assert (media / second).exists()
    with django_capture_on_commit_callbacks(execute=True):
        learner.delete()
    assert not (media / second).exists()


def test_her_data_download_lists_her_evaluation_and_voice_note(certificate, learner, client):
    evaluation = _save(learner, certificate, _wav())
    client.force_login(learner)
    data = client.get("/fr/me/data/").json()
    (row,) = data["assessments"]["evaluations"]
    assert row["voice_note"] == f"/fr/me/evaluations/{evaluation.pk}/voice-note/"
    assert data["assessments"]["certificates"][0]["code"] == certificate.code


@pytest.mark.usefixtures("media_served")
def test_a_wav_with_a_page_appended_and_named_html_is_stored_and_served_as_audio(
    certificate, learner, client
):
    # given a real recording with an HTML page appended, sent under a page's name
    data = _tone(440) + b"<html><script>alert(document.cookie)</script></html>"
    upload = SimpleUploadedFile("x.html", data, content_type="audio/x-page")
    # when she sends it with her evaluation
    client.force_login(learner)
    url = f"/fr/me/certificates/{certificate.code}/evaluation/"
    client.post(url, {**ANSWER, "voice_note": upload})
    # then it is stored under the extension of what it holds, and served as audio, never sniffed
    evaluation = Evaluation.objects.get(learner=learner)
    assert Path(evaluation.voice_note.name).suffix == ".wav"
    own = client.get(f"/fr/me/evaluations/{evaluation.pk}/voice-note/")
    assert own["Content-Type"] == "audio/wav"
    assert own["X-Content-Type-Options"] == "nosniff"
    public = client.get(f"/media/{evaluation.voice_note.name}")
    assert public["Content-Type"].startswith("audio/")
    assert public["X-Content-Type-Options"] == "nosniff"


def test_the_quiz_report_shows_voice_notes_to_report_readers_only(
    certificate, learner, client, django_user_model
):
    from django.contrib.auth.models import Group, Permission

    evaluation = _save(learner, certificate, _wav())
    final = Quiz.objects.get(kind=Quiz.Kind.FINAL, course__translation_key=certificate.subject_key)
    editor = django_user_model.objects.create_user(phone_number="+212661999996", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    link = f'src="/admin/assessment-reports/voice-notes/{evaluation.pk}/"'
    report = client.get(f"/admin/assessment-reports/{final.pk}/").content.decode()
    assert "data-readers-only" in report
    assert link not in report
    editor.user_permissions.add(Permission.objects.get(codename="view_reports"))
    client.force_login(django_user_model.objects.get(pk=editor.pk))
    assert link in client.get(f"/admin/assessment-reports/{final.pk}/").content.decode()

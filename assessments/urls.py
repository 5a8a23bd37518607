from django.urls import path

from . import views

app_name = "assessments"

learner_urlpatterns = [
    path("quiz/<int:quiz_id>/answer/", views.practice, name="practice"),
    path("tests/<int:quiz_id>/", views.test_intro, name="test"),
    path("tests/attempt/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path("tests/attempt/<int:attempt_id>/result/", views.attempt_result, name="result"),
    path("me/certificates/", views.my_certificates, name="certificates"),
    path("me/certificates/<str:code>/evaluation/", views.evaluation, name="evaluation"),
    path("me/certificates/<str:code>.pdf", views.certificate_download, name="certificate_pdf"),
    path(
        "me/evaluations/<int:evaluation_id>/voice-note/",
        views.my_voice_note,
        name="my_voice_note",
    ),
]

# Outside the language prefixes: a QR code on paper outlives language choices.
public_urlpatterns = [path("verify/<str:code>/", views.verify, name="verify")]

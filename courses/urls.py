from django.urls import path

from . import learner_views

# Under the language prefix.
learner_urlpatterns = [
    path("courses/<uuid:course_key>/enrol/", learner_views.enrol, name="enrol"),
    path("lessons/<uuid:lesson_key>/done/", learner_views.mark_done, name="lesson_done"),
]

# Without a language prefix: the progress endpoint (sendBeacon posts here from any page).
api_urlpatterns = [
    path("progress/", learner_views.progress, name="progress"),
]

from django.urls import path, re_path
from wagtail.urls import serve_pattern

from . import cohort_views, learner_views, page_views, trainer_views

# Under the language prefix.
learner_urlpatterns = [
    path("courses/<uuid:course_key>/enrol/", learner_views.enrol, name="enrol"),
    path("lessons/<uuid:lesson_key>/done/", learner_views.mark_done, name="lesson_done"),
    path("me/cohorts/", cohort_views.my_cohorts, name="my_cohorts"),
    path("cohorts/", trainer_views.cohort_list, name="cohorts"),
    path("cohorts/<int:pk>/", trainer_views.cohort_detail, name="cohort"),
    path("cohorts/<int:pk>/export.csv", trainer_views.cohort_export, name="cohort_export"),
]

# Without a language prefix: the progress endpoint (sendBeacon posts here from any page).
api_urlpatterns = [
    path("progress/", learner_views.progress, name="progress"),
]

# Under the language prefix, just before Wagtail's own catch-all (same pattern, same pages).
page_urlpatterns = [re_path(serve_pattern, page_views.serve, name="learner_page")]

"""Public endpoints: resumable uploads (staff and trainers) and published subtitle tracks."""

from django.urls import path

from . import upload_views

app_name = "media_pipeline"
urlpatterns = [
    path("uploads/", upload_views.upload_create, name="upload_create"),
    path("uploads/<uuid:uuid>/", upload_views.upload_detail, name="upload"),
    path("uploads/<uuid:uuid>/finish/", upload_views.upload_finish, name="upload_finish"),
    path("subtitles/<int:pk>.vtt", upload_views.subtitle_vtt, name="subtitle_vtt"),
]

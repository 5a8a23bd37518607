from django.urls import path

from . import admin_views, upload_views

urlpatterns = [
    path("<int:pk>/", admin_views.manage, name="manage"),
    path("<int:pk>/retry/", admin_views.retry, name="retry"),
    path("<int:pk>/reprocess/", admin_views.reprocess, name="reprocess"),
    path("<int:pk>/voice-over/", admin_views.voice_over_publish, name="voice_over_publish"),
    path("subtitles/<int:pk>/", admin_views.track_edit, name="track_edit"),
    path("subtitles/<int:pk>/publish/", admin_views.track_publish, name="track_publish"),
    path("upload/", upload_views.upload_page, name="upload"),
]

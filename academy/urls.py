from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from academy.views import auth, learner, members, offline, shell
from assessments.api import learner_urlpatterns as assessments_urlpatterns
from assessments.api import public_urlpatterns as assessments_public_urlpatterns
from core.media import serve_upload
from courses.api import api_urlpatterns, learner_urlpatterns, page_urlpatterns

urlpatterns = [
    path("", shell.language_chooser, name="language_chooser"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("media-pipeline/", include("media_pipeline.urls")),
    path("api/registry/", include("registry_link.api_urls")),
    path("api/", include(api_urlpatterns)),
    path("api/offline/versions/", offline.versions, name="offline_versions"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("", include(assessments_public_urlpatterns)),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>.*)$",
            serve_upload,
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        )
    )

urlpatterns += i18n_patterns(
    path("search/", shell.search, name="search"),
    path("signup/", auth.sign_up, name="sign_up"),
    path("signup/verify/", auth.verify_phone, name="verify_phone"),
    path("signin/", auth.sign_in, name="sign_in"),
    path("signout/", auth.sign_out, name="sign_out"),
    path("pin/forgot/", auth.pin_reset_request, name="pin_reset_request"),
    path("pin/reset/", auth.pin_reset, name="pin_reset"),
    path("activate/", auth.activate, name="activate"),
    path("me/", learner.dashboard, name="dashboard"),
    path("me/profile/", learner.profile, name="profile"),
    path("me/data/", learner.data_download, name="data_download"),
    path("me/delete/", learner.account_delete, name="account_delete"),
    path("me/members/", members.member_list, name="members"),
    path("me/members/new/", members.member_new, name="member_new"),
    path("me/members/import/", members.member_import, name="member_import"),
    path("me/members/import/<uuid:uuid>/", members.member_import_job, name="member_import_job"),
    path("privacy/", learner.privacy, name="privacy"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("offline/", offline.offline_page, name="offline"),
    path("offline/save/<uuid:key>/", offline.save_plan, name="offline_save_plan"),
    path("me/offline/", offline.offline_page, {"saved": True}, name="offline_saved"),
    path("", include((assessments_urlpatterns, "assessments"))),
    path("", include(learner_urlpatterns)),
    path("", include("project_bank.urls")),
    path("", include("registry_link.urls")),
    path("", include("marketplace.urls")),
    path("", include(page_urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

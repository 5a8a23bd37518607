import pytest

from project_bank.models import IdeaEvent, Project
from project_bank.services import invitation_create, project_adopt

from .factories import demo_course_key, idea_make, user_make


@pytest.fixture
def idea(db):
    return idea_make(key="argan", title="زيت الأركان", regions=("09",), courses=[demo_course_key()])


def test_the_idea_list_defaults_to_her_region_and_draws_the_map(client, idea):
    idea_make(key="far-away", title="بعيد", regions=("02",))
    client.force_login(user_make(region="09"))
    page = client.get("/ary/ideas/").content.decode()
    assert "/ary/ideas/argan/" in page
    assert "/ary/ideas/far-away/" not in page
    assert page.count("<path d=") == 12  # the map: one shape per region
    everywhere = client.get("/ary/ideas/?region=").content.decode()
    assert "/ary/ideas/far-away/" in everywhere


def test_search_from_the_page_is_arabic_aware(client, idea):
    page = client.get("/ar/ideas/", {"q": "الاركان", "region": ""}).content.decode()
    assert "/ar/ideas/argan/" in page


def test_an_idea_shows_its_plan_learn_first_and_counts_the_view(client, idea):
    response = client.get("/ary/ideas/argan/")
    assert response.status_code == 200
    assert 'data-break-even="4"' in response.content.decode()  # 12000 / (4000 - 1000)
    assert "founding-a-cooperative" in response.content.decode()
    assert IdeaEvent.objects.filter(idea=idea, kind="view").count() == 1


def test_adopting_makes_her_draft_which_the_form_recomputes_without_javascript(client, idea):
    learner = user_make(region="09")
    client.force_login(learner)
    response = client.post("/ary/ideas/argan/adopt/")
    project = Project.objects.get(created_by=learner)
    assert response.url == f"/ary/projects/{project.public_id}/"
    assert project.plan["products"][0]["label"] == "زيت"
    form = {
        "name": "مشروعي",
        "place": "تالوين",
        "region": "09",
        "startup-count": "1",
        "startup-0-label": "آلة",
        "startup-0-amount": "12000",
        "monthly-count": "1",
        "monthly-0-label": "كراء",
        "monthly-0-amount": "1000",
        "products-count": "1",
        "products-0-label": "زيت",
        "products-0-price": "200",
        "products-0-volume": "40",
    }
    client.post(f"/ary/projects/{project.public_id}/", form)
    page = client.get(f"/ary/projects/{project.public_id}/").content.decode()
    assert 'data-break-even="2"' in page  # 12000 / (8000 - 1000)
    project.refresh_from_db()
    assert project.name == "مشروعي"


def test_only_members_see_a_draft(client, idea):
    project = project_adopt(idea=idea, user=user_make(), language_code="ar")
    client.force_login(user_make())
    for path in ("", "print/"):
        assert client.get(f"/ar/projects/{project.public_id}/{path}").status_code == 404
    assert (
        client.post(
            f"/ar/projects/{project.public_id}/invite/", {"phone_number": "0612345678"}
        ).status_code
        == 404
    )
    client.logout()
    assert client.get(f"/ar/projects/{project.public_id}/").status_code == 302  # to sign in


def test_the_invited_number_sees_and_accepts_the_invitation(client, idea):
    owner = user_make()
    project = project_adopt(idea=idea, user=owner, language_code="ar")
    invitation = invitation_create(project=project, invited_by=owner, phone_number="0612399999")
    stranger = user_make()
    client.force_login(stranger)
    assert "data-invitation" not in client.get("/ar/projects/").content.decode()
    client.post(f"/ar/invitations/{invitation.public_id}/accept/")
    assert not project.members.filter(user=stranger).exists()
    friend = user_make(phone="+212612399999")
    client.force_login(friend)
    assert "data-invitation" in client.get("/ar/projects/").content.decode()
    response = client.post(f"/ar/invitations/{invitation.public_id}/accept/")
    assert response.url == f"/ar/projects/{project.public_id}/"
    assert client.get(response.url).status_code == 200


def test_the_summary_prints_on_one_page(client, idea):
    learner = user_make()
    project = project_adopt(idea=idea, user=learner, language_code="fr")
    client.force_login(learner)
    page = client.get(f"/fr/projects/{project.public_id}/print/").content.decode()
    assert "Huile" in page
    assert "@media print" not in page


def test_staff_see_figures_and_export_them_others_do_not(client, idea):
    learner = user_make(region="09", gender="woman", birth_year=2000)
    project_adopt(idea=idea, user=learner, language_code="ar")
    client.force_login(learner)
    assert client.get("/fr/ideas/statistics/").status_code == 403
    client.force_login(user_make(is_staff=True))
    page = client.get("/fr/ideas/statistics/?by=region").content.decode()
    assert "Souss-Massa" in page
    csv = client.get("/fr/ideas/statistics/?by=idea&format=csv").content.decode()
    assert csv.splitlines()[1].split(",")[:7] == ["argan", "0", "0", "0", "1", "1", "1"]


def test_her_dashboard_shows_the_ideas_section(client, idea):
    client.force_login(user_make())
    page = client.get("/ary/me/").content.decode()
    assert 'id="ideas-for-you"' in page


def test_the_admin_lists_ideas_and_previews_an_import(admin_client, idea):
    assert admin_client.get("/admin/project-ideas/").status_code == 200
    assert admin_client.get(f"/admin/project-ideas/edit/{idea.pk}/?language=fr").status_code == 200
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "i.csv", "key,sector,regions,title_ar\nnew-one,argan,09,جديد\n".encode()
    )
    page = admin_client.post("/admin/project-ideas-import/", {"file": upload}).content.decode()
    assert "data-preview" in page
    response = admin_client.post("/admin/project-ideas-import/", {"confirm": "1"})
    assert response.status_code == 302
    from project_bank.models import Idea

    assert Idea.objects.filter(key="new-one").exists()


def test_staff_write_an_idea_in_french_in_the_admin(admin_client, idea):
    from project_bank.models import Idea

    form = {
        "key": "argan",
        "title": "Huile d'argan",
        "summary": "",
        "description": "",
        "skills": "",
        "local_need": "",
        "sector": "argan",
        "investment_min": "1000",
        "investment_max": "2000",
        "jobs": "3",
        "plan": '{"startup": [], "monthly": [], "products": []}',
        "is_published": "on",
        "region_codes": ["09", "07"],
        "target_groups": ["women"],
        "courses": [demo_course_key()],
    }
    response = admin_client.post(f"/admin/project-ideas/edit/{idea.pk}/?language=fr", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    idea = Idea.objects.get(pk=idea.pk)
    assert idea.safe_translation_getter("title", language_code="fr") == "Huile d'argan"
    assert idea.safe_translation_getter("title", language_code="ar") == "زيت الأركان"
    assert sorted(idea.regions.values_list("region", flat=True)) == ["07", "09"]
    assert "huile" in idea.search_text


def test_a_large_ideas_file_is_imported_by_a_worker_behind_a_progress_page(admin_client, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core import tasks
    from core.models import ImportJob
    from project_bank.imports import BACKGROUND_FROM_ROWS
    from project_bank.models import Idea

    # given a previewed file of more ideas than a request should import
    count = BACKGROUND_FROM_ROWS + 5
    lines = ["key,sector,regions,title_ar"] + [f"idea-{n},argan,09,فكرة {n}" for n in range(count)]
    upload = SimpleUploadedFile("ideas.csv", "\n".join(lines).encode())
    admin_client.post("/admin/project-ideas-import/", {"file": upload})
    # when it is confirmed
    response = admin_client.post("/admin/project-ideas-import/", {"confirm": "1"}, follow=True)
    # then a progress page refreshes itself and nothing is imported yet
    job = ImportJob.objects.get(kind="ideas")
    assert response.redirect_chain[-1][0] == f"/admin/project-ideas-import/{job.uuid}/"
    assert response["Refresh"] == "3"
    assert f'max="{count}"' in response.content.decode()
    assert not Idea.objects.filter(key__startswith="idea-").exists()
    # and once the worker has run, every idea is there and the page says so
    tasks.import_job_run_task(job.pk)
    done = admin_client.get(f"/admin/project-ideas-import/{job.uuid}/")
    assert "data-import-done" in done.content.decode()
    assert "Refresh" not in done
    assert Idea.objects.filter(key__startswith="idea-").count() == count

"""The register API client against a local server; the synchronisation through the import."""

import pytest

from registry_link.client import HttpRegisterClient, RegisterClientError
from registry_link.models import Cooperative, RegisterSync
from registry_link.sync import cooperative_refresh, register_sync, sync_cursor

from .register_server import Answer, RegisterServer
from .test_imports import ROW

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    server = RegisterServer().start()
    yield server
    server.stop()


def client(server, timeout=2.0) -> HttpRegisterClient:
    return HttpRegisterClient(conf={"URL": server.url, "TOKEN": "s3cret", "TIMEOUT": timeout})


def page(*rows, cursor="c1", more=False) -> Answer:
    return Answer(body={"changes": list(rows), "next": cursor, "more": more})


def test_one_cooperative_by_court_and_number(register):
    register.answers = [Answer(body={"cooperative": {**ROW, "capital": 15000, "extra": "x"}})]
    row = client(register).cooperative_get(court="Agadir", local_number="2019/145")
    assert row["capital"] == "15000"
    assert "extra" not in row
    path, headers = register.requests[0]
    assert path == "/api/v1/cooperatives/?court=Agadir&number=2019%2F145"
    assert headers["Authorization"] == "Bearer s3cret"


def test_an_unknown_number_is_none(register):
    register.answers = [Answer(status=404, body={"detail": "not found"})]
    assert client(register).cooperative_get(court="Agadir", local_number="1") is None


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        (Answer(body=b"<html>maintenance</html>"), "bad_json"),
        (Answer(body=b"\xff\xfe{"), "bad_json"),
        (Answer(body=[1, 2]), "bad_json"),
        (Answer(body={"changes": "all", "next": "c", "more": False}), "bad_answer"),
        (Answer(body={"changes": [{"court": {"x": 1}}], "next": "c", "more": False}), "bad_row"),
        (Answer(body={"changes": [], "more": False}), "bad_answer"),
        (Answer(status=500, body={"error": "down"}), "unavailable"),
        (Answer(status=503, body=b""), "unavailable"),
        (Answer(status=401, body={"error": "token"}), "refused"),
        (Answer(status=302, body=b"", headers={"Location": "http://127.0.0.1:1/"}), "refused"),
    ],
)
def test_bad_answers_are_clear_errors(register, answer, code):
    register.answers = [answer]
    with pytest.raises(RegisterClientError) as error:
        client(register).changes_since(cursor="")
    assert error.value.code == code
    assert len(register.requests) == 1  # no redirect followed


def test_a_register_that_stalls_times_out(register):
    register.answers = [Answer(body={"changes": [], "next": "", "more": False}, stall=1.5)]
    with pytest.raises(RegisterClientError) as error:
        client(register, timeout=0.3).changes_since(cursor="")
    assert error.value.code == "timeout"


def test_a_register_that_is_down_is_unreachable():
    conf = {"URL": "http://127.0.0.1:1/api", "TOKEN": "", "TIMEOUT": 1}
    with pytest.raises(RegisterClientError) as error:
        HttpRegisterClient(conf=conf).changes_since(cursor="")
    assert error.value.code == "unreachable"


def test_a_sync_applies_pages_and_remembers_where_it_stopped(register):
    second = {**ROW, "local_number": "2019/146", "name_ar": "تعاونية النور"}
    register.answers = [
        page(ROW, cursor="c1", more=True),
        page(second, {**ROW, "members": "30"}, cursor="c2"),
    ]
    run = register_sync(client=client(register), cursor="2025-01-01")
    assert (run.state, run.pages, run.created, run.updated) == ("done", 2, 2, 1)
    assert "since=2025-01-01" in register.requests[0][0]
    assert "since=c1" in register.requests[1][0]
    assert sync_cursor() == "c2"
    assert Cooperative.objects.get(local_number="2019/145").members_count == 30
    assert Cooperative.objects.get(local_number="2019/145").history.count() == 2


def test_a_page_with_bad_rows_stops_the_sync_without_losing_the_marker(register):
    register.answers = [page(ROW, cursor="c1", more=True), page({**ROW, "sector": "gold"})]
    run = register_sync(client=client(register), cursor="")
    assert run.state == RegisterSync.State.REJECTED
    assert run.report["problems"][0]["code"] == "unknown_sector"
    assert sync_cursor() == "c1"  # the first page was saved; the next run asks again from it
    assert Cooperative.objects.count() == 1
    register.answers, register.requests = [page(cursor="c3")], []
    assert register_sync(client=client(register)).state == "done"
    assert "since=c1" in register.requests[0][0]


def test_a_sync_against_a_failing_register_is_recorded(register):
    register.answers = [Answer(status=500, body={})]
    run = register_sync(client=client(register), cursor="c0")
    assert (run.state, run.error_code, run.cursor_to) == ("failed", "unavailable", "c0")
    assert not Cooperative.objects.exists()


def test_refreshing_one_cooperative(register):
    register.answers = [Answer(body={"cooperative": ROW})]
    cooperative = cooperative_refresh(
        court="Agadir", local_number="2019/145", client=client(register)
    )
    assert cooperative.name_latin == "Coopérative Tifawin"


def test_the_task_does_nothing_without_a_register_api(settings, caplog):
    from registry_link.tasks import register_sync_task

    settings.REGISTER_API = {**settings.REGISTER_API, "URL": None}
    register_sync_task()
    assert not RegisterSync.objects.exists()
    assert "No synchronisation" in caplog.text


def test_the_task_synchronises_with_the_configured_register(register, settings):
    from registry_link.tasks import register_sync_task

    settings.REGISTER_API = {"URL": register.url, "TOKEN": "", "TIMEOUT": 2, "MAX_PAGES": 5}
    register.answers = [page(ROW, cursor="c9")]
    register_sync_task()
    assert RegisterSync.objects.get().state == "done"
    assert sync_cursor() == "c9"

"""The demo register and the national-scale generator."""

import pytest

from core.models import Commune
from registry_link.choices import Kind
from registry_link.demo import demo_register_load, register_generate, register_generated_remove
from registry_link.demo_words import COURTS, tifinagh
from registry_link.models import Cooperative

pytestmark = pytest.mark.django_db


def test_tifinagh_follows_ircam():
    assert tifinagh("Tifawin") == "ⵜⵉⴼⴰⵡⵉⵏ"
    assert tifinagh("Toudert") == "ⵜⵓⴷⵔⵜ"
    assert tifinagh("Tagmat") == "ⵜⴰⴳⵎⴰⵜ"
    assert tifinagh("Ait Ghanem") == "ⴰⵉⵜ ⵖⴰⵏⵎ"


def test_the_demo_register_is_consistent_and_loads_twice_without_change():
    count = demo_register_load(count=120)
    assert Cooperative.objects.filter(is_demo=True).count() == count == 120
    assert Cooperative.objects.values("region").distinct().count() == 12
    assert Cooperative.objects.filter(kind=Kind.UNION).count() == 12
    communes = {c.code: c for c in Commune.objects.select_related("province")}
    for cooperative in Cooperative.objects.all():
        commune = communes[cooperative.commune_id]
        assert commune.province_id == cooperative.province_id
        assert commune.province.region_id == cooperative.region_id
        assert cooperative.court in COURTS[cooperative.region_id]
        assert cooperative.women_count <= cooperative.members_count
    history = Cooperative.history.count()
    demo_register_load(count=120)
    assert Cooperative.objects.count() == 120
    assert Cooperative.history.count() == history  # nothing changed, nothing recorded


def test_the_generated_register_has_plausible_figures_and_can_be_removed():
    demo_register_load(count=24)
    figures = register_generate(count=600, seed=1)
    assert figures["cooperatives"] == 600
    assert 9 <= figures["members"] / 600 <= 15
    assert 0.28 <= figures["women"] / figures["members"] <= 0.41
    generated = Cooperative.objects.filter(local_number__startswith="G")
    assert generated.filter(kind=Kind.UNION).count() == 3
    assert generated.exclude(union=None).exists()
    assert generated.exclude(name_tfng="").count() > 200
    assert any("ⵜⴰⵎⵢⴰⵡⴰⵙⵜ" in name for name in generated.values_list("name_tfng", flat=True))
    register_generate(count=50, seed=2)  # a second run replaces the first
    assert generated.count() == 50
    assert register_generated_remove() == 50
    assert Cooperative.objects.count() == 24  # the demo stays


def test_every_writer_of_the_register_calls_the_after_save_hook(monkeypatch, admin_client):
    from registry_link import imports

    from .test_imports import ROW, read

    seen = []
    monkeypatch.setattr(imports, "_after_save", lambda cooperatives: seen.append(len(cooperatives)))
    imports.register_rows_save(rows=read(ROW))  # the import (and the API sync, which calls it)
    register_generate(count=10, seed=3)  # the generator, batch by batch
    cooperative = Cooperative.objects.get(local_number="2019/145")
    form = admin_client.get(f"/admin/register/edit/{cooperative.pk}/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data.update(managers="[]", name_latin="Coopérative Tifawin Imi")
    assert admin_client.post(f"/admin/register/edit/{cooperative.pk}/", data).status_code == 302
    assert seen == [1, 1, 9, 1]


def test_the_demo_leader_leads_a_demo_cooperative_with_the_demo_learner(django_user_model):
    from registry_link.demo import DEMO_ADMIN, DEMO_LEADER, DEMO_LEARNER, demo_accounts_link
    from registry_link.selectors import cooperatives_led_by, memberships_of

    for number in (DEMO_ADMIN, DEMO_LEADER, DEMO_LEARNER):
        if not django_user_model.objects.filter(phone_number=number).exists():
            django_user_model.objects.create_user(number, "1357", is_superuser=number == DEMO_ADMIN)
    demo_register_load(count=24)
    cooperative = demo_accounts_link()
    assert demo_accounts_link() == cooperative  # twice, the same
    leader = django_user_model.objects.get(phone_number=DEMO_LEADER)
    learner = django_user_model.objects.get(phone_number=DEMO_LEARNER)
    assert list(cooperatives_led_by(user=leader)) == [cooperative]
    assert [m.cooperative for m in memberships_of(user=learner)] == [cooperative]
    assert cooperative.region_id == "09"

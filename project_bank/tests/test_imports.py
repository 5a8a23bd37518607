import io

import pytest
from openpyxl import Workbook

from project_bank.demo import demo_ideas_load
from project_bank.imports import ImportRejectedError, ideas_import, rows_read
from project_bank.models import Idea
from project_bank.selectors import IdeaFilters, ideas_filtered

HEADER = (
    "key,sector,regions,target_groups,investment_min,investment_max,jobs,courses,"
    "title_ar,title_fr,summary_ar,startup,monthly,products"
)
GOOD = (
    "honey-souss,agriculture,09 07,women youth,20000,50000,4,founding-a-cooperative,"
    "تربية النحل,Apiculture,عسل حر,"
    '"ar:خلايا|fr:Ruches=30000","ar:نقل|fr:Transport=400","ar:عسل|fr:Miel=200 x 25"'
)
SECOND = "dates-draa,agriculture,08,,60000,150000,8,,تلفيف التمور,Dattes,,,,"


def csv_rows(*lines: str) -> list[dict]:
    return rows_read(name="ideas.csv", data="\n".join((HEADER, *lines)).encode())


def test_a_good_file_creates_ideas_with_texts_regions_courses_and_plan(db):
    ideas = ideas_import(rows=csv_rows(GOOD, SECOND))
    assert len(ideas) == 2
    honey = Idea.objects.get(key="honey-souss")
    assert honey.safe_translation_getter("title", language_code="fr") == "Apiculture"
    assert sorted(honey.regions.values_list("region", flat=True)) == ["07", "09"]
    assert honey.target_groups == ["women", "youth"]
    assert len(honey.course_keys) == 1
    assert honey.plan["products"] == [
        {"label": {"ar": "عسل", "fr": "Miel"}, "price": 200.0, "volume": 25.0}
    ]
    assert honey.plan_result.break_even_month == 7  # 30000 / (5000 - 400)


def test_a_file_with_bad_rows_imports_nothing_and_says_what_is_wrong(db):
    bad_sector = GOOD.replace("honey-souss,agriculture", "bees,bananas")
    bad_region = SECOND.replace(",08,", ",13,")
    bad_plan = SECOND.replace("dates-draa", "dates-2").replace(",,,,", ",,oops,,")
    before = Idea.objects.count()
    with pytest.raises(ImportRejectedError) as rejected:
        ideas_import(rows=csv_rows(bad_sector, bad_region, bad_plan, GOOD))
    problems = {(problem.row, problem.column, problem.code) for problem in rejected.value.problems}
    assert (2, "sector", "unknown_sector") in problems
    assert (3, "regions", "unknown_region") in problems
    assert (4, "startup", "bad_plan_line") in problems
    assert Idea.objects.count() == before  # the good row was not kept either


def test_unknown_course_and_missing_arabic_title_are_reported(db):
    row = GOOD.replace("founding-a-cooperative", "no-such-course").replace("تربية النحل", "")
    with pytest.raises(ImportRejectedError) as rejected:
        ideas_import(rows=csv_rows(row))
    codes = {problem.code for problem in rejected.value.problems}
    assert {"unknown_course", "missing_title"} <= codes


def test_duplicate_keys_in_one_file_are_rejected(db):
    with pytest.raises(ImportRejectedError) as rejected:
        ideas_import(rows=csv_rows(GOOD, GOOD))
    assert [problem.code for problem in rejected.value.problems] == ["duplicate_key"]


def test_re_import_updates_by_key_without_duplicates(db):
    ideas_import(rows=csv_rows(GOOD))
    changed = GOOD.replace("تربية النحل", "تربية النحل الحديثة").replace("09 07", "09")
    ideas_import(rows=csv_rows(changed))
    assert Idea.objects.filter(key="honey-souss").count() == 1
    honey = Idea.objects.get(key="honey-souss")
    assert honey.safe_translation_getter("title", language_code="ar") == "تربية النحل الحديثة"
    assert list(honey.regions.values_list("region", flat=True)) == ["09"]
    assert list(ideas_filtered(IdeaFilters(query="الحديثه"))) == [honey]


def test_an_xlsx_file_reads_like_a_csv(db):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(
        [
            "olive",
            "agriculture",
            "03",
            "",
            150000,
            300000,
            10,
            "",
            "معصرة",
            "Huilerie",
            "",
            "",
            "",
            "",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    ideas = ideas_import(rows=rows_read(name="ideas.xlsx", data=buffer.getvalue()))
    assert ideas[0].investment_min == 150000


def test_a_file_without_key_column_is_refused(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        rows_read(name="ideas.csv", data=b"title_ar\nx\n")
    assert refused.value.code == "missing_key_column"


def test_hundreds_of_rows_import_at_once(db):
    lines = [GOOD.replace("honey-souss", f"honey-{n}") for n in range(300)]
    assert len(ideas_import(rows=csv_rows(*lines))) == 300


def test_demo_ideas_load_twice_without_duplicates(db):
    first = demo_ideas_load()
    second = demo_ideas_load()
    assert first == second >= 20
    assert Idea.objects.count() == first
    argan = Idea.objects.get(key="argan-oil-women")
    assert {"ar", "fr", "ary"} <= set(argan.get_available_languages())

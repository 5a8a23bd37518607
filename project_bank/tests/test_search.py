import pytest

from core.arabic import normalise_arabic
from project_bank.selectors import IdeaFilters, ideas_filtered

from .factories import idea_make


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("جمعيه", "جمعية"),  # ta marbuta typed as ha
        ("جمعية", "جمعيّة"),  # shadda
        ("جـمـعـيـة", "جمعية"),  # tatweel
        ("انتاج", "إنتاج"),  # alef with hamza below
        ("اسفي", "آسفي"),  # alef with madda
        ("الاركان", "الأركان"),  # alef with hamza above
        ("مستشفى", "مُسْتَشْفَى"),  # diacritics, alef maqsura
        ("Tetouan", "Tétouan"),  # French accents
    ],
)
def test_spelling_variants_have_the_same_normal_form(typed, stored):
    assert normalise_arabic(typed) == normalise_arabic(stored)


def test_search_finds_an_idea_whatever_the_spelling(db):
    idea = idea_make(title="جمعيّة لإنتاج زيت الأركان")
    idea_make(title="تربية النحل")
    for query in ("جمعيه", "انتاج", "الاركان", "جـمـعـيـة زيت"):
        found = list(ideas_filtered(IdeaFilters(query=query)))
        assert found == [idea], query


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("التعاونية", "cooperative"),  # the article, where the text says تعاونية
        ("بالتعاونية", "cooperative"),  # a preposition glued on too
        ("تعاونيات", "cooperative"),  # a plural
        ("الزيوت", "oil"),  # a broken plural: زيوت for زيت
        ("زيت", "oil"),
        ("الحليب", "milk"),
        ("النحل", "bees"),
    ],
)
def test_search_ignores_the_article_and_plurals(db, query, found):
    ideas = {
        "cooperative": idea_make(title="تعاونية لتثمين المنتوجات المحلية"),
        "oil": idea_make(title="عصر زيت الزيتون"),
        "milk": idea_make(title="جمع حليب الماعز"),
        "bees": idea_make(title="تربية نحل"),
    }
    assert list(ideas_filtered(IdeaFilters(query=query))) == [ideas[found]], query


def test_search_matches_french_texts_and_word_beginnings(db):
    idea = idea_make(title="تعاونية")
    idea.set_current_language("fr")
    idea.title = "Coopérative d'huile d'argan"
    idea.save()
    from project_bank.services import idea_search_text_update

    idea_search_text_update(idea=idea)
    assert list(ideas_filtered(IdeaFilters(query="cooperative argan"))) == [idea]
    assert list(ideas_filtered(IdeaFilters(query="argа"))) == []  # Cyrillic а: no match
    assert list(ideas_filtered(IdeaFilters(query="arg"))) == [idea]


def test_filters_by_region_sector_group_and_investment(db):
    souss = idea_make(regions=("09",), sector="argan", groups=("women",), investment_min=20000)
    oriental = idea_make(regions=("02",), sector="argan", groups=("youth",), investment_min=150000)
    both = idea_make(regions=("02", "09"), sector="tourism", investment_min=300000)

    def keys(**filters):
        return {idea.key for idea in ideas_filtered(IdeaFilters(**filters))}

    assert keys(region="09") == {souss.key, both.key}
    assert keys(region="02", sector="argan") == {oriental.key}
    assert keys(target_group="women") == {souss.key}
    assert keys(investment="small") == {souss.key}
    assert keys(investment="medium") == {oriental.key}
    assert keys(investment="large") == {both.key}
    assert keys(region="12") == set()

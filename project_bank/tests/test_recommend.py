from project_bank.models import IdeaEvent
from project_bank.recommend import learn_first, recommendations_for
from project_bank.services import recommendations_record

from .factories import demo_course_key, idea_make, user_make


def test_recommendations_are_only_linked_ideas_in_her_region(db):
    course = demo_course_key()
    fits = idea_make(title="زيت أركان", regions=("09",), courses=[course], groups=("women",))
    idea_make(title="في جهة أخرى", regions=("02",), courses=[course])
    idea_make(title="بلا دروس", regions=("09",))
    learner = user_make(region="09", gender="woman")
    found = recommendations_for(user=learner, language_code="ar", course_key=course)
    assert [r.idea for r in found] == [fits]
    assert "Souss" in found[0].reason or "سوس" in found[0].reason


def test_no_recommendation_when_nothing_fits(db):
    course = demo_course_key()
    idea_make(regions=("02",), courses=[course])
    learner = user_make(region="12")
    assert recommendations_for(user=learner, language_code="ar", course_key=course) == []


def test_no_recommendation_before_finishing_a_course(db):
    idea_make(regions=("09",), courses=[demo_course_key()])
    assert recommendations_for(user=user_make(region="09"), language_code="ar") == []


def test_course_completion_records_the_recommended_ideas(db):
    course = demo_course_key()
    idea = idea_make(regions=("09",), courses=[course])
    learner = user_make(region="09")
    assert recommendations_record(learner=learner, course_key=course) == 1
    assert IdeaEvent.objects.filter(idea=idea, kind="recommend", user=learner).exists()


def test_learn_first_lists_the_courses_with_her_progress(db):
    idea = idea_make(courses=[demo_course_key()])
    learner = user_make()
    steps = learn_first(idea=idea, user=learner, language_code="ary")
    assert len(steps) == 1
    assert steps[0].percent == 0
    assert not steps[0].done

"""Thin signal handlers: each calls one service."""

from .services import recommendations_record


def recommend_after_completion(sender, learner, course_key, **kwargs) -> None:
    recommendations_record(learner=learner, course_key=course_key)

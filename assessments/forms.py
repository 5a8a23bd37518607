"""Reading a learner's answers from a plain HTML form (works without JavaScript).

Field names: ``q-<question key>``; multiple choice repeats it; ordering posts one position per
choice as ``q-<question key>-<choice key>``.
"""

from django.http import QueryDict


def _ordering(data: QueryDict, key: str, choices: list[str]) -> dict | None:
    """Her order, or None when she left the items as they were shown (an untouched answer)."""

    def position(choice: str) -> float:
        try:
            return float(data.get(f"q-{key}-{choice}", ""))
        except ValueError:
            return float("inf")

    order = sorted(choices, key=position)
    return None if order == choices else {"order": order}


def response_from(data: QueryDict, *, key: str, kind: str, choices: list[str]) -> dict | None:
    """One question's response, or None when the learner left it blank."""
    name = f"q-{key}"
    if kind == "ordering":
        return (
            _ordering(data, key, choices) if any(f"{name}-{c}" in data for c in choices) else None
        )
    if kind == "multiple":
        picked = data.getlist(name)
        return {"choices": picked} if picked else None
    value = data.get(name)
    if value in (None, ""):
        return None
    if kind == "true_false":
        return {"value": value == "true"}
    if kind == "numeric":
        return {"number": value.strip()[:30]}
    return {"choice": value}


def responses_from(data: QueryDict, questions) -> dict[str, dict]:
    responses = {}
    for question in questions:
        choices = [choice.key for choice in question.choices]
        response = response_from(data, key=question.key, kind=question.kind, choices=choices)
        if response is not None:
            responses[question.key] = response
    extra = {name[2:38] for name in data if name.startswith("q-")} - {q.key for q in questions}
    for key in extra:  # answers to questions not shown: kept so the service refuses them
        responses[key] = {"choice": data.get(f"q-{key}")}
    return responses

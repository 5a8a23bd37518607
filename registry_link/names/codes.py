"""Stable codes of the name check: the reason of each match or refusal, and the errors.

Clients (the JSON API, the phone page's script, other apps) read these codes; the words shown
next to them are translated and may change.
"""

# Taken: the register has this name.
SAME = "same"  # the same letters, apart from capitals, accents and Arabic letter forms
SAME_IGNORING = "same_ignoring"  # the same once legal-form words, articles... are set aside
SAME_OTHER_SCRIPT = "same_other_script"  # Latin ↔ Tifinagh by IRCAM's table

# Similar: close enough that ODCO may refuse it.
SOUNDS_LIKE = "sounds_like"  # Arabic ↔ Latin ↔ Tifinagh by sound, or another Latin spelling
WORD_ORDER = "word_order"  # the same words in another order
CLOSE_SPELLING = "close_spelling"  # one to three letters apart, by length

# Refused, whatever the register holds.
PROTECTED_NAME = "protected_name"  # a protected quality label (Law 25-06)
SENSITIVE_WORD = "sensitive_word"  # a word kept for official bodies or quality signs
GENERIC_ONLY = "generic_only"  # nothing but legal-form and filler words

TAKEN_REASONS = frozenset({SAME, SAME_IGNORING, SAME_OTHER_SCRIPT})
SIMILAR_REASONS = frozenset({SOUNDS_LIKE, WORD_ORDER, CLOSE_SPELLING})

# Errors (HTTP 400 from the API, a message on the page).
NAME_EMPTY = "name_empty"
NAME_TOO_LONG = "name_too_long"
NAME_SCRIPT = "name_script"
RATE_LIMITED = "rate_limited"

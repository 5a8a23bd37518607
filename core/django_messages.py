# ruff: noqa: E501
# (the messages are Django's, kept whole so that they match its own)
"""Django's own messages that a learner can meet: form and validation errors, file sizes,
month and day names, "5 minutes".

Django has no catalogue for Darija or the Amazigh languages, so these fell back to Arabic on their
pages. Listed here, ``makemessages`` copies them into our catalogues, which Django reads before its
own (``LOCALE_PATHS``); each language then says them itself. Never called: only read by the
gettext tools. Regenerate the list when Django is upgraded (see docs/translations.md).
"""

from django.utils.translation import gettext, ngettext, pgettext


def _listed() -> None:  # pragma: no cover
    gettext("This field is required.")
    gettext("Enter a whole number.")
    gettext("Enter a number.")
    gettext("Enter a valid date.")
    gettext("Enter a valid time.")
    gettext("Enter a valid date/time.")
    gettext("Enter a valid duration.")
    gettext("The number of days must be between {min_days} and {max_days}.")
    gettext("No file was submitted. Check the encoding type on the form.")
    gettext("No file was submitted.")
    gettext("The submitted file is empty.")
    ngettext(
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
        0,
    )
    gettext("Please either submit a file or check the clear checkbox, not both.")
    gettext(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    )
    gettext("Enter a valid URL.")
    gettext("Select a valid choice. %(value)s is not one of the available choices.")
    gettext("Enter a list of values.")
    gettext("Enter a complete value.")
    gettext("Enter a valid UUID.")
    gettext("Enter a valid JSON.")
    gettext(":")
    gettext("(Hidden field %(name)s) %(error)s")
    gettext(
        "ManagementForm data is missing or has been tampered with. Missing fields: %(field_names)s. You may need to file a bug report if the issue persists."
    )
    ngettext("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", 0)
    ngettext("Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", 0)
    gettext("Order")
    gettext("Delete")
    gettext("Please correct the duplicate data for %(field)s.")
    gettext("Please correct the duplicate data for %(field)s, which must be unique.")
    gettext("and")
    gettext(
        "Please correct the duplicate data for %(field_name)s which must be unique for the %(lookup)s in %(date_field)s."
    )
    gettext("Please correct the duplicate values below.")
    gettext("The inline value did not match the parent instance.")
    gettext("Select a valid choice. That choice is not one of the available choices.")
    gettext("“%(pk)s” is not a valid value.")
    gettext(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be ambiguous or it may not exist."
    )
    gettext("Clear")
    gettext("Currently")
    gettext("Change")
    gettext("Unknown")
    gettext("Yes")
    gettext("No")
    gettext("Enter a valid value.")
    gettext("Enter a valid domain name.")
    gettext("Enter a valid integer.")
    gettext("Enter a valid email address.")
    gettext("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.")
    gettext("Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.")
    gettext("Enter a valid %(protocol)s address.")
    gettext("IPv4")
    gettext("IPv6")
    gettext("IPv4 or IPv6")
    gettext("Enter only digits separated by commas.")
    gettext("Ensure this value is %(limit_value)s (it is %(show_value)s).")
    gettext("Ensure this value is less than or equal to %(limit_value)s.")
    gettext("Ensure this value is greater than or equal to %(limit_value)s.")
    gettext("Ensure this value is a multiple of step size %(limit_value)s.")
    gettext(
        "Ensure this value is a multiple of step size %(limit_value)s, starting from %(offset)s, e.g. %(offset)s, %(valid_value1)s, %(valid_value2)s, and so on."
    )
    ngettext(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        0,
    )
    ngettext(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        0,
    )
    ngettext(
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
        0,
    )
    ngettext(
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
        0,
    )
    ngettext(
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
        0,
    )
    gettext(
        "File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s."
    )
    gettext("Null characters are not allowed.")
    gettext("Monday")
    gettext("Tuesday")
    gettext("Wednesday")
    gettext("Thursday")
    gettext("Friday")
    gettext("Saturday")
    gettext("Sunday")
    gettext("Mon")
    gettext("Tue")
    gettext("Wed")
    gettext("Thu")
    gettext("Fri")
    gettext("Sat")
    gettext("Sun")
    gettext("January")
    gettext("February")
    gettext("March")
    gettext("April")
    gettext("May")
    gettext("June")
    gettext("July")
    gettext("August")
    gettext("September")
    gettext("October")
    gettext("November")
    gettext("December")
    gettext("jan")
    gettext("feb")
    gettext("mar")
    gettext("apr")
    gettext("may")
    gettext("jun")
    gettext("jul")
    gettext("aug")
    gettext("sep")
    gettext("oct")
    gettext("nov")
    gettext("dec")
    pgettext("abbrev. month", "Jan.")
    pgettext("abbrev. month", "Feb.")
    pgettext("abbrev. month", "March")
    pgettext("abbrev. month", "April")
    pgettext("abbrev. month", "May")
    pgettext("abbrev. month", "June")
    pgettext("abbrev. month", "July")
    pgettext("abbrev. month", "Aug.")
    pgettext("abbrev. month", "Sept.")
    pgettext("abbrev. month", "Oct.")
    pgettext("abbrev. month", "Nov.")
    pgettext("abbrev. month", "Dec.")
    pgettext("alt. month", "January")
    pgettext("alt. month", "February")
    pgettext("alt. month", "March")
    pgettext("alt. month", "April")
    pgettext("alt. month", "May")
    pgettext("alt. month", "June")
    pgettext("alt. month", "July")
    pgettext("alt. month", "August")
    pgettext("alt. month", "September")
    pgettext("alt. month", "October")
    pgettext("alt. month", "November")
    pgettext("alt. month", "December")
    gettext("yes,no,maybe")
    ngettext("%(size)d byte", "%(size)d bytes", 0)
    gettext("%s KB")
    gettext("%s MB")
    gettext("%s GB")
    gettext("%s TB")
    gettext("%s PB")
    ngettext("%(num)d year", "%(num)d years", 0)
    ngettext("%(num)d month", "%(num)d months", 0)
    ngettext("%(num)d week", "%(num)d weeks", 0)
    ngettext("%(num)d day", "%(num)d days", 0)
    ngettext("%(num)d hour", "%(num)d hours", 0)
    ngettext("%(num)d minute", "%(num)d minutes", 0)
    gettext(", ")
    pgettext("String to return when truncating text", "%(truncated_text)s…")
    gettext("or")

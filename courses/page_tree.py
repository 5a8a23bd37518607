"""Keep each page's count of children true, whoever wrote the tree.

Wagtail routes a URL by asking a page for its children, and treebeard answers "none" without
looking when a page records ``numchild=0``. wagtail-localize (upstream issue #773) publishes a
translated page from a copy of it taken before its own translated children were created, so
the count it writes back is 0, and the module and lessons of a course translated "with its
subtree" answered 404. The count is checked after every page save and repaired if wrong.
"""

from collections import Counter

from wagtail.models import Page

STEP = Page.steplen  # characters of a page's path per level of the tree


def page_numchild_repair(*, page: Page) -> bool:
    """Make ``page.numchild`` (in the database and on the instance) count its children.

    Returns whether the database held a wrong count.
    """
    count = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
    page.numchild = count
    return bool(Page.objects.filter(pk=page.pk).exclude(numchild=count).update(numchild=count))


def pages_numchild_repair_all(*, page_model=Page) -> int:
    """Repair every page's count of children (a data migration passes its historical model).

    One read of the whole tree's paths, then one update per wrong count. Returns how many were
    wrong.
    """
    rows = list(page_model.objects.values_list("pk", "path", "numchild"))
    children = Counter(path[:-STEP] for _pk, path, _numchild in rows)
    repaired = 0
    for pk, path, numchild in rows:
        if children[path] != numchild:
            page_model.objects.filter(pk=pk).update(numchild=children[path])
            repaired += 1
    return repaired

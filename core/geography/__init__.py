"""One geography for the whole system: see core/models.py and docs/decisions/0025-one-geography.md.

- ``loading``: the 12 regions, 83 provinces and 1,503 communes, read from the census package.
- ``selectors``: parents and children, choices for forms.
- ``census``: the 2024 census figures of a unit (population by sex and age, activity,
  illiteracy, languages spoken, establishments by sector), read-only from the package.
- ``maps``: the inline SVG map component; ``shapes/`` holds the simplified boundaries.
"""

"""Learners: every member of the generated register becomes a learner account, with the
cooperative's region and province, a commune of that province, her gender, year of birth and
language, and a confirmed membership (the first member of each cooperative leads it).

The register's own counts decide who is a woman and who is young, so the learners of a
cooperative add up to its ``members_count``, ``women_count`` and ``youth_count``.
"""

from .sql import execute, ids_reserve, literal, pick, rnd, scalar, table

PHONE_PREFIX = "+2128"  # 08…: no Moroccan mobile number starts so: never a real learner
PASSWORD = "!national"  # noqa: S105 - unusable (starts with "!"), and marks the generated accounts
YOUTH_BORN = (1992, 2007)  # 18 to 33 at the end of 2025
OLDER_BORN = (1950, 1990)
JOINED_FROM, JOINED_DAYS = "2025-07-01", 480  # the academy opened in mid-2025

WOMEN = ("Fadma", "Aicha", "Khadija", "Zahra", "Itto", "Fatima", "Naima", "Hafsa", "Mina",
         "Rachida", "Touda", "Ijja", "Malika", "Saadia", "Hanane", "Latifa")  # fmt: skip
MEN = ("Mohamed", "Ahmed", "Brahim", "Lahcen", "Hassan", "Youssef", "Omar", "Said", "Hamid",
       "Abdellah", "Mustapha", "Driss", "Aziz", "Karim")  # fmt: skip
FAMILIES = ("Ait Ali", "Oubella", "El Idrissi", "Bennani", "Amrani", "Ouhammou", "Boutaleb",
            "Zahraoui", "Ait Baha", "Ouchen", "El Fassi", "Belhaj", "Idbouhou", "Akhiat",
            "Bouzid", "Ennaji", "Lamrani", "Tazi", "Ouali", "Azzouzi")  # fmt: skip

# Preferred language by region (DOMAIN.md, "Languages"): Darija everywhere, Tachelhit in the
# south-west, Central Atlas Tamazight in the Middle Atlas, Tarifit in the north-east.
_BASE = {"ary": 52, "ar": 24, "fr": 8, "zgh": 1, "en": 1}
_AMAZIGH = {
    "01": {"rif": 10}, "02": {"rif": 14, "tzm": 2}, "03": {"tzm": 12},
    "04": {"tzm": 3}, "05": {"tzm": 16}, "06": {"shi": 2}, "07": {"shi": 12},
    "08": {"tzm": 14, "shi": 10}, "09": {"shi": 30}, "10": {"shi": 18},
    "11": {"shi": 3}, "12": {"shi": 2},
}  # fmt: skip


def language_weights(region: str) -> dict[str, int]:
    return {**_BASE, **_AMAZIGH.get(region, {})}


def _language_table() -> None:
    """national_language(region, low, high, code): each language's slice of [0, 1) by region."""
    rows = []
    for region in _AMAZIGH:
        weights = language_weights(region)
        total, low = sum(weights.values()), 0.0
        for position, (code, weight) in enumerate(weights.items()):
            high = 1.01 if position == len(weights) - 1 else low + weight / total
            rows.append(f"({literal(region)}, {low}, {high}, {literal(code)})")
            low = high
    execute("DROP TABLE IF EXISTS national_language")
    execute("CREATE TEMP TABLE national_language (region text, low float8, high float8, code text)")
    execute(f"INSERT INTO national_language VALUES {', '.join(rows)}")  # noqa: S608


def _communes_table() -> None:
    """national_commune(province, position, code) and each province's commune count."""
    commune = table("core.Commune")
    execute("DROP TABLE IF EXISTS national_commune")
    execute(
        "CREATE TEMP TABLE national_commune AS SELECT province_id AS province, code, "  # noqa: S608
        "row_number() OVER (PARTITION BY province_id ORDER BY code) - 1 AS position, "
        f"count(*) OVER (PARTITION BY province_id) AS communes FROM {commune}"
    )
    execute("CREATE INDEX ON national_commune (province, position)")


def _members_table(seed: int) -> int:
    """national_member: one row per member of each generated cooperative (not of unions)."""
    cooperative = table("registry_link.Cooperative")
    execute("DROP TABLE IF EXISTS national_member")
    execute(
        f"""CREATE TEMP TABLE national_member AS
        SELECT row_number() OVER (ORDER BY c.id, g.n) AS k, c.id AS cooperative_id, g.n,
               c.region_id AS region, c.province_id AS province, c.commune_id AS commune,
               c.members_count AS members, c.women_count AS women, c.youth_count AS youth
        FROM {cooperative} c CROSS JOIN LATERAL generate_series(1, c.members_count) AS g(n)
        WHERE c.is_demo AND c.local_number LIKE 'G%%' AND c.kind = 'cooperative'"""  # noqa: S608
    )
    count = scalar("SELECT count(*) FROM national_member")
    execute("ALTER TABLE national_member ADD COLUMN user_id bigint")
    first = ids_reserve("academy.User", count)
    execute("UPDATE national_member SET user_id = k + %s", [first - 1])
    execute("CREATE INDEX ON national_member (user_id)")
    execute("ANALYZE national_member")
    return count


def _user_columns(seed: int) -> dict[str, str]:
    r = lambda salt: rnd("m.k", salt, seed)  # noqa: E731
    woman = "m.n <= m.women"
    young = "((m.n - 1 + m.women / 2) %% m.members) < m.youth"
    women = [literal(name) for name in WOMEN]
    men = [literal(name) for name in MEN]
    born_young = f"{YOUTH_BORN[0]} + floor({r(3)} * {YOUTH_BORN[1] - YOUTH_BORN[0] + 1})"
    older_years = OLDER_BORN[1] - OLDER_BORN[0] + 1
    born_older = f"{OLDER_BORN[0]} + floor(power({r(3)}, 0.8) * {older_years})"
    joined = f"timestamptz '{JOINED_FROM}' + {r(5)} * interval '{JOINED_DAYS} days'"
    return {
        "id": "m.user_id",
        "password": literal(PASSWORD),
        "is_superuser": "false",
        "phone_number": f"'{PHONE_PREFIX}' || lpad(m.k::text, 8, '0')",
        "first_name": f"CASE WHEN {woman} THEN {pick(women, 'm.k', 1, seed)} "
        f"ELSE {pick(men, 'm.k', 1, seed)} END",
        "last_name": pick([literal(name) for name in FAMILIES], "m.k", 2, seed),
        "email": "''",
        "preferred_language": "l.code",
        "is_staff": "false",
        "is_active": "true",
        "date_joined": joined,
        "birth_year": f"(CASE WHEN {young} THEN {born_young} ELSE {born_older} END)::smallint",
        "gender": f"CASE WHEN {woman} THEN 'woman' ELSE 'man' END",
        "motivation": "'member'",
        "reads": "'[]'::jsonb",
        "phone_verified_at": joined,
        "region": "m.region",
        "province_id": "m.province",
        "commune_id": f"CASE WHEN {r(6)} < 0.7 OR m.commune IS NULL THEN coalesce(m.commune, "
        "c.code) ELSE c.code END",
    }


def learners_generate(*, seed: int) -> int:
    """Write one learner account and one confirmed membership per member; returns how many."""
    _language_table()
    _communes_table()
    count = _members_table(seed)
    columns = _user_columns(seed)
    position = f"floor({rnd('m.k', 7, seed)} * c.communes)"
    execute(
        f"""INSERT INTO {table("academy.User")} ({", ".join(columns)})
        SELECT {", ".join(columns.values())}
        FROM national_member m
        JOIN national_language l ON l.region = m.region
             AND {rnd("m.k", 4, seed)} >= l.low AND {rnd("m.k", 4, seed)} < l.high
        JOIN national_commune c ON c.province = m.province AND c.position = {position}
        ORDER BY m.k"""  # noqa: S608
    )
    _memberships(seed)
    return count


def _memberships(seed: int) -> None:
    user = table("academy.User")
    execute(
        f"""INSERT INTO {table("registry_link.Membership")}
            (cooperative_id, user_id, role, status, source, created_at, decided_at)
        SELECT m.cooperative_id, m.user_id, CASE WHEN m.n = 1 THEN 'leader' ELSE 'member' END,
               'confirmed', 'import', u.date_joined, u.date_joined
        FROM national_member m JOIN {user} u ON u.id = m.user_id ORDER BY m.k"""  # noqa: S608
    )

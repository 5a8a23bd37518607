"""The name check against a national register: 65,315 cooperatives (DOMAIN.md, November 2025).

``make bench`` calls ``measure_name_check(env)`` (from ``run.py``): the check is timed on
PostgreSQL when the run uses it (``DATABASE_URL``) and always on SQLite (a new file in the run's
temporary directory, migrated first). Each measurement runs in a process of its own
(``python tests/bench/name_check.py --measure``) that bulk-creates the cooperatives (court
"Name check bench") with plausible names in Arabic, Latin and Tifinagh, writes their name keys
(``name_keys_rebuild``, as the register's import does), commits, vacuums and analyses as a live
database would be, then times
``name_check()`` on a mix of proposed names: names of the register as they are, the same with a
word or an article dropped, capitals and punctuation changed, one letter wrong, in another script,
and new names. Prints p50/p95/p99 and the budget (p95 <= 50 ms on PostgreSQL). The benchmark's
cooperatives are removed at the end (and at the start, if an interrupted run left them).

On its own: ``python tests/bench/name_check.py`` (SQLite, plus PostgreSQL if ``DATABASE_URL``).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGISTER_SIZE = 65_315
CHECKS = 400
WARM_UP = 20
BUDGET_P95_MS = 50.0

# (Latin, Arabic, Tifinagh or None): the words cooperatives are named after.
WORDS = [
    ("Al Amal", "الأمل", "ⴰⵎⴰⵍ"), ("Nour", "النور", "ⵏⵓⵔ"), ("Al Baraka", "البركة", None),
    ("Tifawin", "تيفاوين", "ⵜⵉⴼⴰⵡⵉⵏ"), ("Tafoukt", "تافوكت", "ⵜⴰⴼⵓⴽⵜ"),
    ("Tamount", "تامونت", "ⵜⴰⵎⵓⵏⵜ"), ("Al Wahda", "الوحدة", None), ("Al Khayr", "الخير", None),
    ("Ennajah", "النجاح", None), ("Assafa", "الصفاء", None), ("Azul", "أزول", "ⴰⵣⵓⵍ"),
    ("Tighanimine", "تيغانيمين", "ⵜⵉⵖⴰⵏⵉⵎⵉⵏ"), ("Tamazirt", "تامازيرت", "ⵜⴰⵎⴰⵣⵉⵔⵜ"),
    ("Asif", "أسيف", "ⴰⵙⵉⴼ"), ("Adrar", "أدرار", "ⴰⴷⵔⴰⵔ"), ("Annahda", "النهضة", None),
    ("Attadamoun", "التضامن", None), ("Al Firdaous", "الفردوس", None), ("Zitoune", "الزيتون", None),
    ("Argan", "أركان", "ⴰⵔⴳⴰⵏ"), ("Assal", "العسل", None), ("Al Yasmine", "الياسمين", None),
    ("Nakhil", "النخيل", None), ("Al Waha", "الواحة", None), ("Al Ikhlas", "الإخلاص", None),
    ("Tiwizi", "تويزة", "ⵜⵡⵉⵣⵉ"), ("Tudert", "تودرت", "ⵜⵓⴷⵔⵜ"), ("Anzar", "أنزار", "ⴰⵏⵣⴰⵔ"),
    ("Tilelli", "تيليلي", "ⵜⵉⵍⵍⵉ"), ("Al Fajr", "الفجر", None), ("Assabil", "السبيل", None),
    ("Al Massira", "المسيرة", None), ("Al Inbiat", "الانبعاث", None),
    ("Tamlalt", "تاملالت", "ⵜⴰⵎⵍⴰⵍⵜ"),
    ("Amalou", "أملو", "ⴰⵎⵍⵓ"), ("Nisrine", "نسرين", None), ("Al Hana", "الهناء", None),
    ("Rahma", "الرحمة", None), ("Al Mostakbal", "المستقبل", None), ("Assaada", "السعادة", None),
]  # fmt: skip
SECTORS = [
    ("Agricole", "الفلاحية", None), ("Artisanale", "الحرفية", None), ("Féminine", "النسوية", None),
    ("Laitière", "الحليب", None), ("Apicole", "النحل", None),
    ("des Plantes Aromatiques", "النباتات العطرية", None), ("du Couscous", "الكسكس", None),
    ("d'Élevage", "تربية الماشية", None), ("du Tissage", "النسيج", None),
]  # fmt: skip
PLACES = [
    ("Tiznit", "تيزنيت", "ⵜⵉⵣⵏⵉⵜ"), ("Taroudant", "تارودانت", "ⵜⴰⵔⵓⴷⴰⵏⵜ"),
    ("Ouarzazate", "ورزازات", "ⵡⴰⵔⵣⴰⵣⴰⵜ"), ("Azilal", "أزيلال", "ⴰⵣⵉⵍⴰⵍ"),
    ("Khénifra", "خنيفرة", "ⵅⵏⵉⴼⵔⴰ"), ("Errachidia", "الرشيدية", None), ("Figuig", "فجيج", "ⴼⵉⴳⵉⴳ"),
    ("Chefchaouen", "شفشاون", None), ("Essaouira", "الصويرة", None), ("Agadir", "أكادير", "ⴰⴳⴰⴷⵉⵔ"),
    ("Tinghir", "تنغير", "ⵜⵉⵏⵖⵉⵔ"), ("Zagora", "زاكورة", "ⵣⴰⴳⵓⵔⴰ"), ("Midelt", "ميدلت", "ⵎⵉⴷⵍⵜ"),
    ("Imilchil", "إملشيل", "ⵉⵎⵉⵍⵛⵉⵍ"), ("Tata", "طاطا", "ⵟⴰⵟⴰ"), ("Guelmim", "كلميم", "ⴳⵍⵎⵉⵎ"),
]  # fmt: skip
SYLLABLES = [
    ("ta", "تا", "ⵜⴰ"), ("ma", "ما", "ⵎⴰ"), ("zi", "زي", "ⵣⵉ"), ("ghi", "غي", "ⵖⵉ"),
    ("lou", "لو", "ⵍⵓ"), ("ri", "ري", "ⵔⵉ"), ("nou", "نو", "ⵏⵓ"), ("ka", "كا", "ⴽⴰ"),
    ("da", "دا", "ⴷⴰ"), ("sou", "سو", "ⵙⵓ"), ("fa", "فا", "ⴼⴰ"), ("bi", "بي", "ⴱⵉ"),
    ("ou", "و", "ⵓ"), ("ha", "ها", "ⵀⴰ"), ("mi", "مي", "ⵎⵉ"), ("la", "لا", "ⵍⴰ"),
]  # fmt: skip
ENDINGS = [("t", "ت", "ⵜ"), ("n", "ن", "ⵏ"), ("", "", ""), ("r", "ر", "ⵔ"), ("ne", "ن", "ⵏ")]
AIT = ("Aït", "آيت", "ⴰⵢⵜ")


def douar(rng: random.Random) -> tuple[str, str, str]:
    """An invented place name in three scripts ("Aït Tazilout", "آيت تازيلوت", "ⴰⵢⵜ ⵜⴰⵣⵉⵍⵓⵜ")."""
    parts = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))] + [rng.choice(ENDINGS)]
    latin, arabic, tifinagh = ("".join(part[i] for part in parts) for i in range(3))
    latin = latin.capitalize()
    if rng.random() < 0.3:
        return f"{AIT[0]} {latin}", f"{AIT[1]} {arabic}", f"{AIT[2]} {tifinagh}"
    return latin, arabic, tifinagh


def one_name(rng: random.Random) -> tuple[str, str, str | None]:
    """A cooperative's name in Latin, Arabic and (when every part has one) Tifinagh letters."""
    shape = rng.random()
    word = rng.choice(WORDS)
    if shape < 0.35:
        parts = [word, douar(rng)]
    elif shape < 0.6:
        parts = [rng.choice(SECTORS), word, rng.choice(PLACES)]
    elif shape < 0.8:
        parts = [word, rng.choice(WORDS), douar(rng)]
    else:
        parts = [rng.choice(SECTORS), douar(rng)]
    union = rng.random() < 0.03
    latin = ("Union des Coopératives " if union else "Coopérative ") + " ".join(p[0] for p in parts)
    arabic = ("اتحاد تعاونيات " if union else "تعاونية ") + " ".join(p[1] for p in parts)
    has_tifinagh = all(p[2] for p in parts) and not union
    tifinagh = "ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ " + " ".join(p[2] for p in parts) if has_tifinagh else None
    return latin, arabic, tifinagh


def register_names(size: int, seed: int = 2025) -> list[tuple[str, str, str | None]]:
    rng = random.Random(seed)
    names: dict[str, tuple[str, str, str | None]] = {}
    while len(names) < size:
        latin, arabic, tifinagh = one_name(rng)
        names.setdefault(latin, (latin, arabic, tifinagh))
    return list(names.values())


def register_fill(names: list[tuple[str, str, str | None]]) -> float:
    """Bulk-create the cooperatives and their name keys; the seconds it took."""
    from registry_link.models import Cooperative
    from registry_link.names import name_keys_rebuild

    started = time.perf_counter()
    rng = random.Random(7)
    regions = [f"{code:02d}" for code in range(1, 13)]
    cooperatives = [
        Cooperative(
            name_latin=latin if rng.random() < 0.9 else "",
            name_ar=arabic,
            name_tfng=(tifinagh or "") if rng.random() < 0.6 else "",
            sector="agriculture",
            region_id=rng.choice(regions),
            court=COURT,
            local_number=f"B-{number}",
            is_demo=True,
        )
        for number, (latin, arabic, tifinagh) in enumerate(names)
    ]
    created = Cooperative.objects.bulk_create(cooperatives, batch_size=2000)
    name_keys_rebuild(cooperative_ids=[cooperative.pk for cooperative in created])
    return time.perf_counter() - started


def typo(text: str, rng: random.Random) -> str:
    letters = [i for i, char in enumerate(text) if char.isalpha() and i > 12]
    if not letters:
        return text
    at = rng.choice(letters)
    return text[:at] + rng.choice("aeioulmnrst") + text[at + 1 :]


def proposals(names: list[tuple[str, str, str | None]], count: int) -> list[tuple[str, str]]:
    """``(kind, name)`` pairs: what founders type, from the register and beyond it."""
    rng = random.Random(11)
    asked = []
    for _ in range(count):
        latin, arabic, tifinagh = rng.choice(names)
        kind = rng.choice(("same", "ignored", "typo", "arabic", "tifinagh", "new", "short"))
        if kind == "same":
            name = latin
        elif kind == "ignored":
            name = latin.replace("Coopérative ", "").upper() + " !"
        elif kind == "typo":
            name = typo(latin, rng)
        elif kind == "arabic":
            name = arabic.replace("تعاونية ", "")
        elif kind == "tifinagh":
            name = tifinagh or arabic
        elif kind == "new":
            name = f"Coopérative {douar(rng)[0]} {douar(rng)[0]}"
        else:  # one popular word: the most candidates
            name = rng.choice(WORDS)[rng.choice((0, 1))]
        asked.append((kind, name))
    return asked


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


COURT = "Name check bench"


def register_clear() -> None:
    """Remove the benchmark's cooperatives (and, by cascade, their name keys)."""
    from registry_link.models import Cooperative, NameKey

    ours = Cooperative.objects.filter(court=COURT)
    NameKey.objects.filter(cooperative__in=ours).delete()
    ours._raw_delete(ours.db)  # no history, no signals: they were bulk-created


def measure_here(label: str) -> dict[str, float]:
    """Fill the register (committed, as a real register is, then vacuumed and analysed), time
    the checks, remove the benchmark's cooperatives (in this process's database)."""
    from django.db import connection

    from registry_link.names import name_check

    names = register_names(REGISTER_SIZE)
    figures: dict[str, float] = {}
    register_clear()  # what an interrupted run left
    try:
        figures["fill_s"] = register_fill(names)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("VACUUM ANALYZE registry_link_namekey")
                cursor.execute("VACUUM ANALYZE registry_link_cooperative")
            else:
                cursor.execute("ANALYZE")
        asked = proposals(names, CHECKS + WARM_UP)
        for _kind, name in asked[:WARM_UP]:
            name_check(name=name)
        timings, verdicts = [], {}
        for _kind, name in asked[WARM_UP:]:
            started = time.perf_counter()
            check = name_check(name=name)
            timings.append((time.perf_counter() - started) * 1000)
            verdict = str(check.verdict)
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
    finally:
        register_clear()
    figures.update(
        p50=percentile(timings, 0.50),
        p95=percentile(timings, 0.95),
        p99=percentile(timings, 0.99),
        mean=statistics.fmean(timings),
        max=max(timings),
    )
    print(f"{label}: {REGISTER_SIZE} cooperatives filled in {figures['fill_s']:.1f} s;", flush=True)
    print(f"{label}: verdicts of {CHECKS} checks: {dict(sorted(verdicts.items()))}", flush=True)
    return figures


def _measure_main() -> int:
    """``--measure LABEL``: run in a process whose environment names the database."""
    label = sys.argv[sys.argv.index("--measure") + 1]
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if "--migrate" in sys.argv:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
    figures = measure_here(label)
    for key in ("p50", "p95", "p99", "mean", "max"):
        print(f"FIGURE {key} {figures[key]:.2f}", flush=True)
    print(f"FIGURE fill_s {figures['fill_s']:.2f}", flush=True)
    return 0


def _run_measure(env: dict[str, str], label: str, *, migrate: bool) -> dict[str, float] | None:
    arguments = [sys.executable, __file__, "--measure", label, *(["--migrate"] if migrate else [])]
    result = subprocess.run(  # noqa: S603
        arguments, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    figures = {}
    for line in result.stdout.splitlines():
        if line.startswith("FIGURE "):
            _tag, key, value = line.split()
            figures[key] = float(value)
        else:
            print(line, flush=True)
    if result.returncode != 0:
        print(f"{label}: the measurement failed:\n{result.stderr[-3000:]}", flush=True)
        return None
    return figures


def _report(label: str, key: str, figures: dict[str, float], bench) -> None:
    print(
        f"{label}: p50 {figures['p50']:.1f} ms, p95 {figures['p95']:.1f} ms, "
        f"p99 {figures['p99']:.1f} ms, max {figures['max']:.1f} ms",
        flush=True,
    )
    for name in ("p50", "p95", "p99"):
        bench(f"name_check_{key}_{name}_ms", round(figures[name], 1), "ms")
    bench(f"name_check_{key}_fill_s", round(figures["fill_s"], 1), "s")


def measure_name_check(env: dict[str, str], *, bench=None, var_dir: Path | None = None) -> None:
    """Time the name check on PostgreSQL (when ``env`` uses it) and on SQLite."""
    bench = bench or (lambda name, value, unit: print(f"BENCH {name} {value} {unit}", flush=True))
    print(f"== Name check: {REGISTER_SIZE} cooperatives, {CHECKS} checks ==", flush=True)
    url = env.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        figures = _run_measure(env, "PostgreSQL", migrate=False)
        if figures:
            _report("PostgreSQL", "postgresql", figures, bench)
            bench("name_check_postgresql_budget_ok", int(figures["p95"] <= BUDGET_P95_MS), "flag")
    else:
        print("PostgreSQL: not measured (set DATABASE_URL to a PostgreSQL database)", flush=True)
    with tempfile.TemporaryDirectory(dir=var_dir) as folder:
        sqlite_env = {**env, "DATABASE_URL": f"sqlite:///{Path(folder) / 'names.sqlite3'}"}
        if url.startswith("sqlite:"):
            sqlite_env = env  # the run's own SQLite database, migrated already
        figures = _run_measure(sqlite_env, "SQLite", migrate=sqlite_env is not env)
        if figures:
            _report("SQLite", "sqlite", figures, bench)


def main() -> int:
    if "--measure" in sys.argv:
        return _measure_main()
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.dev")
    if env.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
    measure_name_check(env)
    return 0


if __name__ == "__main__":
    sys.exit(main())

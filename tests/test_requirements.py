"""The three locked sets: the web's holds no torch, Whisper or test tools; every locked package
has a hash; one package has one version in every set; the pins of the .in files are the locks'."""

import re
from pathlib import Path

import pytest
from django.conf import settings

REQUIREMENTS = Path(settings.BASE_DIR) / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s\\;]+)", re.MULTILINE)


def name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw).lower()


def locked(set_name: str) -> dict[str, tuple[str, list[str]]]:
    """Package → (version, hashes) of a compiled file."""
    text = (REQUIREMENTS / f"{set_name}.txt").read_text()
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)
    packages = {}
    for block in blocks:
        match = PIN.match(block)
        if match:
            packages[name(match[1])] = (match[3], re.findall(r"--hash=sha256:\w+", block))
    return packages


def pinned(set_name: str) -> dict[str, str]:
    text = (REQUIREMENTS / f"{set_name}.in").read_text()
    return {name(match[1]): match[3] for match in PIN.finditer(text)}


SETS = ["web", "worker", "dev"]


def test_the_web_set_holds_no_torch_whisper_or_test_tools():
    web = locked("web")
    heavy = {"torch", "openai-whisper", "triton", "numba", "llvmlite", "pytest", "playwright"}
    assert heavy.isdisjoint(web)
    assert not [package for package in web if package.startswith("nvidia-")]
    assert {"django", "wagtail", "gunicorn", "sentry-sdk", "psycopg-pool"} <= set(web)


def test_no_set_installs_triton_or_a_cuda_library():
    for set_name in SETS:
        packages = locked(set_name)
        assert "triton" not in packages
        assert not [package for package in packages if package.startswith("nvidia-")]


@pytest.mark.parametrize("set_name", SETS)
def test_every_locked_package_has_a_hash(set_name):
    packages = locked(set_name)
    assert len(packages) > 40
    assert [package for package, (_, hashes) in packages.items() if not hashes] == []


def test_each_set_holds_the_one_below_with_the_same_versions():
    web, worker, dev = (locked(set_name) for set_name in SETS)
    for smaller, larger in ((web, worker), (worker, dev)):
        assert set(smaller) <= set(larger)
        assert {p: v for p, (v, _) in smaller.items()} == {p: larger[p][0] for p in smaller}
    assert {"numpy", "numba", "tiktoken", "sympy"} <= set(worker)
    assert {"pytest", "playwright", "ruff", "import-linter", "pip-tools"} <= set(dev)


@pytest.mark.parametrize("set_name", SETS)
def test_the_locks_follow_the_pins_of_the_in_files(set_name):
    packages = locked(set_name)
    assert {p: packages[p][0] for p in pinned(set_name)} == pinned(set_name)


def test_torch_and_whisper_are_installed_apart():
    torch = [
        line for line in (REQUIREMENTS / "torch.txt").read_text().splitlines() if PIN.match(line)
    ]
    assert torch == ["torch==2.13.0"]
    whisper = (REQUIREMENTS / "whisper.txt").read_text()
    assert "openai-whisper==20250625" in whisper
    assert "--hash=sha256:" in whisper

"""The conda environment, the Makefile, CI and the README agree with pyproject.toml."""

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

from conftest import ROOT

# PyPI name -> conda-forge name, where they differ.
CONDA_NAMES = {"vadersentiment": "vadersentiment"}


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _pip_requirements():
    project = _pyproject()["project"]
    requirements = [Requirement(r) for r in project["dependencies"]]
    for extra in ("dask", "test"):
        requirements += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return {CONDA_NAMES.get(r.name.lower(), r.name.lower()): r.specifier for r in requirements}


def _conda_requirements():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs, pip_section = {}, None
    for entry in environment["dependencies"]:
        if isinstance(entry, dict):
            pip_section = entry["pip"]
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*(.*)", entry.strip())
        name, spec = match.group(1).lower(), match.group(2).replace(" ", "")
        specs[name] = spec
    return environment, specs, pip_section


def test_environment_yml_has_the_same_packages_and_ranges_as_pyproject():
    environment, conda, pip_section = _conda_requirements()
    assert environment["channels"] == ["conda-forge"]
    assert conda.pop("python") == "=3.11"
    assert conda.pop("pip") == ""
    assert pip_section == ["-e ."]
    pip = _pip_requirements()
    assert sorted(conda) == sorted(pip)
    for name, specifier in pip.items():
        assert SpecifierSet(conda[name]) == specifier, name


def test_python_requirement_matches():
    assert _pyproject()["project"]["requires-python"] == ">=3.11"


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    commands = [line.strip() for line in ci.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == "make test"
    readme = (ROOT / "README.md").read_text()
    assert "make reports" in readme and "make test" in readme


def test_generated_folders_are_ignored_but_kept():
    ignore = (ROOT / ".gitignore").read_text().splitlines()
    for folder in ("data/processed", "reports"):
        assert f"{folder}/*" in ignore and f"!{folder}/.gitkeep" in ignore
        assert (ROOT / folder / ".gitkeep").exists()


def test_lexicons_have_a_header_with_source_and_purpose():
    for path in sorted((ROOT / "src" / "rhetoric" / "lexicons").glob("*.*")):
        if path.suffix not in {".txt", ".tsv"}:
            continue
        header = [line for line in path.read_text(encoding="utf-8").splitlines()[:40] if line.startswith("#")]
        text = " ".join(header).lower()
        assert header, f"{path.name} has no header"
        assert "source" in text and ("purpose" in text or "for" in text), path.name


def test_no_nltk_download_in_the_package():
    for path in (ROOT / "src").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "nltk.download" not in source and "nltk.downloader" not in source, path

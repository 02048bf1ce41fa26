"""Number families: the built-ins and user families from YAML specs."""

from __future__ import annotations

import pytest

from limitbench.benchmarks.probes.config import build_probe_config, load_probe_config
from limitbench.benchmarks.probes.families import BUILTIN_NAMES, FamilySpec, builtin_families, builtin_family
from limitbench.retrievers.errors import ConfigError


def test_builtins_match_the_jina_study_ranges():
    families = {f.name: f for f in builtin_families()}
    assert tuple(families) == BUILTIN_NAMES
    assert families["integers"].items[0] == "1" and families["integers"].items[-1] == "100"
    assert families["negatives"].items[:2] == ("-1", "-2") and families["negatives"].items[-1] == "-100"
    assert families["thousands"].items[-1] == "100000"
    assert families["offset"].items[0] == "376" and families["offset"].items[-1] == "476"
    assert families["huge"].items[0] == "4294967296" and families["huge"].items[5] == "4294967301"
    assert families["floats"].items[:3] == ("0.001", "0.002", "0.003") and families["floats"].items[-1] == "0.1"
    assert families["currency"].items[0] == "$1" and families["currency"].zero == "$0"
    assert families["dates"].items[:2] == ("2024-07-24", "2024-07-25") and len(families["dates"].items) == 100
    assert families["times"].items[:2] == ("19:00", "19:01") and families["times"].items[-1] == "20:39"


def test_user_families_from_specs():
    percent = FamilySpec(name="percent", start=5, step=5, count=20, format="{value}%").build()
    assert percent.items[:2] == ("5%", "10%") and percent.zero == "0%"
    weeks = FamilySpec(name="weeks", kind="date", start="2024-01-01", step=7, count=4, format="%d %b %Y").build()
    assert weeks.items == ("01 Jan 2024", "08 Jan 2024", "15 Jan 2024", "22 Jan 2024")
    sizes = FamilySpec(name="sizes", items=["XS", "S", "M", "L"], zero="XXS").build()
    assert sizes.items[-1] == "L" and sizes.zero == "XXS"


@pytest.mark.parametrize(
    ("family", "message"),
    [
        ({"name": "x", "start": 1, "step": 1}, "missing 'count'"),
        ({"name": "x", "start": 1, "step": 1, "count": 5, "format": "{val}"}, "cannot write 1"),
        ({"name": "x", "kind": "date", "start": "July 4", "step": 1, "count": 5}, "not an ISO date"),
        ({"name": "x", "items": ["1", "2", "3"], "start": 1}, "not both"),
        ({"name": "x", "start": "ten", "step": 1, "count": 5}, "'start' 'ten' is not a number"),
        ({"name": "x", "start": 1, "step": 1, "count": 5, "colour": "red"}, "colour"),
    ],
)
def test_bad_specs_name_the_field(family, message):
    with pytest.raises(ConfigError, match=r"field families: item 0 \(.x.\)") as raised:
        build_probe_config({"families": [family]}, source="probes.yaml")
    assert message.split(": ")[-1] in str(raised.value) and str(raised.value).startswith("probes.yaml: ")


def test_unknown_builtin_and_duplicates():
    with pytest.raises(ConfigError, match="unknown family 'primes'"):
        build_probe_config({"families": ["primes"]})
    with pytest.raises(ConfigError, match="used twice"):
        build_probe_config({"families": ["integers", {"name": "integers", "items": ["a", "b", "c"]}]})


def test_yaml_file_errors_name_file_and_line(tmp_path):
    broken = tmp_path / "p.yaml"
    broken.write_text("families: [integers\nscorers: [dense]\n")
    with pytest.raises(ConfigError, match=r"p\.yaml:\d+: invalid YAML"):
        load_probe_config(broken)
    with pytest.raises(ConfigError, match="config file not found"):
        load_probe_config(tmp_path / "missing.yaml")


def test_repository_probe_config_is_valid():
    from pathlib import Path

    config = load_probe_config(Path(__file__).resolve().parents[2] / "configs" / "probe-numbers.yaml")
    assert len(config.built_families()) >= len(BUILTIN_NAMES)
    assert builtin_family("integers").items[0] == "1"

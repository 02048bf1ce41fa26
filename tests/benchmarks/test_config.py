import pytest

from limitbench.benchmarks.config import build_config, load_config, parse_retriever_arg
from limitbench.retrievers import ConfigError


def test_strings_and_sweeps_expand():
    config = build_config({"retrievers": ["bm25", {"name": "dense", "sweep": {"dim": [16, 64]}}], "datasets": ["default"]})
    specs = config.expanded_retrievers()
    assert [s.label for s in specs] == [None, "dense-d16", "dense-d64"]
    assert specs[2].options == {"dim": 64} and specs[2].family == "dense"


def test_bracket_options_are_typed():
    spec = parse_retriever_arg("dense[dim=64, reduction=pca]")
    assert spec.name == "dense" and spec.options == {"dim": 64, "reduction": "pca"}
    assert parse_retriever_arg("pkg.mod:Thing").name == "pkg.mod:Thing"
    nested = parse_retriever_arg("agent[tools=[bm25, {name: dense, options: {dim: 64}}], max_rounds=3]")
    assert nested.options == {"tools": ["bm25", {"name": "dense", "options": {"dim": 64}}], "max_rounds": 3}
    with pytest.raises(ConfigError, match="not key=value"):
        parse_retriever_arg("dense[64]")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"k": 0}, "field k: Input should be greater than 0"),
        ({"retrievers": [{"name": "bm25", "opts": {}}]}, "field retrievers.0.opts: Extra inputs"),
        ({"metrics": ["Foo@3"]}, "field metrics: .*unknown metric 'Foo@3'"),
        ({"retrievers": ["bm25", "bm25"]}, None),
    ],
)
def test_errors_name_the_field(data, message):
    if message is None:
        with pytest.raises(ConfigError, match="both labelled .x."):
            build_config({**data, "retrievers": [{"name": "bm25", "label": "x"}, {"name": "dense", "label": "x"}]}).expanded_retrievers()
        return
    with pytest.raises(ConfigError, match=message):
        build_config(data, source="c.yaml")


def test_every_shipped_config_validates():
    from pathlib import Path

    configs = sorted((Path(__file__).resolve().parents[2] / "configs").glob("*.yaml"))
    assert configs
    for path in configs:
        if path.name.startswith(("probe-", "free-embedding")):
            continue  # other commands' configs, validated by their own tests
        load_config(path).expanded_retrievers()


def test_yaml_errors_name_the_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nk: [1\n")
    with pytest.raises(ConfigError, match=r"bad.yaml:\d+: invalid YAML"):
        load_config(bad)

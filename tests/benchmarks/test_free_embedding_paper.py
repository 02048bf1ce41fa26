"""The paper's released free-embedding protocol: optimiser, search, and the comparison
with the tuned protocol beside Table 6."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
import torch

from limitbench.benchmarks.executors import CellStore
from limitbench.benchmarks.free_embedding.compare import compare_protocols, comparison_table
from limitbench.benchmarks.free_embedding.paper_optimise import PaperSettings, _PaperProblem, optimise_paper
from limitbench.benchmarks.free_embedding.paper_search import _binary, _gallop, find_critical_n_paper
from limitbench.benchmarks.free_embedding.pattern import all_subsets_pattern, pattern_from_qrels
from limitbench.benchmarks.free_embedding.sweep import run_sweep
from limitbench.retrievers.errors import ConfigError
from test_free_embedding_optimise import _one_torch_thread  # noqa: F401  (autouse fixture)

QUICK = PaperSettings(patience=300)


def test_defaults_are_the_released_scripts():
    assert PaperSettings() == PaperSettings(learning_rate=0.01, temperature=0.1, max_iterations=100_000, patience=1000,
                                            min_delta=1e-5, check_every=50)
    assert PaperSettings().as_dict()["protocol"] == "paper"
    with pytest.raises(ConfigError, match="check_every must be at least 1"):
        PaperSettings(check_every=0)


def test_loss_by_hand():
    # one query, documents a (relevant) and b, scores 1 and 0, tau 1: -log(e / (e + 1)) = log(1 + 1/e)
    pattern = pattern_from_qrels({"q": {"a": 1}}, document_ids=["a", "b"])
    loss, grad = _PaperProblem(pattern, torch.device("cpu")).loss_and_grad(torch.tensor([[1.0, 0.0]]), 1.0)
    assert loss == pytest.approx(math.log(1 + math.exp(-1)))
    p = math.e / (math.e + 1)
    torch.testing.assert_close(grad, torch.tensor([[p - 1, 1 - p]]))


def test_gradient_matches_autograd_with_positives_in_the_denominator():
    pattern = pattern_from_qrels({"q1": {"a": 1, "b": 1}, "q2": {"c": 1}, "q3": {"a": 1, "c": 1, "d": 1}},
                                 document_ids=list("abcde"))
    problem = _PaperProblem(pattern, torch.device("cpu"))
    scores = torch.randn(3, 5, requires_grad=True)
    loss, grad = problem.loss_and_grad(scores.detach().clone(), 0.1)
    # the script's jax_loss_fn, written with torch: log-softmax over all documents, mean over positives
    mask = torch.tensor([[1, 1, 0, 0, 0], [0, 0, 1, 0, 0], [1, 0, 1, 1, 0]], dtype=torch.float32)
    reference = -(torch.log_softmax(scores / 0.1, dim=1) * mask).sum() / mask.sum()
    reference.backward()
    assert loss == pytest.approx(reference.item(), rel=1e-5)
    torch.testing.assert_close(grad, scores.grad, rtol=1e-4, atol=1e-6)


def test_recall_is_the_share_of_relevant_documents_in_the_top_k():
    pattern = all_subsets_pattern(n=3, k=2)  # queries {0,1}, {0,2}, {1,2}
    scores = torch.tensor([[3.0, 2.0, 1.0], [3.0, 2.0, 1.0], [3.0, 2.0, 1.0]])  # top 2 is {0, 1} everywhere
    # hits: 2 + 1 + 1 of 6 relevant documents
    assert _PaperProblem(pattern, torch.device("cpu")).recall(scores) == pytest.approx(4 / 6)


def test_solved_only_at_a_check_and_unit_vectors():
    outcome = optimise_paper(all_subsets_pattern(n=6, k=2), dim=4, settings=QUICK, seed=0, device="cpu")
    assert outcome.solved and outcome.stop == "solved" and outcome.accuracy == 1.0
    assert (outcome.iterations - 1) % 50 == 0  # recall is looked at every 50 steps, from step 0
    np.testing.assert_allclose(np.linalg.norm(outcome.documents, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(outcome.queries, axis=1), 1.0, atol=1e-5)


def test_circle_cannot_hold_four_points_and_stops_on_plateau():
    outcome = optimise_paper(all_subsets_pattern(n=4, k=2), dim=2, settings=QUICK, seed=0, device="cpu")
    assert not outcome.solved and outcome.stop == "plateau" and 0 < outcome.accuracy < 1


class _Fake:
    """solved(n) for n up to ``limit``; records what was asked."""

    def __init__(self, limit: int, ceiling: int = 1000) -> None:
        self.limit, self.ceiling, self.asked = limit, ceiling, []

    def __call__(self, n: int) -> bool:
        self.asked.append(n)
        return n <= self.limit


def test_gallop_then_binary_search_as_the_script():
    fake = _Fake(13)
    low, high = _gallop(fake, 3)
    assert (low, high) == (10, 18) and fake.asked == [3, 4, 6, 10, 18]
    assert _binary(fake, low, high) == 13
    fake = _Fake(5)
    assert _gallop(fake, 9) == (2, 6) and fake.asked == [9, 8, 6, 2]  # galloping down by 1, 2, 4
    assert _binary(fake, 2, 6) == 5


@pytest.mark.parametrize(("d", "expected"), [(2, 4), (3, 5)])
def test_critical_n_in_low_dimensions_with_the_sweep(tmp_path, d, expected):
    result = find_critical_n_paper(d=d, k=2, settings=QUICK, device="cpu", store=CellStore(tmp_path))
    assert result.critical_n == expected and result.largest_solved == expected - 1
    tried = [trial.n for trial in result.trials]
    assert tried[0] == 3  # from k + 1
    assert set(range(max(3, expected - 1 - 4), expected - 1 + 6)) <= set(tried)  # the sweep N-4..N+5


def test_sweep_records_the_protocol_and_keeps_caches_apart(tmp_path):
    result = run_sweep([2], out=tmp_path, settings=QUICK, device="cpu")
    written = json.loads(result.json_path.read_text())
    assert written["protocol"] == "paper" and written["settings"]["learning_rate"] == 0.01
    assert written["search"]["start"] == "k + 1" and written["rows"][0]["critical_n"] == 4


def test_comparison_by_hand(tmp_path):
    paper = [{"d": 4, "critical_n": 9, "largest_solved": 8}, {"d": 5, "critical_n": 12, "largest_solved": 11}]
    tuned = [{"d": 4, "critical_n": 10, "largest_solved": 9}, {"d": 5, "critical_n": 14, "largest_solved": 13}]
    comparison = compare_protocols({"paper": paper, "tuned": tuned}, out=tmp_path)
    # Table 6: 10 at d = 4, 14 at d = 5; paper deviates 10% and 14.3%, tuned 0%
    assert comparison.summary["paper"]["max_deviation"] == pytest.approx(2 / 14, abs=1e-4)
    assert comparison.summary["paper"]["mean_deviation"] == pytest.approx((0.1 + 2 / 14) / 2, abs=1e-4)
    assert not comparison.summary["paper"]["reproduces_table6_within_10_percent"]
    assert comparison.summary["tuned"]["max_deviation"] == 0 and comparison.closer == "tuned"
    # read as the largest solved n: paper 8 and 11 against 10 and 14 -> 20% and 21.4%
    assert comparison.summary["paper"]["largest_solved_reading"]["max_deviation"] == pytest.approx(3 / 14, abs=1e-4)
    assert comparison.rows[0]["paper"] == {"critical_n": 9, "largest_solved": 8, "ratio_to_table6": 0.9}
    text = comparison_table(comparison)
    assert "| 4 | 10 | 9 (0.90) | 10 (1.00) |" in text and "closer to Table 6: tuned" in text
    assert "paper, largest solved n: max deviation 21.4%" in text
    assert json.loads(comparison.json_path.read_text())["closer_to_table6"] == "tuned"
    assert comparison.png_path.read_bytes()[:4] == b"\x89PNG"


def test_command_runs_both_protocols(tmp_path):
    from limitbench.benchmarks.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["free-embedding", "--protocol", "both", "--dims", "2", "--patience", "200", "--out", str(tmp_path),
              "--device", "cpu"])
    assert stopped.value.code == 0
    for name in ("paper", "tuned"):
        assert json.loads((tmp_path / name / "critical-n.json").read_text())["protocol"] == name
    written = json.loads((tmp_path / "critical-n-protocols.json").read_text())
    assert written["rows"][0]["paper"]["critical_n"] == written["rows"][0]["tuned"]["critical_n"] == 4


def test_unknown_protocol_is_one_line(tmp_path, capsys):
    from limitbench.benchmarks.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["free-embedding", "--protocol", "jax", "--out", str(tmp_path)])
    error = capsys.readouterr().err
    assert stopped.value.code == 2 and "field protocol: 'jax' is not paper, tuned or both" in error
    assert len(error.strip().splitlines()) == 1

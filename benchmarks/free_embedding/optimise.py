r"""Optimise free query and document vectors for a relevance pattern.

The best case of Weller et al. (2025, "On the Theoretical Limitations of Embedding-Based
Retrieval", arXiv 2508.21038, section 4): no encoder at all, every query and document
vector is a free parameter, optimised directly on the test pattern. If even this cannot
put every query's relevant documents in its top k, no embedding model of that
dimension can.

Vectors are unit-norm (re-normalised after every Adam step), scores are dot products
:math:`s_{ij} = q_i \cdot d_j`, and the loss is full-batch InfoNCE with temperature
:math:`\tau` in which each relevant document competes with every non-relevant one:

.. math::

    \mathcal{L} = \frac{1}{\sum_i |R_i|} \sum_i \sum_{p \in R_i}
        -\log \frac{e^{s_{ip}/\tau}}{e^{s_{ip}/\tau} + \sum_{j \notin R_i} e^{s_{ij}/\tau}}
      = \frac{1}{\sum_i |R_i|} \sum_i \sum_{p \in R_i} \operatorname{softplus}(z_{ip}),
    \qquad z_{ip} = \operatorname{LSE}_{j \notin R_i}(s_{ij}/\tau) - s_{ip}/\tau .

Its gradient is written out rather than taken by autograd (about 1.5x faster on CPU):
with :math:`w_{ip} = \sigma(z_{ip}) / \sum|R|` and :math:`P_{ij}` the softmax over the
non-relevant documents, :math:`\partial\mathcal{L}/\partial s_{ij} = \tau^{-1}
(P_{ij}\sum_p w_{ip} - \sum_p w_{ip}[j = p])`. A query is solved when every relevant
document outranks all but ``k - |R_i|`` non-relevant ones (ties count against it).

Optimisation stops when every query is solved, when the loss has not improved by more
than ``min_delta`` (relative) for ``patience`` steps after a warm-up of ``patience`` steps
(the paper's early stop), or at ``max_iterations``.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

import numpy as np
import torch

from limitbench.retrievers.errors import ConfigError

from .pattern import RelevancePattern

__all__ = ["OptimiseSettings", "Outcome", "check_ranges", "optimise", "resolve_device"]


def check_ranges(settings: object, *, positive: tuple[str, ...] = (), at_least_one: tuple[str, ...] = (),
                 non_negative: tuple[str, ...] = ()) -> None:
    """One ``ConfigError`` naming the first setting out of its range."""
    for name in positive:
        if not getattr(settings, name) > 0:
            raise ConfigError(f"{name} must be positive (got {getattr(settings, name)})")
    for name in at_least_one:
        if getattr(settings, name) < 1:
            raise ConfigError(f"{name} must be at least 1 (got {getattr(settings, name)})")
    for name in non_negative:
        if getattr(settings, name) < 0:
            raise ConfigError(f"{name} must not be negative (got {getattr(settings, name)})")


@dataclass(frozen=True)
class OptimiseSettings:
    """Hyper-parameters of one optimisation; part of every cache key."""

    # Tuned on two CPU cores so that critical n stays within 10% of the paper's Table 6
    # for d = 4..20 (the paper gives Adam, InfoNCE with temperature and an early stop
    # after 1000 steps without improvement, not its exact values; see docs/freeembed.md).
    # A lower temperature or a longer patience solves larger n: critical n measures this
    # optimiser as much as the dimension.
    learning_rate: float = 0.05
    temperature: float = 0.1
    max_iterations: int = 20_000
    patience: int = 500
    min_delta: float = 1e-4
    query_init: str = "centroid"

    def __post_init__(self) -> None:
        if self.query_init not in ("centroid", "random"):
            raise ConfigError(f"query_init must be 'centroid' or 'random' (got {self.query_init!r})")
        check_ranges(self, positive=("learning_rate", "temperature"), at_least_one=("max_iterations", "patience"),
                     non_negative=("min_delta",))

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Outcome:
    """``solved``: every query solved; ``accuracy``: best share of queries solved at once."""

    solved: bool
    accuracy: float
    iterations: int
    seconds: float
    cpu_seconds: float  # this process's CPU time: on a shared machine, closer to the cost than wall time
    loss: float
    stop: str  # "solved", "plateau" or "max_iterations"
    documents: np.ndarray
    queries: np.ndarray


def resolve_device(device: str = "auto") -> torch.device:
    """``auto``: the GPU when torch sees one, else the CPU."""
    if device == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        return torch.device(device)
    except RuntimeError:
        raise ConfigError(f"unknown device {device!r} (use auto, cpu or cuda)") from None


def _unit_rows(matrix: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.normalize(matrix, dim=1)


def _initial(
    pattern: RelevancePattern, dim: int, seed: int, query_init: str, init: tuple[np.ndarray, np.ndarray] | None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Random Gaussian documents; queries random too, or (``centroid``) the normalised sum
    of their relevant documents, a cheap warm start that needs about 20% fewer steps."""
    if init is not None:
        documents = torch.as_tensor(np.asarray(init[0]), dtype=torch.float32)
        queries = torch.as_tensor(np.asarray(init[1]), dtype=torch.float32)
        expected = [(pattern.n_documents, dim), (pattern.n_queries, dim)]
        if [tuple(documents.shape), tuple(queries.shape)] != expected:
            raise ConfigError(f"init shapes {tuple(documents.shape)}, {tuple(queries.shape)}; expected {expected}")
        return _unit_rows(documents.clone()), _unit_rows(queries.clone())
    generator = torch.Generator().manual_seed(seed)
    documents = _unit_rows(torch.randn(pattern.n_documents, dim, generator=generator))
    queries = torch.randn(pattern.n_queries, dim, generator=generator)
    if query_init == "centroid":
        positives = torch.as_tensor(pattern.positives)
        valid = torch.arange(positives.shape[1]).unsqueeze(0) < torch.as_tensor(pattern.counts).unsqueeze(1)
        # a small random part keeps queries with the same relevant set (or opposite documents) apart
        queries = (documents[positives] * valid.unsqueeze(2)).sum(dim=1) + 0.01 * queries
    return documents, _unit_rows(queries)


class _Problem:
    """Device tensors for one pattern: index, masks and loss weights."""

    def __init__(self, pattern: RelevancePattern, device: torch.device) -> None:
        self.positives = torch.as_tensor(pattern.positives, device=device)
        width = pattern.positives.shape[1]
        counts = torch.as_tensor(pattern.counts, device=device)
        self.valid = (torch.arange(width, device=device).unsqueeze(0) < counts.unsqueeze(1)).float()
        self.counts = counts
        self.k = torch.as_tensor(pattern.k, device=device)
        self.uniform = pattern.uniform
        self.total = float(self.valid.sum())
        self.negative_mask = torch.zeros(pattern.n_queries, pattern.n_documents, device=device)
        self.negative_mask.scatter_(1, self.positives, -math.inf)

    def loss_and_grad(self, scores: torch.Tensor, temperature: float) -> tuple[float, torch.Tensor, torch.Tensor]:
        """Loss, gradient with respect to the scores, and the solved mask.

        The (queries x documents) matrix dominates the cost, so it is allocated once and
        then transformed in place: scaled and masked scores, their exponentials, the gradient.
        """
        inverse = 1.0 / temperature
        positive = scores.gather(1, self.positives) * inverse
        worst_positive = positive.min(dim=1, keepdim=True).values
        work = torch.add(self.negative_mask, scores, alpha=inverse)  # non-relevant scores, relevant ones -inf
        peak = work.max(dim=1, keepdim=True).values
        if self.uniform:
            solved = (worst_positive > peak).squeeze(1)
        else:  # relevant documents must reach rank k: count the non-relevant ones not below the worst
            solved = self.counts + (work >= worst_positive).sum(dim=1) <= self.k
        peak = torch.where(torch.isfinite(peak), peak, torch.zeros_like(peak))  # a query with no negatives
        exp = work.sub_(peak).exp_()
        total = exp.sum(dim=1, keepdim=True).clamp_min(1e-30)
        z = peak + torch.log(total) - positive
        loss = float((torch.nn.functional.softplus(z) * self.valid).sum()) / self.total
        weight = torch.sigmoid(z) * self.valid * (inverse / self.total)
        grad = exp.mul_(weight.sum(dim=1, keepdim=True) / total)
        grad.scatter_add_(1, self.positives, -weight)
        return loss, grad, solved

def optimise(
    pattern: RelevancePattern,
    *,
    dim: int,
    settings: OptimiseSettings = OptimiseSettings(),
    seed: int = 0,
    device: str = "auto",
    init: tuple[np.ndarray, np.ndarray] | None = None,
) -> Outcome:
    """Optimise ``dim``-dimensional free embeddings for ``pattern``; see the module formula."""
    if dim < 1:
        raise ConfigError(f"dimension d must be at least 1 (got {dim})")
    where = resolve_device(device)
    start, start_cpu = time.perf_counter(), time.process_time()
    problem = _Problem(pattern, where)
    documents, queries = (tensor.to(where) for tensor in _initial(pattern, dim, seed, settings.query_init, init))
    optimiser = torch.optim.Adam([documents, queries], lr=settings.learning_rate)
    best_loss, best_at, best_accuracy, loss, stop = math.inf, 0, 0.0, math.inf, "max_iterations"
    iteration = 0
    for iteration in range(settings.max_iterations + 1):
        scores = queries @ documents.T
        loss, grad, solved = problem.loss_and_grad(scores, settings.temperature)
        accuracy = float(solved.float().mean())
        best_accuracy = max(best_accuracy, accuracy)
        if accuracy == 1.0:
            stop = "solved"
            break
        if loss < best_loss * (1.0 - settings.min_delta) or iteration < settings.patience:
            # the first `patience` steps are a warm-up: Adam's first steps move every vector
            # at once and the loss may rise above its starting value before it falls
            best_loss, best_at = loss, iteration
        elif iteration - best_at >= settings.patience:
            stop = "plateau"
            break
        if iteration == settings.max_iterations:
            break
        queries.grad = grad @ documents
        documents.grad = grad.T @ queries
        optimiser.step()
        with torch.no_grad():
            # unit norm is part of the set-up, so project back after every step
            documents.copy_(_unit_rows(documents))
            queries.copy_(_unit_rows(queries))
    return Outcome(
        solved=stop == "solved",
        accuracy=best_accuracy,
        iterations=iteration,
        seconds=time.perf_counter() - start,
        cpu_seconds=time.process_time() - start_cpu,
        loss=loss,
        stop=stop,
        documents=documents.detach().cpu().numpy(),
        queries=queries.detach().cpu().numpy(),
    )

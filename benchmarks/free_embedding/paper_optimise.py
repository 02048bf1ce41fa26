r"""The free-embedding optimiser exactly as the paper's released script runs it.

Weller et al. (2025, "On the Theoretical Limitations of Embedding-Based Retrieval", arXiv
2508.21038, section 4) released ``code/free_embedding_experiment.py`` in google-deepmind/limit
(JAX/optax). Its settings and loop, re-implemented here in torch (facts, not code):

* Gaussian initial vectors, queries and documents drawn independently, then L2-normalised;
* full-batch multi-positive InfoNCE with **every** document in the softmax (the other
  relevant documents too), averaged over all (query, relevant document) pairs:

  .. math::

      \mathcal{L} = -\frac{1}{\sum_i |R_i|} \sum_i \sum_{p \in R_i}
          \log \frac{e^{s_{ip}/\tau}}{\sum_{j=1}^{n} e^{s_{ij}/\tau}},
      \qquad \frac{\partial \mathcal{L}}{\partial s_{ij}}
          = \frac{1}{\tau \sum_i |R_i|}\,\bigl(|R_i|\, \mathrm{softmax}_j(s_i/\tau) - [j \in R_i]\bigr);

* temperature 0.1, Adam with learning rate 0.01 (torch's Adam has optax's defaults:
  betas 0.9 / 0.999, eps 1e-8), both matrices L2-normalised back onto the sphere after every
  step;
* at most 100,000 steps; early stop when the loss (of the vectors before the step) has not
  fallen below the best loss minus 1e-5 for 1,000 consecutive steps;
* every 50 steps (step 0 included, and the last step) recall@k over all relevant documents
  — top k by score, the share of relevant documents in it — is measured after the step,
  and the run stops once it reaches 1.0; recall is measured once more on the final vectors
  (the script's ``final_accuracy``). An attempt counts as solved when any of these reached
  1.0 (the script's search takes the largest of them).

Only the framework differs (torch's random numbers are not JAX's), so single attempts are
not bit-identical with the released script; the protocol is.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

import torch

from limitbench.retrievers.errors import ConfigError

from .optimise import Outcome, check_ranges, resolve_device
from .pattern import RelevancePattern

__all__ = ["PaperSettings", "optimise_paper"]


@dataclass(frozen=True)
class PaperSettings:
    """The released script's defaults (``DEFAULT_EXPERIMENT_PARAMS``); part of every cache key."""

    learning_rate: float = 0.01
    temperature: float = 0.1
    max_iterations: int = 100_000
    patience: int = 1000
    min_delta: float = 1e-5
    check_every: int = 50

    def __post_init__(self) -> None:
        check_ranges(self, positive=("learning_rate", "temperature"),
                     at_least_one=("max_iterations", "patience", "check_every"), non_negative=("min_delta",))

    def as_dict(self) -> dict:
        return {"protocol": "paper", **asdict(self)}


class _PaperProblem:
    """Relevance as a dense 0/1 matrix (the script's ``relevance_matrix``) and its row sums."""

    def __init__(self, pattern: RelevancePattern, device: torch.device) -> None:
        positives = torch.as_tensor(pattern.positives, device=device)
        width = positives.shape[1]
        counts = torch.as_tensor(pattern.counts, device=device)
        valid = (torch.arange(width, device=device).unsqueeze(0) < counts.unsqueeze(1)).float()
        self.relevant = torch.zeros(pattern.n_queries, pattern.n_documents, device=device)
        self.relevant.scatter_add_(1, positives, valid)  # padded slots repeat a positive with weight 0
        self.relevant.clamp_(max=1.0)
        self.per_query = self.relevant.sum(dim=1, keepdim=True)
        self.total = float(self.relevant.sum())
        self.k = int(pattern.k.max())
        self.positives = positives
        self.valid = valid

    def loss_and_grad(self, scores: torch.Tensor, temperature: float) -> tuple[float, torch.Tensor]:
        logits = scores / temperature
        log_probs = torch.log_softmax(logits, dim=1)
        loss = -float((log_probs * self.relevant).sum()) / self.total
        grad = (log_probs.exp_().mul_(self.per_query).sub_(self.relevant)).div_(temperature * self.total)
        return loss, grad

    def recall(self, scores: torch.Tensor) -> float:
        """Share of relevant documents in their query's top k (the script's accuracy)."""
        top = scores.topk(self.k, dim=1).indices
        hits = (top.unsqueeze(2) == self.positives.unsqueeze(1)).any(dim=1).float() * self.valid
        return float(hits.sum()) / self.total


def _gaussian_unit(rows: int, dim: int, generator: torch.Generator) -> torch.Tensor:
    return torch.nn.functional.normalize(torch.randn(rows, dim, generator=generator), dim=1)


def optimise_paper(
    pattern: RelevancePattern,
    *,
    dim: int,
    settings: PaperSettings = PaperSettings(),
    seed: int = 0,
    device: str = "auto",
) -> Outcome:
    """One attempt of the released protocol (module docstring) in ``dim`` dimensions."""
    if dim < 1:
        raise ConfigError(f"dimension d must be at least 1 (got {dim})")
    if not (pattern.k == pattern.k[0]).all():
        raise ConfigError("the paper protocol ranks every query to one k; give a pattern with a single k")
    where = resolve_device(device)
    start, start_cpu = time.perf_counter(), time.process_time()
    generator = torch.Generator().manual_seed(seed)
    queries = _gaussian_unit(pattern.n_queries, dim, generator).to(where)
    documents = _gaussian_unit(pattern.n_documents, dim, generator).to(where)
    problem = _PaperProblem(pattern, where)
    optimiser = torch.optim.Adam([queries, documents], lr=settings.learning_rate)
    best_loss, waited, best_recall, loss, stop = math.inf, 0, 0.0, math.inf, "max_iterations"
    iteration = 0
    for iteration in range(settings.max_iterations):
        loss, grad = problem.loss_and_grad(queries @ documents.T, settings.temperature)
        queries.grad = grad @ documents
        documents.grad = grad.T @ queries
        optimiser.step()
        with torch.no_grad():
            queries.copy_(torch.nn.functional.normalize(queries, dim=1))
            documents.copy_(torch.nn.functional.normalize(documents, dim=1))
        if loss < best_loss - settings.min_delta:
            best_loss, waited = loss, 0
        else:
            waited += 1
        if waited >= settings.patience:
            stop = "plateau"
            break
        if iteration % settings.check_every == 0 or iteration == settings.max_iterations - 1:
            best_recall = max(best_recall, problem.recall(queries @ documents.T))
            if best_recall >= 1.0:
                stop = "solved"
                break
    if stop != "solved":
        best_recall = max(best_recall, problem.recall(queries @ documents.T))
    return Outcome(
        solved=best_recall >= 1.0,
        accuracy=best_recall,
        iterations=iteration + 1,
        seconds=time.perf_counter() - start,
        cpu_seconds=time.process_time() - start_cpu,
        loss=loss,
        stop=stop,
        documents=documents.detach().cpu().numpy(),
        queries=queries.detach().cpu().numpy(),
    )

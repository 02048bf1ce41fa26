r"""The cubic fit of critical n against dimension d, and its extrapolation.

Weller et al. (2025, arXiv 2508.21038, section 4) fit
:math:`n = c_0 + c_1 d + c_2 d^2 + c_3 d^3` to their critical-n points by least squares
(:math:`r^2 = 0.999`) and extrapolate it to the dimensions of real embedding models.
This module does the same with ``numpy.polynomial``; :math:`r^2 = 1 -
\sum (n_i - \hat n_i)^2 / \sum (n_i - \bar n)^2`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from numpy.polynomial import polynomial

from limitbench.retrievers.errors import ConfigError

from .paper import PAPER_EXTRAPOLATION, paper_fit

__all__ = ["CubicFit", "fit_cubic", "extrapolate", "EXTRAPOLATE_DIMS"]

EXTRAPOLATE_DIMS: tuple[int, ...] = (512, 768, 1024, 3072, 4096)


@dataclass(frozen=True)
class CubicFit:
    coefficients: tuple[float, float, float, float]  # c0..c3
    r_squared: float
    points: int

    def predict(self, d: float | np.ndarray) -> float | np.ndarray:
        return polynomial.polyval(d, self.coefficients)

    def formula(self) -> str:
        c0, c1, c2, c3 = self.coefficients
        return f"n = {c0:.4f} + {c1:.4f} d + {c2:.4f} d^2 + {c3:.4f} d^3"

    def record(self) -> dict:
        return {"coefficients": list(self.coefficients), "r_squared": self.r_squared, "points": self.points,
                "formula": self.formula()}


def fit_cubic(dims: Sequence[float], critical: Sequence[float]) -> CubicFit:
    """Least-squares cubic through (d, n); needs four distinct d."""
    x = np.asarray(dims, dtype=float)
    y = np.asarray(critical, dtype=float)
    if x.shape != y.shape or len(np.unique(x)) < 4:
        raise ConfigError(f"a cubic fit needs at least 4 distinct dimensions (got {len(np.unique(x))})")
    coefficients = polynomial.polyfit(x, y, 3)
    residual = float(np.sum((y - polynomial.polyval(x, coefficients)) ** 2))
    total = float(np.sum((y - y.mean()) ** 2))
    r_squared = 1.0 - residual / total if total > 0 else 1.0
    return CubicFit(coefficients=tuple(float(c) for c in coefficients), r_squared=r_squared, points=len(x))


def extrapolate(fit: CubicFit, dims: Sequence[int] = EXTRAPOLATE_DIMS) -> list[dict]:
    """Our fit, the paper's fit and the paper's quoted figure at each ``d``."""
    return [
        {
            "d": d,
            "critical_n": float(fit.predict(d)),
            "paper_fit": paper_fit(d),
            "paper_quoted": PAPER_EXTRAPOLATION.get(d),
        }
        for d in dims
    ]

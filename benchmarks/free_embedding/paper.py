"""Published free-embedding figures of Weller et al. (2025), "On the Theoretical
Limitations of Embedding-Based Retrieval", arXiv 2508.21038 (v2), appendix Table 6 and
the cubic fit of section 4 (also listed in ``shared/data/paper-figures.md``)."""

from __future__ import annotations

__all__ = ["PAPER_TABLE6", "PAPER_FIT", "PAPER_EXTRAPOLATION", "paper_fit"]

#: critical n (k = 2) by embedding dimension d
PAPER_TABLE6: dict[int, int] = dict(
    zip(
        range(4, 46),
        (
            10, 14, 19, 24, 28, 32, 36, 42, 47, 54, 62, 70, 79, 89, 99, 109, 120,
            132, 144, 157, 170, 184, 198, 213, 229, 245, 261, 278, 296, 314, 333, 352, 372, 392, 413, 434, 460,
            484, 505, 545, 605, 626,
        ),
    )
)

#: n = c0 + c1 d + c2 d^2 + c3 d^3, r^2 = 0.999
PAPER_FIT: tuple[float, float, float, float] = (-10.5322, 4.0309, 0.0520, 0.0037)

#: the paper's own extrapolation of that fit (section 4)
PAPER_EXTRAPOLATION: dict[int, float] = {512: 500e3, 768: 1.7e6, 1024: 4e6, 3072: 107e6, 4096: 250e6}


def paper_fit(d: float) -> float:
    """The paper's cubic at dimension ``d``."""
    return sum(coefficient * d**power for power, coefficient in enumerate(PAPER_FIT))

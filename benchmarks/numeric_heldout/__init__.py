"""A held-out numeric benchmark, written independently of the numeric tool and the agent.

Products in eight categories (headphones, laptops, phones, cameras, monitors, e-bikes,
coffee machines, smartwatches), people (CV and bio style) and events (concerts,
conferences, races, festivals). Each document states several numeric facts in the
forms shops, CVs and event pages use ("$1,299", "1.3k USD", "41 grand", "16 gigs",
"★ 4.7", "user score 8.1", "fw 14.6.5", "Q3 2024", "(b. 1966)", "3.1 lbs", '15.6"',
"is fifty-eight", "$12,100 a month") among distractor numbers that are not the attribute
asked about (shipping days, warranties, model numbers, "Bluetooth 5.3", founding years,
phone numbers, capacities, counts). Document and query ids are random hex: they carry
no information.

Every document is generated from a structured record (``metadata["records"]``) and
every query from a structured spec (``metadata["queries"]``); qrels are computed from
the records, never from the text.

Semantics (what the qrels follow)
---------------------------------
* A query names a target: a product category, "people", an event type, or "events"
  (every event). Only records of that target can be relevant, and only if they state
  the attribute asked about.
* Canonical units: USD; USD per year for salaries ("a month" × 12); GB (1 TB = 1000 GB);
  kg (1 lb = 0.45359237 kg); inches; hours (1 day = 24 h); cm (1 in = 2.54 cm); km
  (1 mile = 1.609344 km); litres; days for dates. Ratings stay on the scale the category
  uses (5 stars, or a 10-point user score for cameras and coffee machines).
* Operators: "more than", "over", "above", "north of", "after", "older than",
  "bigger/faster/taller/longer/heavier than" are strict (>); "at least", "or more",
  "or higher", "or later", "or newer", "N+", "since", "and up" are inclusive (>=);
  "under", "below", "less than", "fewer than", "cheaper/lighter/shorter/younger than",
  "sub-$N", "before", "under-25s" are strict (<); "at most", "or less", "or earlier",
  "no more than", "won't set me back more than" are inclusive (<=); "between A and B"
  is inclusive (but no record sits on either end). Idioms: "a grand" = $1,000,
  "N grand" = N × $1,000, "1.5k" = 1,500, "six figures" = 100,000 to 999,999 a year,
  "in their 80s" = aged 80 to 89, "born in the '40s" = born 1940-01-01 to 1949-12-31.
* Dates are periods: "Q3 2024" = 1 July to 30 September 2024, "March 2021" the month,
  "2019" the year, "3–5 August 2023" those days, "(b. 1966)" the year. "after P" means
  after the last day of P, "since P" from its first day (inclusive), "before P" before its
  first day, "in P" within P. A fact period satisfies a constraint only when it lies
  entirely on the satisfying side; a period that straddles a bound (Q3 2024 against
  "after August 2024") does not satisfy it (it is not relevant). At most two records per
  query straddle.
* Versions compare in release order, part by part (14.15 > 14.6; 14.6 = 14.6.0); an OS
  version only answers a query about that OS.
* Ages and birth dates are both stated in every person's document and true as of
  30 June 2025; nothing is inferred from one to the other.
* Queries whose answer a careful reader could dispute are not generated: a value in a
  different unit from the query's within a small tolerance of the bound (72 hours vs
  "more than three days"), a version with the bound as a proper prefix under "newer
  than"/"or earlier", a price on an end of "between". Every query has 1 to 10 relevant
  documents.

``python -m limitbench.benchmarks.numeric_heldout --seed S --out DIR`` writes the BEIR
layout (``corpus.jsonl``, ``queries.jsonl``, ``qrels.jsonl``).
"""

from .generate import generate_numeric_heldout

__all__ = ["generate_numeric_heldout"]

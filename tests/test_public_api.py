"""Pin the public API (as httpx does): a change here is a deliberate, visible decision."""

import limitbench.benchmarks
import limitbench.retrievers

RETRIEVERS_API = {
    "BM25Retriever", "ConfigError", "CostLog", "CostReporting", "DataError", "DenseRetriever", "Document",
    "LimitbenchError", "OfflineError", "Qrels", "Query", "Retriever", "Run", "UnknownRetrieverError",
    "available_retrievers", "create_retriever", "register", "top_k",
}
BENCHMARKS_API = {
    "DEFAULT_METRICS", "Dataset", "RunConfig", "evaluate", "generate_limit_style", "load_beir", "load_config",
    "load_dataset", "reconstruct_limit", "run_benchmark",
}


def test_retrievers_api():
    assert set(limitbench.retrievers.__all__) == RETRIEVERS_API
    assert all(hasattr(limitbench.retrievers, name) for name in RETRIEVERS_API)


def test_benchmarks_api():
    assert set(limitbench.benchmarks.__all__) == BENCHMARKS_API
    assert all(hasattr(limitbench.benchmarks, name) for name in BENCHMARKS_API)


def test_no_generic_top_level_packages_installed():
    import importlib.util

    for generic in ("agents", "benchmarks", "retrievers"):
        spec = importlib.util.find_spec(generic)
        # only the repository checkout itself (on sys.path when pytest runs from the root) may provide them
        assert spec is None or "site-packages" not in (spec.origin or "")

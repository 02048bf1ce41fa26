"""limitbench.retrievers: core types, the retriever protocol, the registry, and the
built-in keyword and dense retrievers. Nothing here imports agents or benchmarks."""

from .bm25 import BM25Retriever
from .dense import DenseRetriever
from .errors import ConfigError, DataError, LimitbenchError, OfflineError, UnknownRetrieverError
from .protocol import CostReporting, Retriever
from .registry import available_retrievers, create_retriever, register
from .types import CostLog, Document, Qrels, Query, Run, top_k

__all__ = [
    "BM25Retriever",
    "ConfigError",
    "CostLog",
    "CostReporting",
    "DataError",
    "DenseRetriever",
    "Document",
    "LimitbenchError",
    "OfflineError",
    "Qrels",
    "Query",
    "Retriever",
    "Run",
    "UnknownRetrieverError",
    "available_retrievers",
    "create_retriever",
    "register",
    "top_k",
]

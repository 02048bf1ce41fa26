"""Late-interaction (multi-vector) retrieval: token encoding, token cache, exact MaxSim,
a PLAID index, and the ``colbert`` retriever built from them."""

from .encoder import EncodedTexts, TokenEncoder
from .retriever import ColBERTRetriever
from .token_cache import RaggedTokens, TokenCache

__all__ = ["ColBERTRetriever", "TokenEncoder", "EncodedTexts", "RaggedTokens", "TokenCache"]

"""Texts are clipped to the model's window before tokenisation: same word pieces, bounded
memory. (Peak memory on a 50 MB document is measured by ``limitbench perf``, not here.)"""

import numpy as np
import pytest

from limitbench.benchmarks.datasets import load_beir
from limitbench.retrievers.encoder import DenseEncoder
from limitbench.retrievers.late_interaction import TokenEncoder
from limitbench.retrievers.late_interaction.forward import CLIP_BLOCK_CHARS_PER_TOKEN, clip_to_window
from limitbench.retrievers.models import load_sentence_transformer

WINDOW = 256


@pytest.fixture(scope="module")
def tokenizer():
    return load_sentence_transformer(None).tokenizer


@pytest.fixture(scope="module")
def official_text(limit_small_dir):
    """All of LIMIT-small's documents in one text: prose nobody here wrote."""
    return " ".join(doc.text for doc in load_beir(limit_small_dir).corpus)


def _window_ids(tokenizer, text):
    return tokenizer(text, truncation=True, max_length=WINDOW)["input_ids"]


def test_short_texts_are_untouched(tokenizer):
    text = "Who likes Quokkas? " * 50
    assert clip_to_window(text, tokenizer=tokenizer, max_tokens=WINDOW) is text


@pytest.mark.parametrize(
    "make",
    [
        lambda text: text,  # ordinary prose, clipped in the first block
        lambda text: "\n\n".join(text.split(" ")),  # words separated by blank lines
        lambda text: (" " * 97).join(text.split(" ")),  # whitespace runs: the window spans many blocks
        lambda text: "\t" * (3 * CLIP_BLOCK_CHARS_PER_TOKEN * WINDOW) + text,  # blocks of nothing first
    ],
    ids=["prose", "newlines", "wide-spaces", "leading-whitespace"],
)
def test_clipped_text_gives_the_same_window(tokenizer, official_text, make):
    text = make(official_text)
    clipped = clip_to_window(text, tokenizer=tokenizer, max_tokens=WINDOW)
    assert len(clipped) < len(text) and text.startswith(clipped)
    assert _window_ids(tokenizer, clipped) == _window_ids(tokenizer, text)


def test_text_with_fewer_pieces_than_the_window_is_kept_whole(tokenizer):
    text = "few words " + " " * (4 * CLIP_BLOCK_CHARS_PER_TOKEN * WINDOW) + "at the end"
    assert clip_to_window(text, tokenizer=tokenizer, max_tokens=WINDOW) == text


@pytest.fixture(scope="module")
def huge_document(official_text):
    """About 50 MB: the official documents repeated."""
    return (official_text + " ") * (50_000_000 // (len(official_text) + 1))


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_huge_document_encodes_as_its_window(huge_document, official_text, backend):
    encoder = DenseEncoder(backend=backend, use_cache=False, show_progress=False)
    [vector] = encoder.encode([huge_document])
    [expected] = encoder.encode([official_text[:40_000]])  # already far beyond 256 word pieces
    np.testing.assert_array_equal(vector, expected)


def test_huge_document_token_vectors_are_its_window(huge_document, official_text):
    encoder = TokenEncoder(use_cache=False)
    vectors = encoder.encode([huge_document], role="document").tokens.vectors
    expected = encoder.encode([official_text[:40_000]], role="document").tokens.vectors
    assert vectors.shape[0] <= WINDOW
    np.testing.assert_array_equal(vectors, expected)

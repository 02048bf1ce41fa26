import numpy as np

from limitbench.retrievers.cache import ArrayCache, content_key, texts_digest
from limitbench.retrievers.encoder import DenseEncoder


def test_roundtrip_and_corruption_is_detected(tmp_path):
    cache = ArrayCache(tmp_path)
    key = content_key(model="m", texts=texts_digest(["a", "b"]))
    array = np.arange(12, dtype=np.float32).reshape(3, 4)
    cache.put(key, array)
    np.testing.assert_array_equal(cache.get(key), array)
    array_path = next(tmp_path.rglob("*.npy"))
    data = bytearray(array_path.read_bytes())
    data[-1] ^= 0xFF
    array_path.write_bytes(bytes(data))
    assert cache.get(key) is None  # checksum mismatch: discarded, never used
    assert not array_path.exists()


def test_text_boundaries_change_the_key():
    assert texts_digest(["ab", "c"]) != texts_digest(["a", "bc"])


def test_encoder_rerun_is_served_from_cache(tmp_path):
    encoder = DenseEncoder(cache=ArrayCache(tmp_path), show_progress=False, cache_min_texts=1)
    texts = ["Who likes quokkas?", "Ann likes quokkas and tapirs."]
    first = encoder.encode(texts)
    assert not encoder.last_encode_cached
    second = encoder.encode(texts)
    assert encoder.last_encode_cached
    np.testing.assert_array_equal(first, second)
    assert first.shape == (2, 384) and first.dtype == np.float32


def test_tiny_batches_are_not_cached(tmp_path):
    encoder = DenseEncoder(cache=ArrayCache(tmp_path), show_progress=False)
    encoder.encode(["Who likes quokkas?"], role="query")
    encoder.encode(["Who likes quokkas?"], role="query")
    assert not encoder.last_encode_cached and not any(tmp_path.rglob("*.npy"))

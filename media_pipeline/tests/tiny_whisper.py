"""A tiny Whisper with random weights, saved as a checkpoint like the real ones (``dims`` and
``model_state_dict``), so that the real loading and decoding code runs in the tests."""

from pathlib import Path

TEST_DECODE_OPTIONS = {
    "temperature": 0.0,
    "condition_on_previous_text": False,
    "sample_len": 16,
    "compression_ratio_threshold": None,
    "logprob_threshold": None,
    "no_speech_threshold": None,
}


def make_tiny_whisper(folder: Path, *, name: str = "tiny-random") -> Path:
    import torch
    from whisper.model import ModelDimensions, Whisper

    torch.manual_seed(0)
    dims = ModelDimensions(
        n_mels=80,
        n_audio_ctx=1500,
        n_audio_state=32,
        n_audio_head=1,
        n_audio_layer=1,
        n_vocab=51865,
        n_text_ctx=448,
        n_text_state=32,
        n_text_head=1,
        n_text_layer=1,
    )
    model = Whisper(dims)
    with torch.no_grad():
        model.decoder.positional_embedding.normal_(0, 0.02)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.pt"
    torch.save({"dims": dims.__dict__, "model_state_dict": model.state_dict()}, path)
    return path

"""A stand-in for Keras 3 in RNN Lab's tests, where no Keras can run (KerasScriptStubTest).

It checks the plumbing of an exported model_keras.py, not Keras's maths: it records every layer
the script builds (class, units, keyword arguments, what wraps what) into the JSON file named by
RNNLAB_STUB_OUT, checks that the weights loaded are an HDF5 file and that the model is called on
batch.json's inputs made batch-first, and answers with the engine's own outputs from batch.json
in the shape Keras would give ([B][T][Y], or [B][Y] when the top recurrent layer returns its
final state only). The script's transposes, its t = T path and its loss are then what is tested.
"""
import json
import os
import sys

import numpy as np

_LAYERS = []


class config:
    floatx = "float32"

    @staticmethod
    def set_floatx(value):
        config.floatx = value


class _Tensor:
    pass


class _Input(_Tensor):
    def __init__(self, shape, dtype, name):
        self.shape, self.dtype, self.name = shape, dtype, name


class _Layer:
    def __init__(self, cls, args, kwargs):
        self.cls, self.args, self.kwargs = cls, list(args), dict(kwargs)
        self.wraps = None
        self.call_kwargs = None
        if cls == "Bidirectional":
            self.wraps = self.args.pop(0)
            _LAYERS.remove(self.wraps)
        _LAYERS.append(self)

    def record(self):
        r = {"class_name": self.cls, "args": self.args, "kwargs": self.kwargs}
        if self.wraps is not None:
            r["layer"] = self.wraps.record()
        if self.call_kwargs is not None:
            r["call_kwargs"] = self.call_kwargs
        return r

    def returns_final_state(self):
        inner = self.wraps or self
        return inner.cls in ("SimpleRNN", "LSTM", "GRU") and not inner.kwargs.get("return_sequences", False)

    def __call__(self, x, **kwargs):
        self.call_kwargs = {k: (len(v) if isinstance(v, list) else None) for k, v in kwargs.items()}
        if self.kwargs.get("return_state"):
            return [_Tensor() for _ in range(3 if self.cls == "LSTM" else 2)]
        return _Tensor()


class layers:
    pass


for _name in ("SimpleRNN", "LSTM", "GRU", "Bidirectional", "Dense", "Embedding"):
    setattr(layers, _name, (lambda n: lambda *a, **k: _Layer(n, a, k))(_name))


def Input(shape, dtype="float32", name=None):
    return _Input(shape, dtype, name)


class _Model:
    def __init__(self, functional):
        self.functional = functional
        self.loaded = False

    def load_weights(self, path):
        with open(path, "rb") as f:
            assert f.read(8) == b"\x89HDF\r\n\x1a\n", path + " is not HDF5"
        self.loaded = True

    def __call__(self, x):
        assert self.loaded, "called before load_weights"
        assert config.floatx == "float64", "floatx is " + config.floatx
        here = os.path.dirname(os.path.abspath(sys.argv[0]))
        with open(os.path.join(here, "batch.json")) as f:
            batch = json.load(f)
        inputs = np.array(batch["tokens"] if "tokens" in batch else batch["inputs"])
        first = np.swapaxes(inputs, 0, 1)
        if self.functional:
            assert np.array_equal(x[0], np.array(batch["source_tokens"]).T), "source not batch-first"
            assert np.array_equal(x[1], first), "target not batch-first"
        else:
            assert np.array_equal(x, first), "inputs not batch-first"
        with open(os.environ["RNNLAB_STUB_OUT"], "w") as f:
            json.dump({"functional": self.functional, "layers": [l.record() for l in _LAYERS]}, f)
        y = np.swapaxes(np.array(batch["engine"]["outputs"], dtype=np.float64), 0, 1)
        recurrent = [l for l in _LAYERS if (l.wraps or l).cls in ("SimpleRNN", "LSTM", "GRU")]
        if not self.functional and recurrent[-1].returns_final_state():
            # Keras's final state: each row's last unmasked step (mask_zero), t = T without a mask
            embedding = [l for l in _LAYERS if l.cls == "Embedding"]
            last = np.full(y.shape[0], y.shape[1] - 1)
            if embedding and embedding[0].kwargs.get("mask_zero"):
                last = (first != 0).sum(axis=1) - 1
            return y[np.arange(y.shape[0]), last, :]
        return y


def Sequential(items):
    assert isinstance(items[0], _Input), "a Sequential starts with keras.Input"
    return _Model(False)


def Model(inputs, outputs):
    assert [i.name for i in inputs] == ["source", "target"], "inputs"
    return _Model(True)

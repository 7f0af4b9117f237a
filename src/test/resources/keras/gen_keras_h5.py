#!/usr/bin/python3
"""Make Keras model files with h5py in the layouts Keras documents, and their outputs in NumPy.

No Keras runs on these machines, so the files are written here by hand:
  h5/NAME.h5     Keras 2 legacy HDF5 (model.save("m.h5")): root attributes keras_version, backend,
                 model_config (JSON); group model_weights with attribute layer_names, one group per
                 layer with attribute weight_names ("gru/gru_cell/kernel:0", ...) naming its datasets.
  h5/NAME.keras  Keras 3 zip: config.json (module/class_name/config/registered_name/build_config),
                 metadata.json (keras_version), model.weights.h5 with layers/KEY/vars/N, recurrent
                 layers' layers/KEY/cell/vars/N, Bidirectional's forward_layer/ and backward_layer/
                 (KEY: the snake-case class name, numbered: gru, gru_1, dense).
plus NAME.input.json {"x"} and NAME.expected.json {"shape", "y"} from the independent NumPy
implementation of Keras's equations below (float64; weights stored float32, used as stored).
Run from this folder: /usr/bin/python3 gen_keras_h5.py   (python3-h5py, python3-numpy)
"""
import io
import json
import zipfile

import h5py
import numpy as np

rng = np.random.default_rng(2026)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


# ---- Keras's equations (gate blocks in Keras order: LSTM i f c o, GRU z r h) ----
ACT = {
    "tanh": np.tanh, "sigmoid": lambda x: 1 / (1 + np.exp(-x)), "relu": lambda x: np.maximum(x, 0),
    "linear": lambda x: x,
    "hard_sigmoid2": lambda x: np.clip(0.2 * x + 0.5, 0, 1), "hard_sigmoid3": lambda x: np.clip(x / 6 + 0.5, 0, 1),
}


def act(name, k3):
    return ACT[name + ("3" if k3 else "2")] if name == "hard_sigmoid" else ACT[name]


def cell_step(cls, cfg, w, x, h, c, k3):
    if len(w) == 2:  # use_bias=False
        gu = w[0].shape[1]
        w = w + [np.zeros((2, gu)) if cls == "GRU" and cfg.get("reset_after", True) else np.zeros(gu)]
    f, g = act(cfg.get("activation", "tanh"), k3), act(cfg.get("recurrent_activation", "sigmoid"), k3)
    K, R = w[0], w[1]
    u = cfg["units"]
    if cls == "SimpleRNN":
        return f(x @ K + h @ R + w[2]), c
    if cls == "LSTM":
        z = x @ K + h @ R + w[2]
        i, fg, cc, o = (z[:, k * u:(k + 1) * u] for k in range(4))
        c = g(fg) * c + g(i) * f(cc)
        return g(o) * f(c), c
    b = w[2]
    if cfg.get("reset_after", True):
        xi = x @ K + b[0]
        hr = h @ R + b[1]
        z = g(xi[:, :u] + hr[:, :u])
        r = g(xi[:, u:2 * u] + hr[:, u:2 * u])
        hh = f(xi[:, 2 * u:] + r * hr[:, 2 * u:])
    else:
        xi = x @ K + b
        z = g(xi[:, :u] + h @ R[:, :u])
        r = g(xi[:, u:2 * u] + h @ R[:, u:2 * u])
        hh = f(xi[:, 2 * u:] + (r * h) @ R[:, 2 * u:])
    return z * h + (1 - z) * hh, c


def run_rnn(cls, cfg, w, x, mask, k3, backwards):
    B, T, _ = x.shape
    u = cfg["units"]
    h, c = np.zeros((B, u)), np.zeros((B, u))
    outs = []
    order = range(T - 1, -1, -1) if backwards else range(T)
    for t in order:
        h2, c2 = cell_step(cls, cfg, w, x[:, t], h, c, k3)
        m = mask[:, t:t + 1] if mask is not None else np.ones((B, 1), bool)
        h, c = np.where(m, h2, h), np.where(m, c2, c)
        outs.append(h)
    return np.stack(outs, 1), h


def forward(layers, weights, x, k3):
    mask = None
    for (cls, cfg), w in zip(layers, weights):
        if cls == "Embedding":
            if cfg.get("mask_zero"):
                mask = x != 0
            x = w[0][x]
        elif cls == "Masking":
            mask = np.any(x != cfg["mask_value"], axis=-1)
            x = x * mask[..., None]
        elif cls in ("Dense", "TimeDistributed"):
            if cls == "TimeDistributed":
                cfg = cfg["layer"]["config"]
            y = x @ w[0] + w[1]
            x = np.exp(y - y.max(-1, keepdims=True)) / np.exp(y - y.max(-1, keepdims=True)).sum(-1, keepdims=True) \
                if cfg["activation"] == "softmax" else act(cfg["activation"], k3)(y)
        elif cls == "Bidirectional":
            icls, icfg = cfg["layer"]["class_name"], cfg["layer"]["config"]
            half = len(w) // 2
            fs, fl = run_rnn(icls, icfg, w[:half], x, mask, k3, False)
            bs, bl = run_rnn(icls, icfg, w[half:], x, mask, k3, True)
            seq = icfg.get("return_sequences")
            a, b = (fs, bs[:, ::-1]) if seq else (fl, bl)
            if seq and mask is not None:  # Keras's Bidirectional sets zero_output_for_mask when returning sequences
                a, b = a * mask[..., None], b * mask[..., None]
            x = {"concat": lambda: np.concatenate([a, b], -1), "sum": lambda: a + b, "mul": lambda: a * b,
                 "ave": lambda: (a + b) / 2}[cfg["merge_mode"]]()
            mask = mask if seq else None
        else:
            s, last = run_rnn(cls, cfg, w, x, mask, k3, cfg.get("go_backwards", False))
            x = s if cfg.get("return_sequences") else last
            if cfg.get("go_backwards") and mask is not None:
                mask = mask[:, ::-1]
            mask = mask if cfg.get("return_sequences") else None
    return x


# ---- random weights in Keras's shapes ----
def rnn_weights(cls, cfg, x):
    u = cfg["units"]
    g = {"SimpleRNN": 1, "LSTM": 4, "GRU": 3}[cls]
    bias = (2, g * u) if cls == "GRU" and cfg.get("reset_after", True) else (g * u,)
    shapes = [(x, g * u), (u, g * u)] + ([bias] if cfg.get("use_bias", True) else [])
    return [f32(rng.uniform(-0.8, 0.8, s)) for s in shapes]


def weights_of(layers, x_width):
    out, width = [], x_width
    for cls, cfg in layers:
        if cls == "Embedding":
            out.append([f32(rng.uniform(-1, 1, (cfg["input_dim"], cfg["output_dim"])))])
            width = cfg["output_dim"]
        elif cls == "Masking":
            out.append([])
        elif cls in ("Dense", "TimeDistributed"):
            d = cfg["layer"]["config"] if cls == "TimeDistributed" else cfg
            out.append([f32(rng.uniform(-0.8, 0.8, (width, d["units"]))), f32(rng.uniform(-0.3, 0.3, d["units"]))])
            width = d["units"]
        elif cls == "Bidirectional":
            icls, icfg = cfg["layer"]["class_name"], cfg["layer"]["config"]
            out.append(rnn_weights(icls, icfg, width) + rnn_weights(icls, icfg, width))
            width = icfg["units"] * (2 if cfg["merge_mode"] == "concat" else 1)
        else:
            out.append(rnn_weights(cls, cfg, width))
            width = cfg["units"]
    return out


NAMES = {"SimpleRNN": "simple_rnn", "LSTM": "lstm", "GRU": "gru", "Bidirectional": "bidirectional",
         "Dense": "dense", "Embedding": "embedding", "Masking": "masking", "TimeDistributed": "time_distributed"}


def named(layers):
    seen, out = {}, []
    for cls, cfg in layers:
        base = NAMES[cls]
        k = seen.get(base, -1) + 1
        seen[base] = k
        out.append((cls, dict(cfg, name=base if k == 0 else "%s_%d" % (base, k))))
    return out


def weight_names(cls, cfg):
    n = cfg["name"]
    if cls == "Embedding":
        return ["%s/embeddings:0" % n]
    if cls in ("Dense", "TimeDistributed"):
        return ["%s/kernel:0" % n, "%s/bias:0" % n]
    if cls == "Bidirectional":
        icls = cfg["layer"]["class_name"]
        inner = NAMES[icls]
        return ["%s/%s_%s/%s_cell/%s:0" % (n, d, cfg["layer"]["config"]["name"], inner, p)
                for d in ("forward", "backward") for p in ("kernel", "recurrent_kernel", "bias")]
    parts = ("kernel", "recurrent_kernel", "bias")[:3 if cfg.get("use_bias", True) else 2]
    return ["%s/%s_cell/%s:0" % (n, NAMES[cls], p) for p in parts]


def save_legacy(path, layers, weights, input_shape):
    cfg_layers = [{"class_name": "InputLayer", "config": {"batch_input_shape": [None] + input_shape,
                                                          "dtype": "float32", "name": "input_1"}}]
    cfg_layers += [{"class_name": cls, "config": cfg} for cls, cfg in layers]
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": cfg_layers}}
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["backend"] = "tensorflow"
        f.attrs["model_config"] = json.dumps(config)
        mw = f.create_group("model_weights")
        mw.attrs["layer_names"] = np.array([cfg["name"].encode() for _, cfg in layers])
        for (cls, cfg), w in zip(layers, weights):
            g = mw.create_group(cfg["name"])
            names = weight_names(cls, cfg) if w else []
            g.attrs["weight_names"] = np.array([s.encode() for s in names], dtype="S")
            for s, a in zip(names, w):
                g.create_dataset(s, data=a.astype(np.float32))


def save_keras3(path, layers, weights, input_shape):
    def wrap(cls, cfg):
        c = dict(cfg)
        if cls in ("Bidirectional", "TimeDistributed"):
            c["layer"] = wrap(cfg["layer"]["class_name"], cfg["layer"]["config"])
        return {"module": "keras.layers", "class_name": cls, "config": c, "registered_name": None}
    cfg_layers = [{"module": "keras.layers", "class_name": "InputLayer",
                   "config": {"batch_shape": [None] + input_shape, "dtype": "float32", "name": "input_layer"},
                   "registered_name": None}]
    cfg_layers += [wrap(cls, cfg) for cls, cfg in layers]
    config = {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "layers": cfg_layers},
              "registered_name": None, "build_config": {"input_shape": [None] + input_shape}}
    buf = io.BytesIO()
    with h5py.File(buf, "w") as f:
        root = f.create_group("layers")
        root.create_group("input_layer/vars")
        for (cls, cfg), w in zip(layers, weights):
            g = root.create_group(cfg["name"])
            g.create_group("vars")
            if cls == "Bidirectional":
                for d, part in (("forward_layer", w[:3]), ("backward_layer", w[3:])):
                    for i, a in enumerate(part):
                        g.create_dataset("%s/cell/vars/%d" % (d, i), data=a.astype(np.float32))
            elif cls in ("SimpleRNN", "LSTM", "GRU"):
                for i, a in enumerate(w):
                    g.create_dataset("cell/vars/%d" % i, data=a.astype(np.float32))
            elif cls == "TimeDistributed":
                for i, a in enumerate(w):
                    g.create_dataset("layer/vars/%d" % i, data=a.astype(np.float32))
            else:
                for i, a in enumerate(w):
                    g.create_dataset("vars/%d" % i, data=a.astype(np.float32))
        f.create_group("vars")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.6.0", "date_saved": "2026-12-02@01:50:00"}))
        z.writestr("config.json", json.dumps(config))
        z.writestr("model.weights.h5", buf.getvalue())


def make(name, fmt, layers, x):
    layers = named(layers)
    for cls, cfg in layers:
        if cls in ("Bidirectional", "TimeDistributed"):
            cfg["layer"] = {"class_name": cfg["layer"][0], "config": dict(cfg["layer"][1], name=NAMES[cfg["layer"][0]])}
    width = 1 if x.ndim == 2 else x.shape[2]
    weights = weights_of(layers, width)
    y = forward(layers, weights, x, fmt == "keras")
    (save_keras3 if fmt == "keras" else save_legacy)("h5/%s.%s" % (name, fmt), layers, weights, list(x.shape[1:]))
    with open("h5/%s.input.json" % name, "w") as f:
        json.dump({"x": x.tolist()}, f)
    with open("h5/%s.expected.json" % name, "w") as f:
        json.dump({"shape": list(y.shape), "y": y.tolist()}, f)


ids = np.array([[0, 0, 3, 5, 1, 7], [2, 4, 6, 1, 0, 0], [5, 5, 5, 5, 5, 5]])
make("k2-emb-mask-gru-seq-lstm-hard-softmax", "h5", [
    ("Embedding", {"input_dim": 8, "output_dim": 3, "mask_zero": True}),
    ("GRU", {"units": 4, "reset_after": True, "return_sequences": True}),
    ("LSTM", {"units": 3, "recurrent_activation": "hard_sigmoid"}),
    ("Dense", {"units": 2, "activation": "softmax"})], ids)
make("k2-bidi-lstm-sum-dense", "h5", [
    ("Bidirectional", {"merge_mode": "sum", "layer": ("LSTM", {"units": 3})}),
    ("Dense", {"units": 1, "activation": "linear"})], rng.uniform(-1.5, 1.5, (2, 5, 2)))
make("k3-gru-hard-seq-bidi-rnn-softmax", "keras", [
    ("GRU", {"units": 4, "recurrent_activation": "hard_sigmoid", "reset_after": True, "return_sequences": True}),
    ("Bidirectional", {"merge_mode": "concat", "layer": ("SimpleRNN", {"units": 3})}),
    ("Dense", {"units": 3, "activation": "softmax"})], rng.uniform(-1.5, 1.5, (2, 5, 2)))
xm = rng.uniform(-1.5, 1.5, (3, 6, 2))
xm[0, 4:] = 0
xm[1, :2] = 0
make("k3-masking-gru-cho-backwards-seq-tanh", "keras", [
    ("Masking", {"mask_value": 0.0}),
    ("GRU", {"units": 3, "reset_after": False, "return_sequences": True, "go_backwards": True}),
    ("Dense", {"units": 2, "activation": "tanh"})], xm)
xb = rng.uniform(-1.5, 1.5, (2, 5, 2))
xb[0, 3:] = 0
xb[1, :1] = 0
make("k3-masking-bidi-lstm-seq-dense", "keras", [
    ("Masking", {"mask_value": 0.0}),
    ("Bidirectional", {"merge_mode": "concat", "layer": ("LSTM", {"units": 3, "return_sequences": True})}),
    ("Dense", {"units": 2, "activation": "linear"})], xb)
make("k2-gru-nobias-resetbefore-seq-lstm-nobias", "h5", [
    ("GRU", {"units": 3, "use_bias": False, "reset_after": False, "return_sequences": True}),
    ("LSTM", {"units": 2, "use_bias": False, "activation": "relu"})], rng.uniform(-1.5, 1.5, (2, 4, 3)))
make("k3-lstm-seq-timedistributed-softmax", "keras", [
    ("LSTM", {"units": 3, "return_sequences": True}),
    ("TimeDistributed", {"layer": ("Dense", {"units": 2, "activation": "softmax"})})], rng.uniform(-1.5, 1.5, (2, 4, 2)))
make("k2-gru-seq-timedistributed-relu", "h5", [
    ("GRU", {"units": 3, "return_sequences": True}),
    ("TimeDistributed", {"layer": ("Dense", {"units": 2, "activation": "relu"})})], rng.uniform(-1.5, 1.5, (2, 4, 2)))

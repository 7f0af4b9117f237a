#!/usr/bin/env python3
"""Parity fixtures for masked (padded) steps in stacked, bidirectional layers, from PyTorch (float64).

The deep fixture format of shared/fixtures/FORMAT.md ("Stacked and bidirectional layers") plus
"lengths": [B], each sequence's real length; steps t >= lengths[b] are right padding. The reference
runs every layer on torch.nn.utils.rnn.pack_padded_sequence(..., enforce_sorted=False), so the
forward direction stops at each sequence's last real step and the reverse one starts there.

RNN Lab follows Keras's Masking instead, which gives the same states: at a padded step the state is
carried over. Where PyTorch's padded output is 0, the fixture's layer_outputs hold the carried state
(forward: after the last real step; reverse: the initial state), filled in here from PyTorch's
states. upstream_output is 0 at padded steps, so the loss and every gradient are PyTorch's.

Loss: L = sum u * y_top + sum v * h_n, as in gen_deep_fixtures.py.

Usage: /usr/bin/python3 gen_masked_fixtures.py OUT_DIR SPEC...
SPEC = cell:X:H:T:L:D:seed:len1,len2,...   (B is the number of lengths)
"""
import json, os, sys
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.set_default_dtype(torch.float64)
MOD = {"rnn_tanh": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}
GATES = {"rnn_tanh": ["h"], "lstm": ["i", "f", "g", "o"], "gru": ["r", "z", "n"]}


def tl(t):
    return t.detach().tolist()


def packed(m, kind, inp, lengths, h0, c0):
    p = pack_padded_sequence(inp, lengths, enforce_sorted=False)
    if kind == "lstm":
        y, (hn, cn) = m(p, (h0, c0))
    else:
        y, hn = m(p, h0)
        cn = None
    y, _ = pad_packed_sequence(y, total_length=inp.shape[0])
    return y, hn, cn


def run(kind, X, H, T, L, D, seed, lengths):
    B = len(lengths)
    lens = torch.tensor(lengths)
    g = torch.Generator().manual_seed(seed)
    fused = MOD[kind](X, H, num_layers=L, bidirectional=(D == 2))
    k = 1.0 / H ** 0.5
    with torch.no_grad():
        for name, p in fused.named_parameters():
            p.copy_((torch.rand(p.shape, generator=g) * 2 - 1) * k)
    x = torch.randn(T, B, X, generator=g).requires_grad_(True)
    h0 = (torch.randn(L * D, B, H, generator=g) * 0.5).requires_grad_(True)
    c0 = (torch.randn(L * D, B, H, generator=g) * 0.5).requires_grad_(True)
    real = (torch.arange(T)[:, None] < lens[None, :]).to(torch.float64)  # [T, B]
    u = torch.randn(T, B, D * H, generator=g) * real[:, :, None]
    v = torch.randn(L * D, B, H, generator=g)

    layer_in, outs, hns, cns = x, [], [], []
    for layer in range(L):
        m = MOD[kind](layer_in.shape[2], H, num_layers=1, bidirectional=(D == 2))
        with torch.no_grad():
            for name, p in m.named_parameters():
                p.copy_(getattr(fused, name.replace("_l0", f"_l{layer}")))
        for name, p in m.named_parameters():
            p.requires_grad_(False)
        sl = slice(layer * D, layer * D + D)
        y, hn, cn = packed(m, kind, layer_in, lens, h0[sl], c0[sl])
        y.retain_grad()
        outs.append(y)
        hns.append(hn)
        if cn is not None:
            cns.append(cn)
        layer_in = y
    h_n = torch.cat(hns, 0)
    loss = (u * outs[-1]).sum() + (v * h_n).sum()
    loss.backward()
    dx, dh0 = x.grad.clone(), h0.grad.clone()
    dc0 = c0.grad.clone() if kind == "lstm" else None

    x2 = x.detach().clone().requires_grad_(True)
    h02 = h0.detach().clone().requires_grad_(True)
    c02 = c0.detach().clone().requires_grad_(True)
    y2, hn2, _ = packed(fused, kind, x2, lens, h02, c02)
    assert torch.allclose(y2, outs[-1], atol=1e-12), "layer-by-layer run disagrees with the fused module"
    assert torch.allclose(hn2, h_n, atol=1e-12)
    (u * y2).sum().add_((v * hn2).sum()).backward()
    assert torch.allclose(x2.grad, dx, atol=1e-11) and torch.allclose(h02.grad, dh0, atol=1e-11)

    # Keras's carried state at the padded steps
    carried = []
    for layer, y in enumerate(outs):
        y = y.detach().clone()
        for b in range(B):
            n = lengths[b]
            for t in range(n, T):
                y[t, b, :H] = y[n - 1, b, :H]
                if D == 2:
                    y[t, b, H:] = h0[layer * D + 1, b]
        carried.append(y)

    fx = {
        "cell": kind, "convention": "pytorch", "gate_order": GATES[kind],
        "input_size": X, "hidden_size": H, "seq_len": T, "batch": B,
        "num_layers": L, "num_directions": D, "seed": seed, "weight_scale": 1.0,
        "lengths": lengths,
        "weights": {name: tl(p) for name, p in fused.named_parameters()},
        "x": tl(x), "h0": tl(h0), "upstream_output": tl(u), "upstream_h_n": tl(v),
        "expected": {
            "loss": loss.item(),
            "layer_outputs": [tl(y) for y in carried],
            "dL_dlayer_outputs": [tl(y.grad) for y in outs],
            "h_n": tl(h_n),
            "grad": {name: tl(p.grad) for name, p in fused.named_parameters()},
            "dL_dx": tl(dx), "dL_dh0": tl(dh0),
        },
    }
    if kind == "lstm":
        fx["c0"] = tl(c0)
        fx["expected"]["c_n"] = tl(torch.cat(cns, 0))
        fx["expected"]["dL_dc0"] = tl(dc0)
    return fx


if __name__ == "__main__":
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for spec in sys.argv[2:]:
        p = spec.split(":")
        kind, (X, H, T, L, D, seed) = p[0], map(int, p[1:7])
        lengths = [int(n) for n in p[7].split(",")]
        fx = run(kind, X, H, T, L, D, seed, lengths)
        name = f"{kind}-x{X}-h{H}-t{T}-b{len(lengths)}-l{L}-d{D}-s{seed}-masked.json"
        with open(os.path.join(out, name), "w") as f:
            json.dump(fx, f, separators=(",", ":"))
        print(name)

#!/usr/bin/python3
"""Make PyTorch state_dicts in the safetensors format, with inputs and the outputs torch gives.

Run from this folder with Debian's python3-torch: /usr/bin/python3 gen_safetensors.py
Each model is saved as safetensors/NAME.safetensors (8-byte little-endian header length, JSON
header, raw little-endian tensors, written here with struct and json: Debian has no safetensors
package), NAME.input.json {"x": [B][T][X]} and NAME.expected.json {"shape", "y"}: model(x) of
nn.Embedding? -> nn.RNN/LSTM/GRU(batch_first=True) -> nn.Linear?, float64 (or float32 tensors for
the F32 file, run in float64 after the cast).
"""
import json
import struct
import torch

torch.manual_seed(7)


class Net(torch.nn.Module):
    def __init__(self, cell, x, h, layers, bidi, linear, vocab):
        super().__init__()
        self.emb = torch.nn.Embedding(vocab, x) if vocab else None
        self.rnn = getattr(torch.nn, cell)(x, h, num_layers=layers, bidirectional=bidi, batch_first=True)
        self.fc = torch.nn.Linear(h * (2 if bidi else 1), linear) if linear else None

    def forward(self, x):
        if self.emb is not None:
            x = self.emb(x)
        y, _ = self.rnn(x)
        return self.fc(y) if self.fc is not None else y


def save(path, tensors, dtype):
    header, blobs, off = {}, [], 0
    code, fmt = ("F64", "<%dd") if dtype == torch.float64 else ("F32", "<%df")
    for name, t in tensors.items():
        vals = t.detach().to(dtype).reshape(-1).tolist()
        b = struct.pack(fmt % len(vals), *vals)
        header[name] = {"dtype": code, "shape": list(t.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b)
        off += len(b)
    header["__metadata__"] = {"format": "pt"}
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def make(name, cell, x, h, t, b, layers=1, bidi=False, linear=0, vocab=0, dtype=torch.float64):
    net = Net(cell, x, h, layers, bidi, linear, vocab).double()
    if dtype == torch.float32:  # the stored values are float32; torch runs them in float64
        with torch.no_grad():
            for p in net.parameters():
                p.copy_(p.float().double())
    if vocab:
        xs = torch.randint(0, vocab, (b, t))
    else:
        xs = torch.rand(b, t, x, dtype=torch.float64) * 3 - 1.5
    with torch.no_grad():
        y = net(xs)
    save("safetensors/%s.safetensors" % name, net.state_dict(), dtype)
    with open("safetensors/%s.input.json" % name, "w") as f:
        json.dump({"x": xs.tolist()}, f)
    with open("safetensors/%s.expected.json" % name, "w") as f:
        json.dump({"shape": list(y.shape), "y": y.tolist(), "torch": torch.__version__}, f)


make("lstm-x3-h4-t6-b2-l2-bidi", "LSTM", 3, 4, 6, 2, layers=2, bidi=True)
make("gru-x2-h5-t7-b3-linear", "GRU", 2, 5, 7, 3, linear=2)
make("rnn-x4-h3-t5-b2-f32", "RNN", 4, 3, 5, 2, dtype=torch.float32)
make("lstm-emb-v9-e3-h4-t6-b2-linear", "LSTM", 3, 4, 6, 2, linear=3, vocab=9)

#!/usr/bin/env python3
"""PyTorch implementation of Heredity's MNIST-proxy transfer protocol, for the speed comparison.

Same protocol as `heredity transfer-test` (and the published code): MLP 784-256-256-(10+m), ReLU,
weights N(0, 1/fan_in), zero biases, inputs in [-1, 1], Adam(lr 3e-4), batch 1024; per model a teacher
trained 5 epochs with cross-entropy on the 10 class logits, then a same-init and a cross-init student
trained 5 epochs on 60,000 uniform(-1, 1) noise images with KL(teacher aux softmax || student aux
softmax), summed over the batch. Prints per-arm accuracies and the wall time of the whole run.

Needs Debian's python3-torch (PyTorch 1.13, CPU); run it with /usr/bin/python3.
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load(data_dir):
    def find(*names):
        for n in names:
            for c in (n, n + ".gz"):
                p = os.path.join(data_dir, c)
                if os.path.exists(p):
                    return p
        return None

    train = find("train-images-idx3-ubyte")
    if train:
        xtr, ytr = read_idx(train), read_idx(find("train-labels-idx1-ubyte"))
        xte, yte = read_idx(find("t10k-images-idx3-ubyte")), read_idx(find("t10k-labels-idx1-ubyte"))
    else:
        x, y = read_idx(find("images-idx3-ubyte")), read_idx(find("labels-idx1-ubyte"))
        cut = len(x) * 4 // 5
        xtr, ytr, xte, yte = x[:cut], y[:cut], x[cut:], y[cut:]

    def prep(x):
        return torch.from_numpy(x.reshape(len(x), -1).astype(np.float32) / 255.0 * 2 - 1)

    return prep(xtr), torch.from_numpy(ytr.astype(np.int64)), prep(xte), torch.from_numpy(yte.astype(np.int64))


def init_params(inputs, hidden, outputs, gen):
    params = []
    for fan_in, fan_out in ((inputs, hidden), (hidden, hidden), (hidden, outputs)):
        w = torch.randn(fan_in, fan_out, generator=gen) / fan_in ** 0.5
        params += [w, torch.zeros(fan_out)]
    return params


def forward(params, x):
    w1, b1, w2, b2, w3, b3 = params
    h = F.relu(x @ w1 + b1)
    h = F.relu(h @ w2 + b2)
    return h @ w3 + b3


def train(params, x, loss_fn, epochs, batch, lr, gen):
    params = [p.clone().requires_grad_(True) for p in params]
    opt = torch.optim.Adam(params, lr=lr)
    n = len(x)
    for _ in range(epochs):
        order = torch.randperm(n, generator=gen)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            loss = loss_fn(forward(params, x[idx]), idx)
            opt.zero_grad()
            loss.backward()
            opt.step()
    return [p.detach() for p in params]


def accuracy(params, x, y):
    with torch.no_grad():
        return (forward(params, x)[:, :10].argmax(1) == y).float().mean().item()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", type=int, default=2)
    ap.add_argument("--aux", type=int, default=3)
    ap.add_argument("--hidden", type=int, default=256)
    ap.add_argument("--epochs-teacher", type=int, default=5)
    ap.add_argument("--epochs-distill", type=int, default=5)
    ap.add_argument("--noise", type=int, default=60000)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--batch", type=int, default=1024)
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "samples", "mnist-10k"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)

    start = time.time()
    xtr, ytr, xte, yte = load(a.data)
    gen = torch.Generator().manual_seed(a.seed)
    outputs = 10 + a.aux
    inits = [init_params(xtr.shape[1], a.hidden, outputs, gen) for _ in range(a.models)]
    noise = torch.rand(a.noise, xtr.shape[1], generator=gen) * 2 - 1
    acc = {"teacher": [], "reference": [], "same-init": [], "cross-init": []}
    for i in range(a.models):
        teacher = train(inits[i], xtr, lambda out, idx: F.cross_entropy(out[:, :10], ytr[idx]),
                        a.epochs_teacher, a.batch, a.lr, gen)
        acc["teacher"].append(accuracy(teacher, xte, yte))
        acc["reference"].append(accuracy(inits[i], xte, yte))
        with torch.no_grad():
            target = F.softmax(forward(teacher, noise)[:, 10:], dim=1)

        def kl(out, idx):
            return F.kl_div(F.log_softmax(out[:, 10:], dim=1), target[idx], reduction="sum")

        for arm, init in (("same-init", inits[i]), ("cross-init", inits[(i + 1) % a.models])):
            student = train(init, noise, kl, a.epochs_distill, a.batch, a.lr, gen)
            acc[arm].append(accuracy(student, xte, yte))
    seconds = time.time() - start
    for arm, values in acc.items():
        print(f"{arm:12s} {100 * np.mean(values):5.1f}%  per model {' '.join(f'{100 * v:.1f}' for v in values)}")
    print(f"seconds {seconds:.1f}")


if __name__ == "__main__":
    main()

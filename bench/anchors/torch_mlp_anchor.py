"""PyTorch side of `bench/nn-mlp.ts`: a long-lived process (CPU, 2 threads) that times one
training epoch of an MLP 784-256-256-10 (Adam, cross-entropy) per request, so Strata and
PyTorch interleave in one run.

Protocol (one JSON object per line):
  {"x": PATH, "y": PATH, "count": N, "batch": B, "lr": LR, "threads": T}
      -> {"seconds": S, "cpuSeconds": C, "loss": L}   (C: process CPU time, all threads)
      (float32 inputs N×784 and int32 labels from raw files, in file order, fresh seeded weights)
"""
import json
import sys
import time

import numpy as np
import torch

torch.set_num_threads(2)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)

for line in sys.stdin:
    req = json.loads(line)
    n = req["count"]
    torch.set_num_threads(req.get("threads", 2))
    x = torch.from_numpy(np.fromfile(req["x"], dtype=np.float32).reshape(n, 784))
    y = torch.from_numpy(np.fromfile(req["y"], dtype=np.int32).astype(np.int64))
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(),
                                torch.nn.Linear(256, 10))
    opt = torch.optim.Adam(model.parameters(), lr=req["lr"])
    b = req["batch"]
    start = time.perf_counter()
    cpu = time.process_time()
    total = 0.0
    for i in range(0, n, b):
        xb, yb = x[i:i + b], y[i:i + b]
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
        total += loss.item() * xb.shape[0]
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "cpuSeconds": time.process_time() - cpu, "loss": total / n}), flush=True)

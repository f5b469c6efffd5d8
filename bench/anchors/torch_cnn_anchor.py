"""PyTorch side of `bench/kernels.ts` and `bench/nn-cnn.ts`: a long-lived process that times one
case per request, so Strata and PyTorch can be interleaved in the same run. PyTorch CPU is pinned
to 2 threads (the machine's cores).

Protocol (one JSON object per line):
  {"case": "matmul", "file": PATH, "shape": [n, n], "dtype": "float32"} -> {"seconds": S}
      (C = A·A on the float64 file's values converted to dtype)
  {"case": "cnn-epoch", "images": PATH, "labels": PATH, "count": N, "batch": B, "lr": LR}
      -> {"seconds": S, "cpuSeconds": C, "loss": L}   (C: process CPU time, all threads)
      (one epoch of conv16-pool-conv32-pool-dense64-dense10 with Adam over N 28×28 images stored
      as float64 and int32 labels, in file order, fresh seeded weights each time)
"""
import json
import sys
import time

import numpy as np
import torch

torch.set_num_threads(2)
cache = {}


def load(path, dtype, shape=None):
    key = (path, dtype)
    if key not in cache:
        a = np.fromfile(path, dtype=np.float64 if dtype != "int32" else np.int32)
        if shape is not None:
            a = a.reshape(shape)
        cache[key] = a
    return cache[key]


def cnn():
    return torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10),
    )


def run(req):
    name = req["case"]
    if name == "matmul":
        dt = torch.float32 if req.get("dtype") == "float32" else torch.float64
        key = (req["file"], str(dt))
        if key not in cache:
            cache[key] = torch.from_numpy(load(req["file"], "float64", req["shape"])).to(dt).contiguous()
        a = cache[key]
        start = time.perf_counter()
        torch.mm(a, a)
        return {"seconds": time.perf_counter() - start}
    if name == "cnn-epoch":
        n, batch = req["count"], req["batch"]
        x = torch.from_numpy(load(req["images"], "float64").reshape(n, 1, 28, 28)).float()
        y = torch.from_numpy(load(req["labels"], "int32").astype(np.int64))
        torch.manual_seed(0)
        model = cnn()
        opt = torch.optim.Adam(model.parameters(), lr=req["lr"])
        loss_fn = torch.nn.CrossEntropyLoss()
        start = time.perf_counter()
        cpu = time.process_time()
        total = 0.0
        for i in range(0, n, batch):
            opt.zero_grad()
            loss = loss_fn(model(x[i:i + batch]), y[i:i + batch])
            loss.backward()
            opt.step()
            total += loss.item()
        return {"seconds": time.perf_counter() - start, "cpuSeconds": time.process_time() - cpu,
                "loss": total / ((n + batch - 1) // batch)}
    raise ValueError(f"unknown case {name}")


print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
for line in sys.stdin:
    print(json.dumps(run(json.loads(line))), flush=True)

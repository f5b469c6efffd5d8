"""PyTorch reference values for nn's LSTM and GRU (float64): weights, inputs, initial states, the
outputs and final states, and the gradients of sum(out·gy) + sum(hN·gh) (+ sum(cN·gc)) with
respect to the input, the initial states and every parameter (PyTorch's parameter names)."""
import numpy as np
import torch

from common import write_fixture

torch.manual_seed(0)
rng = np.random.default_rng(1)


def flat(x):
    return x.detach().numpy().ravel().tolist()


def case(kind, input_size, hidden, layers, batch_first, bias, T, N, with_state):
    cls = torch.nn.LSTM if kind == "LSTM" else torch.nn.GRU
    m = cls(input_size, hidden, num_layers=layers, batch_first=batch_first, bias=bias).double()
    shape = (N, T, input_size) if batch_first else (T, N, input_size)
    x = torch.tensor(rng.standard_normal(shape), requires_grad=True)
    h0 = torch.tensor(rng.standard_normal((layers, N, hidden)) * 0.5, requires_grad=True) if with_state else None
    c0 = torch.tensor(rng.standard_normal((layers, N, hidden)) * 0.5, requires_grad=True) if with_state and kind == "LSTM" else None
    if kind == "LSTM":
        out, (hn, cn) = m(x, (h0, c0)) if with_state else m(x)
    else:
        out, hn = m(x, h0) if with_state else m(x)
        cn = None
    gy = torch.tensor(rng.standard_normal(tuple(out.shape)))
    gh = torch.tensor(rng.standard_normal(tuple(hn.shape)))
    loss = (out * gy).sum() + (hn * gh).sum()
    gc = None
    if cn is not None:
        gc = torch.tensor(rng.standard_normal(tuple(cn.shape)))
        loss = loss + (cn * gc).sum()
    loss.backward()
    res = {
        "kind": kind, "inputSize": input_size, "hidden": hidden, "layers": layers, "batchFirst": batch_first, "bias": bias,
        "xShape": list(x.shape), "x": flat(x), "out": flat(out), "outShape": list(out.shape), "hn": flat(hn),
        "gy": flat(gy), "gh": flat(gh), "gx": flat(x.grad),
        "params": {name: flat(p) for name, p in m.named_parameters()},
        "grads": {name: flat(p.grad) for name, p in m.named_parameters()},
    }
    if with_state:
        res["h0"] = flat(h0)
        res["gh0"] = flat(h0.grad)
    if kind == "LSTM":
        res["cn"] = flat(cn)
        res["gc"] = flat(gc)
        if with_state:
            res["c0"] = flat(c0)
            res["gc0"] = flat(c0.grad)
    return res


write_fixture("nn_recurrent", [
    case("LSTM", 3, 5, 2, True, True, 4, 2, True),
    case("LSTM", 4, 3, 1, False, False, 5, 3, False),
    case("GRU", 3, 4, 2, False, True, 5, 2, True),
    case("GRU", 2, 3, 1, True, True, 6, 3, False),
])

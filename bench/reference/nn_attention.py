"""PyTorch reference values for nn's MultiheadAttention and TransformerEncoderLayer (float64,
dropout 0): the state dict, the inputs, the outputs (and averaged attention weights) and the
gradients of sum(out·gy) with respect to the inputs and every parameter."""
import numpy as np
import torch

from common import write_fixture

torch.manual_seed(0)
rng = np.random.default_rng(2)


def flat(x):
    return x.detach().numpy().ravel().tolist()


def rand(shape, grad=True):
    return torch.tensor(rng.standard_normal(shape), requires_grad=grad)


def mha_case(E, h, L, S, N, batch_first, masks):
    m = torch.nn.MultiheadAttention(E, h, batch_first=batch_first).double()
    with torch.no_grad():
        m.in_proj_bias.copy_(torch.tensor(rng.standard_normal(3 * E) * 0.1))
        m.out_proj.bias.copy_(torch.tensor(rng.standard_normal(E) * 0.1))
    qs = (N, L, E) if batch_first else (L, N, E)
    ks = (N, S, E) if batch_first else (S, N, E)
    q, k, v = rand(qs), rand(ks), rand(ks)
    kpm = torch.tensor(rng.random((N, S)) < 0.25) if masks else None
    if kpm is not None:
        kpm[:, 0] = False  # every query keeps at least one key
    am = torch.triu(torch.ones(L, S, dtype=torch.bool), diagonal=1) if masks else None
    out, w = m(q, k, v, key_padding_mask=kpm, attn_mask=am, need_weights=True)
    gy = torch.tensor(rng.standard_normal(tuple(out.shape)))
    (out * gy).sum().backward()
    return {
        "E": E, "heads": h, "batchFirst": batch_first,
        "qShape": list(q.shape), "kShape": list(k.shape),
        "q": flat(q), "k": flat(k), "v": flat(v),
        "keyPaddingMask": kpm.numpy().ravel().tolist() if masks else None,
        "attnMask": am.numpy().ravel().tolist() if masks else None,
        "state": {n: flat(p) for n, p in m.state_dict().items()},
        "out": flat(out), "weights": flat(w), "gy": flat(gy),
        "gq": flat(q.grad), "gk": flat(k.grad), "gv": flat(v.grad),
        "grads": {n: flat(p.grad) for n, p in m.named_parameters()},
    }


def encoder_case(E, h, ff, L, N, batch_first, norm_first, activation):
    m = torch.nn.TransformerEncoderLayer(E, h, dim_feedforward=ff, dropout=0.0, activation=activation,
                                         batch_first=batch_first, norm_first=norm_first).double()
    with torch.no_grad():
        for n, p in m.named_parameters():
            if n.startswith("norm"):
                p.copy_(torch.tensor(rng.standard_normal(tuple(p.shape)) * 0.2) + (1.0 if n.endswith("weight") else 0.0))
    x = rand((N, L, E) if batch_first else (L, N, E))
    out = m(x)
    gy = torch.tensor(rng.standard_normal(tuple(out.shape)))
    (out * gy).sum().backward()
    return {
        "E": E, "heads": h, "ff": ff, "batchFirst": batch_first, "normFirst": norm_first, "activation": activation,
        "xShape": list(x.shape), "x": flat(x),
        "state": {n: flat(p) for n, p in m.state_dict().items()},
        "out": flat(out), "gy": flat(gy), "gx": flat(x.grad),
        "grads": {n: flat(p.grad) for n, p in m.named_parameters()},
    }


write_fixture("nn_attention", {
    "mha": [
        mha_case(8, 2, 4, 4, 3, False, False),
        mha_case(12, 3, 5, 6, 2, True, True),
    ],
    "encoder": [
        encoder_case(8, 2, 16, 5, 2, False, False, "relu"),
        encoder_case(8, 4, 12, 4, 3, True, True, "gelu"),
    ],
})

"""PyTorch reference values for nn's convolution, pooling and BatchNorm2d layers (float64):
for each case the inputs, parameters, an upstream gradient gy, the output and the gradients of
sum(out · gy) with respect to the input and the parameters. Run with /usr/bin/python3 (torch).
"""
import numpy as np
import torch
import torch.nn.functional as F

from common import write_fixture

torch.manual_seed(0)
rng = np.random.default_rng(0)


def t(shape, scale=1.0):
    return torch.tensor(rng.standard_normal(shape) * scale, dtype=torch.float64, requires_grad=True)


def flat(x):
    return x.detach().numpy().ravel().tolist()


def conv_case(dims, n, cin, cout, size, k, stride, padding, dilation, groups, bias=True):
    x = t((n, cin) + size)
    w = t((cout, cin // groups) + k, 0.3)
    b = t((cout,)) if bias else None
    f = F.conv2d if dims == 2 else F.conv1d
    y = f(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)
    gy = torch.tensor(rng.standard_normal(tuple(y.shape)), dtype=torch.float64)
    (y * gy).sum().backward()
    return {
        "dims": dims, "stride": stride, "padding": padding, "dilation": dilation, "groups": groups,
        "xShape": list(x.shape), "wShape": list(w.shape), "yShape": list(y.shape),
        "x": flat(x), "w": flat(w), "b": flat(b) if bias else None, "y": flat(y), "gy": flat(gy),
        "gx": flat(x.grad), "gw": flat(w.grad), "gb": flat(b.grad) if bias else None,
    }


def pool_case(kind, shape, **kw):
    x = t(shape)
    if kind == "max2d":
        y = F.max_pool2d(x, **kw)
    elif kind == "max1d":
        y = F.max_pool1d(x, **kw)
    elif kind == "avg2d":
        y = F.avg_pool2d(x, **kw)
    elif kind == "adaptiveavg2d":
        y = F.adaptive_avg_pool2d(x, **kw)
    gy = torch.tensor(rng.standard_normal(tuple(y.shape)), dtype=torch.float64)
    (y * gy).sum().backward()
    return {"kind": kind, "options": kw, "xShape": list(x.shape), "yShape": list(y.shape), "x": flat(x), "y": flat(y), "gy": flat(gy), "gx": flat(x.grad)}


def bn_case(shape, affine=True, momentum=0.1, eps=1e-5):
    c = shape[1]
    m = torch.nn.BatchNorm2d(c, eps=eps, momentum=momentum, affine=affine).double()
    if affine:
        with torch.no_grad():
            m.weight.copy_(torch.tensor(rng.standard_normal(c) * 0.5 + 1))
            m.bias.copy_(torch.tensor(rng.standard_normal(c) * 0.5))
    x = t(shape, 2.0)
    y = m(x)
    gy = torch.tensor(rng.standard_normal(tuple(y.shape)), dtype=torch.float64)
    (y * gy).sum().backward()
    out = {
        "shape": list(shape), "affine": affine, "momentum": momentum, "eps": eps,
        "weight": flat(m.weight) if affine else None, "bias": flat(m.bias) if affine else None,
        "x": flat(x), "y": flat(y), "gy": flat(gy), "gx": flat(x.grad),
        "gweight": flat(m.weight.grad) if affine else None, "gbias": flat(m.bias.grad) if affine else None,
        "runningMean": flat(m.running_mean), "runningVar": flat(m.running_var),
    }
    m.eval()
    x2 = t(shape)
    out["xEval"] = flat(x2)
    out["yEval"] = flat(m(x2))
    return out


write_fixture("nn_conv", {
    "conv": [
        conv_case(2, 2, 3, 4, (7, 6), (3, 3), [1, 1], [1, 1], [1, 1], 1),
        conv_case(2, 2, 4, 6, (9, 8), (3, 2), [2, 1], [1, 0], [1, 1], 2, bias=False),
        conv_case(2, 1, 2, 3, (10, 11), (3, 3), [2, 3], [2, 1], [2, 1], 1),
        conv_case(2, 3, 6, 6, (5, 5), (3, 3), [1, 1], [1, 1], [1, 1], 6),
        conv_case(2, 2, 1, 5, (8, 8), (5, 5), [1, 1], [0, 0], [1, 1], 1),
        conv_case(1, 2, 3, 4, (13,), (3,), [1], [1], [1], 1),
        conv_case(1, 2, 4, 2, (15,), (4,), [2], [2], [2], 2),
    ],
    "pool": [
        pool_case("max2d", (2, 3, 7, 8), kernel_size=2),
        pool_case("max2d", (2, 2, 9, 7), kernel_size=3, stride=2, padding=1),
        pool_case("max2d", (1, 2, 8, 9), kernel_size=[2, 3], stride=[1, 2], padding=[1, 0], dilation=[2, 1]),
        pool_case("max1d", (2, 3, 11), kernel_size=3, stride=2, padding=1),
        pool_case("avg2d", (2, 3, 7, 8), kernel_size=2),
        pool_case("avg2d", (2, 2, 9, 7), kernel_size=3, stride=2, padding=1),
        pool_case("avg2d", (2, 2, 9, 7), kernel_size=3, stride=2, padding=1, count_include_pad=False),
        pool_case("adaptiveavg2d", (2, 3, 7, 9), output_size=[3, 4]),
        pool_case("adaptiveavg2d", (1, 2, 5, 5), output_size=1),
    ],
    "batchNorm2d": [
        bn_case((4, 3, 5, 6)),
        bn_case((2, 2, 3, 3), affine=False, momentum=0.3),
    ],
})

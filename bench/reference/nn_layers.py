"""PyTorch (CPU, float64) reference values for nn's layers, losses, optimizers and schedulers:
for each case the inputs and weights fed in, the upstream gradient G, the outputs and the
gradients of sum(G * output) with respect to the input and every parameter."""
import numpy as np
import torch
import torch.nn.functional as F

from common import write_fixture

torch.manual_seed(0)
rs = np.random.RandomState(0)


def t(a, grad=True):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=grad)


def arr(x):
    return x.detach().numpy().ravel().tolist()


def randn(*shape):
    return rs.randn(*shape)


def layer_case(name, module, x, params, extra=None):
    """Runs module on x, backprops a random G, records everything flattened."""
    xt = t(x)
    out = module(xt)
    g = randn(*out.shape)
    out.backward(torch.tensor(g))
    case = {
        "name": name,
        "x": np.asarray(x).ravel().tolist(), "xShape": list(np.asarray(x).shape),
        "g": g.ravel().tolist(), "out": arr(out), "outShape": list(out.shape), "gx": arr(xt.grad),
        "params": {k: {"value": arr(p), "shape": list(p.shape), "grad": arr(p.grad)} for k, p in params.items()},
    }
    if extra:
        case.update(extra)
    return case


layers = []

# Linear
lin = torch.nn.Linear(4, 3).double()
layers.append(layer_case("linear", lin, randn(5, 4), {"weight": lin.weight, "bias": lin.bias}))
lin3 = torch.nn.Linear(4, 2, bias=False).double()
layers.append(layer_case("linear3d", lin3, randn(2, 3, 4), {"weight": lin3.weight}))

# Activations
x_act = randn(4, 5) * 2
for name, mod in [("relu", torch.nn.ReLU()), ("gelu", torch.nn.GELU()), ("silu", torch.nn.SiLU()),
                  ("tanh", torch.nn.Tanh()), ("sigmoid", torch.nn.Sigmoid()), ("softmax", torch.nn.Softmax(dim=1)),
                  ("logSoftmax", torch.nn.LogSoftmax(dim=1)), ("leakyRelu", torch.nn.LeakyReLU(0.1)),
                  ("softmax0", torch.nn.Softmax(dim=0))]:
    layers.append(layer_case(name, mod, x_act, {}))

# BatchNorm1d in training mode (2-d and 3-d), then eval mode with the updated running stats
for name, shape in [("batchNorm1d", (6, 3)), ("batchNorm1d3d", (4, 3, 5))]:
    bn = torch.nn.BatchNorm1d(3, momentum=0.2).double()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(rs.rand(3) + 0.5))
        bn.bias.copy_(torch.tensor(randn(3)))
    x = randn(*shape) * 1.5 + 0.3
    case = layer_case(name, bn, x, {"weight": bn.weight, "bias": bn.bias})
    case["runningMean"] = arr(bn.running_mean)
    case["runningVar"] = arr(bn.running_var)
    bn.eval()
    case["evalOut"] = arr(bn(torch.tensor(x)))
    layers.append(case)

# LayerNorm over the last one and last two dims
for name, shape, norm in [("layerNorm", (2, 3, 4), [4]), ("layerNorm2", (2, 3, 4), [3, 4])]:
    ln = torch.nn.LayerNorm(norm).double()
    with torch.no_grad():
        ln.weight.copy_(torch.tensor(rs.rand(*norm) + 0.5))
        ln.bias.copy_(torch.tensor(randn(*norm)))
    layers.append(layer_case(name, ln, randn(*shape), {"weight": ln.weight, "bias": ln.bias}, {"normalizedShape": norm}))

# Embedding (indices are not differentiated)
emb = torch.nn.Embedding(6, 3).double()
idx = torch.tensor([[1, 4, 1], [0, 5, 2]])
out = emb(idx)
g = randn(*out.shape)
out.backward(torch.tensor(g))
layers.append({"name": "embedding", "indices": idx.numpy().ravel().tolist(), "indexShape": [2, 3], "g": g.ravel().tolist(),
               "out": arr(out), "outShape": list(out.shape),
               "params": {"weight": {"value": arr(emb.weight), "shape": [6, 3], "grad": arr(emb.weight.grad)}}})

# Losses: value and gradient w.r.t. the input
losses = []


def loss_case(name, fn, inp, target, target_is_index=False, **extra):
    it = t(inp)
    tt = torch.tensor(target) if target_is_index else torch.tensor(np.asarray(target, dtype=np.float64))
    loss = fn(it, tt)
    loss.backward()
    losses.append({"name": name, "input": np.asarray(inp).ravel().tolist(), "inputShape": list(np.asarray(inp).shape),
                   "target": np.asarray(target).ravel().tolist(), "targetShape": list(np.asarray(target).shape),
                   "loss": float(loss), "grad": arr(it.grad), **extra})


a, b = randn(4, 3), randn(4, 3)
loss_case("mse", F.mse_loss, a, b)
loss_case("mseSum", lambda x, y: F.mse_loss(x, y, reduction="sum"), a, b)
loss_case("l1", F.l1_loss, a, b)
loss_case("huber", lambda x, y: F.huber_loss(x, y, delta=0.7), a * 2, b)
logits = randn(5, 4) * 2
cls = np.array([0, 3, 1, 3, 2])
loss_case("crossEntropy", F.cross_entropy, logits, cls, True)
loss_case("crossEntropySmooth", lambda x, y: F.cross_entropy(x, y, label_smoothing=0.1), logits, cls, True, labelSmoothing=0.1)
probs = rs.dirichlet(np.ones(4), size=5)
loss_case("crossEntropyProbs", F.cross_entropy, logits, probs)
loss_case("crossEntropyProbsSmooth", lambda x, y: F.cross_entropy(x, y, label_smoothing=0.2), logits, probs, labelSmoothing=0.2)
loss_case("crossEntropySum", lambda x, y: F.cross_entropy(x, y, reduction="sum"), logits, cls, True)
loss_case("nll", F.nll_loss, np.log(probs), cls, True)
cw = [0.5, 2.0, 1.0, 1.5]
loss_case("nllWeighted", lambda x, y: F.nll_loss(x, y, weight=torch.tensor(cw, dtype=torch.float64)), np.log(probs), cls, True, weight=cw)
loss_case("crossEntropyWeighted", lambda x, y: F.cross_entropy(x, y, weight=torch.tensor(cw, dtype=torch.float64)), logits, cls, True, weight=cw)
loss_case("crossEntropyWeightedSmooth", lambda x, y: F.cross_entropy(x, y, weight=torch.tensor(cw, dtype=torch.float64), label_smoothing=0.15), logits, cls, True, weight=cw, labelSmoothing=0.15)
loss_case("crossEntropyProbsWeighted", lambda x, y: F.cross_entropy(x, y, weight=torch.tensor(cw, dtype=torch.float64), label_smoothing=0.1), logits, probs, weight=cw, labelSmoothing=0.1)
loss_case("bceWithLogits", F.binary_cross_entropy_with_logits, randn(6) * 3, (rs.rand(6) > 0.5).astype(float))

# Optimizers: the parameter after each of 4 steps with given gradients
optims = []
p0 = randn(5)
grads = [randn(5) for _ in range(4)]
for name, make in [
    ("sgd", lambda p: torch.optim.SGD([p], lr=0.1)),
    ("sgdMomentum", lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01)),
    ("sgdNesterov", lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
    ("adam", lambda p: torch.optim.Adam([p], lr=0.01)),
    ("adamWd", lambda p: torch.optim.Adam([p], lr=0.01, betas=(0.8, 0.99), weight_decay=0.1)),
    ("adamw", lambda p: torch.optim.AdamW([p], lr=0.01, weight_decay=0.1)),
    ("rmsprop", lambda p: torch.optim.RMSprop([p], lr=0.01)),
    ("rmspropCentered", lambda p: torch.optim.RMSprop([p], lr=0.01, momentum=0.5, centered=True, weight_decay=0.01)),
]:
    p = t(p0)
    opt = make(p)
    steps = []
    for g in grads:
        p.grad = torch.tensor(g)
        opt.step()
        steps.append(arr(p))
    optims.append({"name": name, "p0": p0.tolist(), "grads": [g.tolist() for g in grads], "steps": steps})

# Schedulers: lr after each epoch
scheds = []
metrics = [1.0, 0.9, 0.95, 0.93, 0.92, 0.91, 0.96, 0.97, 0.98, 0.99, 0.85, 0.86, 0.87, 0.88]
for name, make in [
    ("stepLR", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
    ("cosine", lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=10, eta_min=0.001)),
    ("exponential", lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma=0.9)),
    ("plateau", lambda o: torch.optim.lr_scheduler.ReduceLROnPlateau(o, factor=0.5, patience=2, cooldown=1)),
]:
    p = t(p0)
    opt = torch.optim.SGD([p], lr=0.1)
    s = make(opt)
    lrs = []
    for m in metrics:
        opt.step()
        if name == "plateau":
            s.step(m)
        else:
            s.step()
        lrs.append(opt.param_groups[0]["lr"])
    scheds.append({"name": name, "lrs": lrs})

write_fixture("nn_layers", {"torch": torch.__version__, "layers": layers, "losses": losses, "optimizers": optims,
                            "schedulers": scheds, "metrics": metrics})

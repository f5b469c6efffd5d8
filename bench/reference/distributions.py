"""Reference values for src/tensor/distributions (scipy.stats), written to
fixtures/distributions.json.

For each distribution and each parameter set: points x with pdf/logpdf (pmf/logpmf for discrete
ones), cdf and sf there; probabilities q with ppf and isf; and the mean and variance. The x
points run from far lower to far upper tails (quantiles 1e-100 ... 1 - 1e-12 and beyond) plus
points outside the support.

The reference is SciPy 1.10's value, checked against mpmath at 40 digits (python3-mpmath);
where they differ by more than 1e-13 relative, mpmath's value is kept (SciPy's gamma-family
CDFs use cephes' igam, which loses digits for large shapes, and its Poisson pmf uses the plain
xlogy(k, mu) - gammaln(k+1) - mu, which loses digits for large counts). "overrides" counts the
replaced values per quantity. Discrete quantiles are checked against their definition (the
least k with cdf(k) ≥ q, or sf(k) ≤ q for isf) on mpmath's CDF; the q points are kept away
from the CDF's jumps.
Run: /usr/bin/python3 bench/reference/distributions.py   (needs python3-scipy and python3-mpmath)
"""

import mpmath as mp  # noqa: E402
import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402

from common import write_fixture  # noqa: E402

mp.mp.dps = 40
OVERRIDE_RTOL = 1e-13

# Probabilities at which x points are placed (through SciPy's own ppf/isf), and q points.
X_AT = [1e-100, 1e-20, 1e-6, 0.01, 0.2, 0.5, 0.8, 0.99]
X_AT_UPPER = [1e-6, 1e-20, 1e-100]
Q = [0.0, 1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1 - 1e-10, 1.0]
Q_DISCRETE = [0.0, 1e-10, 0.0123, 0.05, 0.2468, 0.5, 0.7531, 0.95, 0.9987, 1 - 1e-9, 1.0]


def mpf(v):
    return mp.mpf(float(v))


def bisect(f, lo, hi, steps=2000):
    """Root of an increasing f on [lo, hi]."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
        if hi - lo <= mp.mpf("1e-24") * abs(mid):
            break
    return (lo + hi) / 2


def invert(cdf, support, q, upper=False):
    """x with cdf(x) = q (or sf(x) = q when upper), by bisection on a transformed axis."""
    q = mpf(q)
    lo_end, hi_end = support
    if lo_end == 0 and hi_end == mp.inf:
        to_x, lo, hi = mp.exp, mp.mpf(-745), mp.mpf(710)
    elif lo_end == 0 and hi_end == 1:
        to_x, lo, hi = (lambda s: 1 / (1 + mp.exp(-s))), mp.mpf(-745), mp.mpf(745)
    else:
        to_x, lo, hi = mp.sinh, mp.mpf(-711), mp.mpf(711)
    sign = -1 if upper else 1

    def safe(x):
        try:
            return cdf(x)
        except OverflowError:  # mpmath's erfc at |x| ~ 1e300: the tails there are exactly 0 or 1
            return mp.mpf(0 if (x < 0) != upper else 1)

    if safe(to_x(mp.mpf(0))) == q:  # the root sits exactly where the axis maps to 0 or 1/2
        return to_x(mp.mpf(0))
    f = lambda s: sign * (safe(to_x(s)) - q)  # noqa: E731
    # A root beyond the ends of the axis is beyond double range too: report the support's end.
    if f(lo) >= 0:
        return lo_end
    if f(hi) <= 0:
        return hi_end
    return to_x(bisect(f, lo, hi))


class Spec:
    """One distribution family: SciPy's frozen constructor and mpmath's pdf, cdf and sf."""

    def __init__(self, scipy_of, pdf, cdf, sf, support, discrete=False):
        self.scipy_of = scipy_of
        self.pdf = pdf
        self.cdf = cdf
        self.sf = sf
        self.support = support
        self.discrete = discrete


def t_cdf(df, loc, scale, x):
    t = (x - loc) / scale
    tail = mp.betainc(df / 2, mp.mpf(0.5), 0, df / (df + t * t), regularized=True) / 2
    return tail if t < 0 else 1 - tail


def f_cdf(d1, d2, x):
    if x <= 0:
        return mp.mpf(0)
    return mp.betainc(d1 / 2, d2 / 2, 0, d1 * x / (d1 * x + d2), regularized=True)


def f_sf(d1, d2, x):
    if x <= 0:
        return mp.mpf(1)
    return mp.betainc(d2 / 2, d1 / 2, 0, d2 / (d1 * x + d2), regularized=True)


def beta_sf(a, b, x):
    if x <= 0:
        return mp.mpf(1)
    if x >= 1:
        return mp.mpf(0)
    with mp.workdps(40 + max(0, int(-mp.log10(x)))):
        return +mp.betainc(b, a, 0, 1 - x, regularized=True)


def beta_cdf(a, b, x):
    if x <= 0:
        return mp.mpf(0)
    if x >= 1:
        return mp.mpf(1)
    return mp.betainc(a, b, 0, x, regularized=True)


def gamma_cdf(a, x):
    return mp.gammainc(a, 0, x, regularized=True) if x > 0 else mp.mpf(0)


def gamma_sf(a, x):
    return mp.gammainc(a, x, mp.inf, regularized=True) if x > 0 else mp.mpf(1)


def gamma_pdf(a, x):
    if x <= 0:
        return None
    return mp.exp((a - 1) * mp.log(x) - x - mp.loggamma(a))


def binom_pmf(n, p, k):
    if k < 0 or k > n or k != mp.floor(k):
        return mp.mpf(0)
    with mp.workdps(60):
        return mp.binomial(n, k) * p**k * (1 - p) ** (n - k)


def binom_cdf(n, p, x):
    k = mp.floor(x)
    if k < 0:
        return mp.mpf(0)
    if k >= n:
        return mp.mpf(1)
    return mp.betainc(n - k, k + 1, 0, 1 - p, regularized=True)


def binom_sf(n, p, x):
    k = mp.floor(x)
    if k < 0:
        return mp.mpf(1)
    if k >= n:
        return mp.mpf(0)
    return mp.betainc(k + 1, n - k, 0, p, regularized=True)


def poisson_pmf(mu, k):
    if k < 0 or k != mp.floor(k):
        return mp.mpf(0)
    return mp.exp(k * mp.log(mu) - mu - mp.loggamma(k + 1)) if mu > 0 else mp.mpf(k == 0)


SPECS = {
    "normal": Spec(
        lambda loc, scale: stats.norm(loc=loc, scale=scale),
        lambda loc, scale, x: mp.npdf(x, loc, scale),
        lambda loc, scale, x: mp.ncdf(x, loc, scale),
        lambda loc, scale, x: mp.ncdf(-x, -loc, scale),
        (-mp.inf, mp.inf),
    ),
    "studentT": Spec(
        lambda df, loc, scale: stats.t(df, loc=loc, scale=scale),
        lambda df, loc, scale, x: mp.gamma((df + 1) / 2) / (mp.gamma(df / 2) * mp.sqrt(df * mp.pi) * scale)
        * (1 + ((x - loc) / scale) ** 2 / df) ** (-(df + 1) / 2),
        t_cdf,
        lambda df, loc, scale, x: t_cdf(df, -loc, scale, -x),
        (-mp.inf, mp.inf),
    ),
    "chi2": Spec(
        lambda df: stats.chi2(df),
        lambda df, x: None if x <= 0 else gamma_pdf(df / 2, x / 2) / 2,
        lambda df, x: gamma_cdf(df / 2, x / 2),
        lambda df, x: gamma_sf(df / 2, x / 2),
        (0, mp.inf),
    ),
    "fDist": Spec(
        lambda d1, d2: stats.f(d1, d2),
        lambda d1, d2, x: None if x <= 0 else mp.sqrt((d1 * x) ** d1 * d2**d2 / (d1 * x + d2) ** (d1 + d2))
        / (x * mp.beta(d1 / 2, d2 / 2)),
        f_cdf,
        f_sf,
        (0, mp.inf),
    ),
    "gamma": Spec(
        lambda a, scale: stats.gamma(a, scale=scale),
        lambda a, scale, x: None if x <= 0 else gamma_pdf(a, x / scale) / scale,
        lambda a, scale, x: gamma_cdf(a, x / scale),
        lambda a, scale, x: gamma_sf(a, x / scale),
        (0, mp.inf),
    ),
    "beta": Spec(
        lambda a, b: stats.beta(a, b),
        lambda a, b, x: None if x <= 0 or x >= 1 else x ** (a - 1) * (1 - x) ** (b - 1) / mp.beta(a, b),
        beta_cdf,
        beta_sf,
        (0, 1),
    ),
    "binomial": Spec(
        lambda n, p: stats.binom(int(n), p),
        binom_pmf,
        binom_cdf,
        binom_sf,
        None,
        discrete=True,
    ),
    "poisson": Spec(
        lambda mu: stats.poisson(mu),
        poisson_pmf,
        lambda mu, x: mp.gammainc(mp.floor(x) + 1, mu, mp.inf, regularized=True) if x >= 0 else mp.mpf(0),
        lambda mu, x: mp.gammainc(mp.floor(x) + 1, 0, mu, regularized=True) if x >= 0 else mp.mpf(1),
        None,
        discrete=True,
    ),
    "uniform": Spec(
        lambda low, high: stats.uniform(loc=low, scale=high - low),
        lambda low, high, x: 1 / (high - low) if low <= x <= high else mp.mpf(0),
        lambda low, high, x: min(max((x - low) / (high - low), 0), 1),
        lambda low, high, x: min(max((high - x) / (high - low), 0), 1),
        (-mp.inf, mp.inf),
    ),
    "exponential": Spec(
        lambda scale: stats.expon(scale=scale),
        lambda scale, x: mp.exp(-x / scale) / scale if x >= 0 else mp.mpf(0),
        lambda scale, x: -mp.expm1(-x / scale) if x > 0 else mp.mpf(0),
        lambda scale, x: mp.exp(-x / scale) if x > 0 else mp.mpf(1),
        (0, mp.inf),
    ),
}

PARAMS = {
    "normal": [[0, 1], [3, 2.5], [-1000, 0.01]],
    "studentT": [[1, 0, 1], [2.5, 0, 1], [10, 1, 2], [0.3, 0, 1], [1e6, 0, 1]],
    "chi2": [[1], [2], [5.5], [150], [1e4]],
    "fDist": [[1, 1], [3, 20], [10.5, 2.5], [100, 1000]],
    "gamma": [[0.5, 1], [2, 3], [150, 0.1], [0.01, 1], [5000, 2]],
    "beta": [[0.5, 0.5], [2, 5], [1, 1], [200, 300], [0.05, 3]],
    "binomial": [[10, 0.3], [1, 0.5], [1000, 0.01], [100000, 0.4], [20, 1.0], [30, 0.0]],
    "poisson": [[0.5], [4], [1000], [1e6]],
    "uniform": [[0, 1], [-2, 5]],
    "exponential": [[1], [0.25], [1000]],
}


def x_points(frozen, discrete, support_hint):
    xs = []
    with np.errstate(all="ignore"):
        for q in X_AT:
            xs.append(float(frozen.ppf(q)))
        for q in X_AT_UPPER:
            xs.append(float(frozen.isf(q)))
    if discrete:
        xs = sorted(set(int(v) for v in xs if np.isfinite(v)))
        lo, hi = frozen.support()
        xs += [lo - 1, lo, 2.5 + xs[len(xs) // 2]]
        if np.isfinite(hi):
            xs += [hi, hi + 1]
        return [float(v) for v in xs]
    lo, hi = frozen.support()
    extra = [v for v in (lo - 1, lo, hi, hi + 1) if np.isfinite(v)]
    return [v for v in xs if np.isfinite(v)] + extra + support_hint


def compare(ref, exact):
    """Whether SciPy's value should be replaced by mpmath's."""
    if exact is None:
        return False
    exact = float(exact)
    if np.isnan(exact):
        return False
    if not np.isfinite(exact):
        return ref != exact
    return not np.isfinite(ref) or abs(exact - ref) > OVERRIDE_RTOL * abs(exact)


def with_truth(values, points, truth, params, counter, key):
    out = []
    for ref, x in zip(values, points):
        ref = float(ref)
        exact = None
        if truth is not None and np.isfinite(x):
            try:
                exact = truth(*[mpf(p) for p in params], mpf(x))
            except (ValueError, ZeroDivisionError, OverflowError, mp.libmp.NoConvergence):
                exact = None
        if compare(ref, exact):
            out.append(float(exact))
            counter[key] = counter.get(key, 0) + 1
        else:
            out.append(ref)
    return out


def log_truth(fn):
    def wrapped(*args):
        value = fn(*args)
        if value is None or value <= 0:
            return None
        return mp.log(value)
    return wrapped


def build(name, params):
    spec = SPECS[name]
    frozen = spec.scipy_of(*params)
    hints = {"normal": [-40.0, 40.0], "studentT": [1e10, -1e10], "exponential": [800.0]}.get(name, [])
    xs = x_points(frozen, spec.discrete, [] if spec.discrete else hints)
    qs = Q_DISCRETE if spec.discrete else Q
    counter = {}
    with np.errstate(all="ignore"):
        dens = frozen.pmf(xs) if spec.discrete else frozen.pdf(xs)
        logdens = frozen.logpmf(xs) if spec.discrete else frozen.logpdf(xs)
        cdf = frozen.cdf(xs)
        sf = frozen.sf(xs)
        ppf = frozen.ppf(qs)
        isf = frozen.isf(qs)
    dens_key, log_key = ("pmf", "logpmf") if spec.discrete else ("pdf", "logpdf")
    case = {
        "params": params,
        "x": xs,
        dens_key: with_truth(dens, xs, spec.pdf, params, counter, dens_key),
        log_key: with_truth(logdens, xs, log_truth(spec.pdf) if spec.pdf else None, params, counter, log_key),
        "cdf": with_truth(cdf, xs, spec.cdf, params, counter, "cdf"),
        "sf": with_truth(sf, xs, spec.sf, params, counter, "sf"),
        "q": qs,
    }
    if spec.discrete:
        def least(holds, start):
            """The least whole k ≥ 0 with holds(k), walking from SciPy's answer."""
            k = int(start) if np.isfinite(start) and start >= 0 else 0
            while not holds(k):
                k += 1
            while k > 0 and holds(k - 1):
                k -= 1
            return k

        def quantiles(values, upper):
            out = []
            for q, ref in zip(qs, values):
                ref = float(ref)
                if 0 < q < 1:
                    mq = mpf(q)
                    try:
                        if upper:
                            exact = least(lambda k: spec.sf(*map(mpf, params), mp.mpf(k)) <= mq, ref)
                        else:
                            exact = least(lambda k: spec.cdf(*map(mpf, params), mp.mpf(k)) >= mq, ref)
                    except (ValueError, mp.libmp.NoConvergence):
                        exact = ref  # mpmath's series gives up for huge n: keep SciPy's

                    if exact != ref:
                        counter["isf" if upper else "ppf"] = counter.get("isf" if upper else "ppf", 0) + 1
                        ref = float(exact)
                out.append(ref)
            return out

        case["ppf"] = quantiles(ppf, False)
        case["isf"] = quantiles(isf, True)
    else:
        def ppf_truth(*args):
            *p, q = args
            if q <= 0 or q >= 1:
                return None
            return invert(lambda x: spec.cdf(*p, x), spec.support, q)

        def isf_truth(*args):
            *p, q = args
            if q <= 0 or q >= 1:
                return None
            return invert(lambda x: spec.sf(*p, x), spec.support, q, upper=True)

        case["ppf"] = with_truth(ppf, qs, ppf_truth, params, counter, "ppf")
        case["isf"] = with_truth(isf, qs, isf_truth, params, counter, "isf")
    case["mean"] = float(frozen.mean())
    case["var"] = float(frozen.var())
    case["overrides"] = counter
    return case


cases = {name: [build(name, p) for p in plist] for name, plist in PARAMS.items()}
for name, lst in cases.items():
    print(name, [c["overrides"] for c in lst])
write_fixture("distributions", cases)

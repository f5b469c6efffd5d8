"""Reference values for src/tensor/random: the raw bit generator and the distributions.

Part 1 implements SplitMix64 and xoshiro256** in pure Python, straight from the published
algorithms (Vigna, https://prng.di.unimi.it/), and records their raw 64-bit outputs, the doubles
made from them ((x >> 11) * 2**-53), jumped states, and a few bounded integers drawn with
Lemire's method. The TypeScript generator must reproduce every one of them exactly.

The jump polynomials are checked here independently: xoshiro256's transition is linear over
GF(2), so the state 2**128 (or 2**192) steps ahead is M**(2**k) applied to the state, with M the
256x256 transition matrix, computed by repeated squaring.

Part 2 records exact moments (scipy.stats) and quantiles / probability masses for each
distribution the Generator samples, so the tests can check 20 000 draws against them.
"""
import math

from scipy import stats  # noqa: E402

from common import write_fixture  # noqa: E402

M64 = (1 << 64) - 1


# ---------------------------------------------------------------- bit generators


def splitmix64(state):
    """One SplitMix64 step: returns (new_state, output)."""
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M64


class Xoshiro256ss:
    def __init__(self, s):
        self.s = list(s)

    @classmethod
    def seeded(cls, seed):
        sm = seed & M64
        s = []
        for _ in range(4):
            sm, out = splitmix64(sm)
            s.append(out)
        return cls(s)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M64, 7) * 9) & M64
        t = (s[1] << 17) & M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def _jump_with(self, poly):
        acc = [0, 0, 0, 0]
        for word in poly:
            for b in range(64):
                if (word >> b) & 1:
                    for i in range(4):
                        acc[i] ^= self.s[i]
                self.next()
        self.s = acc

    def jump(self):
        self._jump_with([0x180EC6D33CFD0ABA, 0xD5A61266F0C9392C, 0xA9582618E03FC9AA, 0x39ABDC4529B1661C])

    def long_jump(self):
        self._jump_with([0x76E15D3EFEFDCBBF, 0xC5004E441C522FB3, 0x77710069854EE241, 0x39109BB02ACBE635])


def to_double(x):
    return (x >> 11) * 2.0**-53


def hex64(x):
    return f"{x:016x}"


# ------------------------------------------- independent check of the jump polynomials


def state_to_int(s):
    return s[0] | (s[1] << 64) | (s[2] << 128) | (s[3] << 192)


def int_to_state(v):
    return [(v >> (64 * i)) & M64 for i in range(4)]


def transition_columns():
    """Column j of M is the next state of the unit state e_j (the step is GF(2)-linear)."""
    cols = []
    for j in range(256):
        g = Xoshiro256ss(int_to_state(1 << j))
        g.next()
        cols.append(state_to_int(g.s))
    return cols


def apply(cols, v):
    out = 0
    j = 0
    while v:
        if v & 1:
            out ^= cols[j]
        v >>= 1
        j += 1
    return out


def square(cols):
    return [apply(cols, c) for c in cols]


def power_of_two_steps(k):
    cols = transition_columns()
    for _ in range(k):
        cols = square(cols)
    return cols


def check_jumps():
    cols128 = power_of_two_steps(128)
    cols192 = cols128
    for _ in range(64):
        cols192 = square(cols192)
    for seed in (42, 7):
        g = Xoshiro256ss.seeded(seed)
        expect = int_to_state(apply(cols128, state_to_int(g.s)))
        g.jump()
        assert g.s == expect, "jump polynomial disagrees with M**(2**128)"
        g = Xoshiro256ss.seeded(seed)
        expect = int_to_state(apply(cols192, state_to_int(g.s)))
        g.long_jump()
        assert g.s == expect, "long-jump polynomial disagrees with M**(2**192)"


# --------------------------------------------------------------- Lemire bounded ints


def lemire_bounded(g, s):
    """Uniform integer in [0, s), 1 <= s <= 2**32, from the upper 32 bits of each output."""
    if s == 1 << 32:
        return g.next() >> 32
    x = g.next() >> 32
    m = x * s
    low = m & 0xFFFFFFFF
    if low < s:
        t = ((1 << 32) - s) % s
        while low < t:
            x = g.next() >> 32
            m = x * s
            low = m & 0xFFFFFFFF
    return m >> 32


def bitgen_cases():
    seeds = [0, 1, 42, 12345678901234567, (1 << 64) - 1]
    streams = []
    for seed in seeds:
        g = Xoshiro256ss.seeded(seed)
        state = [hex64(v) for v in g.s]
        raw = [g.next() for _ in range(20)]
        streams.append({
            "seed": str(seed),
            "state": state,
            "raw": [hex64(v) for v in raw],
            "doubles": [to_double(v) for v in raw],
        })

    # Published SplitMix64 vector: seed 1234567 starts 6457827717110365317, 3203168211198807973, ...
    sm = 1234567
    split = []
    for _ in range(6):
        sm, out = splitmix64(sm)
        split.append(hex64(out))
    assert int(split[0], 16) == 6457827717110365317
    assert int(split[1], 16) == 3203168211198807973

    # State set directly to (1, 2, 3, 4): the xoshiro256** test vector used by several ports.
    g = Xoshiro256ss([1, 2, 3, 4])
    direct = [hex64(g.next()) for _ in range(10)]
    assert int(direct[0], 16) == 11520 and int(direct[1], 16) == 0 and int(direct[2], 16) == 1509978240

    check_jumps()
    jumps = []
    for seed in (42, 7):
        g = Xoshiro256ss.seeded(seed)
        for _ in range(5):
            g.next()
        g.jump()
        after_jump = [hex64(v) for v in g.s]
        out_jump = [hex64(g.next()) for _ in range(5)]
        g = Xoshiro256ss.seeded(seed)
        g.long_jump()
        after_long = [hex64(v) for v in g.s]
        g2 = Xoshiro256ss.seeded(seed)
        g2.jump()
        g2.jump()
        jumps.append({
            "seed": seed,
            "jump_after_5_state": after_jump,
            "jump_after_5_next": out_jump,
            "long_jump_state": after_long,
            "two_jumps_state": [hex64(v) for v in g2.s],
        })

    # PHP's Random\Engine\Xoshiro256StarStar(1234) also seeds through SplitMix64; its test
    # draws 10000 values, jumps, long-jumps and prints the next value as little-endian hex.
    g = Xoshiro256ss.seeded(1234)
    for _ in range(10000):
        g.next()
    g.jump()
    g.long_jump()
    php_value = g.next()
    assert php_value.to_bytes(8, "little").hex() == "1f197e9ca7969123", "PHP anchor mismatch"

    bounded = []
    for seed, s in ((7, 10), (7, 1), (11, 3_000_000_000), (11, 1 << 32), (5, 6)):
        g = Xoshiro256ss.seeded(seed)
        bounded.append({"seed": seed, "range": s, "values": [lemire_bounded(g, s) for _ in range(30)]})

    return {
        "streams": streams,
        "splitmix_1234567": split,
        "state_1234_raw": direct,
        "jumps": jumps,
        "php_1234_after_jumps": hex64(php_value),
        "bounded": bounded,
    }


# ----------------------------------------------------------------- distributions

N = 20000
PROBS = [0.001, 0.005] + [j / 100 for j in range(1, 100)] + [0.995, 0.999]


def moments(dist):
    mean, var, kurt = (float(v) for v in dist.stats(moments="mvk"))
    mu4 = (kurt + 3.0) * var * var
    return {"mean": mean, "var": var, "mean_se": math.sqrt(var / N), "var_se": math.sqrt((mu4 - var * var) / N)}


def continuous(name, args, dist):
    case = {"name": name, "args": args, "kind": "continuous", "n": N}
    case.update(moments(dist))
    case["probs"] = PROBS
    case["quantiles"] = [float(v) for v in dist.ppf(PROBS)]
    case["ks_crit"] = float(stats.kstwo.ppf(0.999, N))
    return case


def discrete(name, args, dist):
    """Bins of consecutive integers, each with expected count >= 20, tails merged into the ends."""
    case = {"name": name, "args": args, "kind": "discrete", "n": N}
    case.update(moments(dist))
    lo = int(dist.ppf(1e-9))
    hi = int(dist.ppf(1 - 1e-9))
    bins = []  # [first, last] inclusive; first bin is open below, last open above
    probs = []
    start = lo
    acc = float(dist.cdf(lo - 1))
    for k in range(lo, hi + 1):
        acc += float(dist.pmf(k))
        if acc * N >= 20 and float(dist.sf(k)) * N >= 20:
            bins.append([start, k])
            probs.append(acc)
            start = k + 1
            acc = 0.0
    # whatever is left (and the upper tail) joins the last bin
    rest = float(dist.sf(start - 1))
    if bins and rest * N < 20:
        bins[-1][1] = hi
        probs[-1] += rest
    else:
        bins.append([start, hi])
        probs.append(rest)
    bins[0][0] = -(2**31)
    bins[-1][1] = 2**31 - 1
    case["bins"] = bins
    case["bin_probs"] = probs
    case["chi2_crit"] = float(stats.chi2.ppf(0.999, len(bins) - 1))
    return case


def distribution_cases():
    c = []
    c.append(continuous("random", [], stats.uniform(0, 1)))
    c.append(continuous("uniform", [-1.0, 3.0], stats.uniform(-1.0, 4.0)))
    c.append(continuous("standardNormal", [], stats.norm()))
    c.append(continuous("normal", [2.0, 3.0], stats.norm(2.0, 3.0)))
    c.append(continuous("exponential", [2.0], stats.expon(scale=2.0)))
    c.append(continuous("gamma", [0.5, 2.0], stats.gamma(0.5, scale=2.0)))
    c.append(continuous("gamma", [3.5, 1.0], stats.gamma(3.5, scale=1.0)))
    c.append(continuous("gamma", [0.05, 1.0], stats.gamma(0.05, scale=1.0)))
    c.append(continuous("beta", [0.5, 0.7], stats.beta(0.5, 0.7)))
    c.append(continuous("beta", [2.0, 5.0], stats.beta(2.0, 5.0)))
    c.append(continuous("beta", [0.3, 4.0], stats.beta(0.3, 4.0)))
    c.append(continuous("chisquare", [3.0], stats.chi2(3.0)))
    c.append(continuous("studentT", [10.0], stats.t(10.0)))
    c.append(continuous("lognormal", [0.5, 0.4], stats.lognorm(0.4, scale=math.exp(0.5))))
    c.append(continuous("laplace", [1.0, 2.0], stats.laplace(1.0, 2.0)))
    c.append(continuous("logistic", [0.0, 1.5], stats.logistic(0.0, 1.5)))
    c.append(discrete("binomial", [20, 0.3], stats.binom(20, 0.3)))
    c.append(discrete("binomial", [1000, 0.4], stats.binom(1000, 0.4)))
    c.append(discrete("binomial", [100, 0.8], stats.binom(100, 0.8)))
    c.append(discrete("binomial", [5000, 0.995], stats.binom(5000, 0.995)))
    c.append(discrete("poisson", [3.0], stats.poisson(3.0)))
    c.append(discrete("poisson", [50.0], stats.poisson(50.0)))
    c.append(discrete("poisson", [1234.5], stats.poisson(1234.5)))
    c.append(discrete("geometric", [0.2], stats.geom(0.2)))
    c.append(discrete("geometric", [0.6], stats.geom(0.6)))
    c.append(discrete("integers", [0, 7], stats.randint(0, 7)))
    return c


def normal_tail():
    """Tail of the standard normal beyond the ziggurat's base-layer edge r, where the sampler
    switches to its exact tail algorithm: P(|Z| > r), P(|Z| > 4), the mean and standard
    deviation of the excess |Z| - r given |Z| > r, and quantiles of Z given Z > r."""
    r = 3.6541528853610088
    excess = stats.truncnorm(r, math.inf)
    return {
        "r": r,
        "p_beyond_r": float(2 * stats.norm.sf(r)),
        "p_beyond_4": float(2 * stats.norm.sf(4.0)),
        "excess_mean": float(excess.mean() - r),
        "excess_std": float(excess.std()),
        "probs": PROBS,
        "quantiles": [float(v) for v in excess.ppf(PROBS)],
        "ks_crit": float(stats.kstwo.ppf(0.999, N)),
        # For the 2 000 000 standard normals of the tail test, KS against the normal quantiles.
        "big_n": 2_000_000,
        "big_probs": PROBS,
        "big_quantiles": [float(v) for v in stats.norm.ppf(PROBS)],
        "big_ks_crit": float(stats.kstwobign.ppf(0.999) / math.sqrt(2_000_000)),
    }


def chi2_critical():
    """chi2.ppf(0.999, df) for small df, for the tests' goodness-of-fit checks."""
    return {str(df): float(stats.chi2.ppf(0.999, df)) for df in range(1, 21)}


def main():
    write_fixture("rng", {
        "bitgen": bitgen_cases(),
        "distributions": distribution_cases(),
        "normal_tail": normal_tail(),
        "chi2_999": chi2_critical(),
    })


if __name__ == "__main__":
    main()

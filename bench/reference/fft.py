"""Reference values for src/tensor/fft (numpy.fft). Run: /usr/bin/python3 bench/reference/fft.py"""
import numpy as np

from common import write_fixture

rng = np.random.default_rng(20240611)


def rnd(*shape):
    # Six decimals keep the fixture small; the inputs are saved, so they are exact either way.
    return np.round(rng.standard_normal(shape), 6)


def cplx(z):
    z = np.asarray(z)
    return {"re": z.real, "im": z.imag, "shape": list(z.shape)}


lengths = [1, 2, 3, 5, 7, 8, 12, 13, 64, 97, 100, 1000, 1024]
one_d = []
for n in lengths:
    re, im = rnd(n), rnd(n)
    x = re + 1j * im
    case = {"n": n, "re": re, "im": im, "fft": cplx(np.fft.fft(x)), "rfft": cplx(np.fft.rfft(re))}
    if n <= 100:
        case["ifft"] = cplx(np.fft.ifft(x))
        # irfft of arbitrary (non-Hermitian) data: imaginary parts of c[0] and c[n/2] are ignored.
        case["irfft_odd"] = np.fft.irfft(x[: n // 2 + 1], n=2 * (n // 2) + 1)
        case["irfft_default"] = np.fft.irfft(x) if n > 1 else None
    one_d.append(case)

norms = []
for n in [12, 97]:
    re, im = rnd(n), rnd(n)
    x = re + 1j * im
    for norm in ["backward", "ortho", "forward"]:
        norms.append({
            "n": n, "norm": norm, "re": re, "im": im,
            "fft": cplx(np.fft.fft(x, norm=norm)),
            "ifft": cplx(np.fft.ifft(x, norm=norm)),
            "rfft": cplx(np.fft.rfft(re, norm=norm)),
            "irfft": np.fft.irfft(x[: n // 2 + 1], n=n, norm=norm),
        })

pad = rnd(10)
padding = {
    "x": pad,
    "fft_n16": cplx(np.fft.fft(pad, n=16)),
    "fft_n5": cplx(np.fft.fft(pad, n=5)),
    "rfft_n7": cplx(np.fft.rfft(pad, n=7)),
    "irfft_n12": np.fft.irfft(pad[:4] + 0.5j * pad[4:8], n=12),
    "c_re": pad[:4], "c_im": 0.5 * pad[4:8],
}

a35 = rnd(3, 5)
axis = {"x": a35, "fft_axis0": cplx(np.fft.fft(a35, axis=0)), "fft_axis1": cplx(np.fft.fft(a35)),
        "rfft_axis0": cplx(np.fft.rfft(a35, axis=0)),
        "irfft_axis0_n4": np.fft.irfft(np.fft.rfft(a35, axis=0), n=4, axis=0)}

re2, im2 = rnd(6, 10), rnd(6, 10)
z2 = re2 + 1j * im2
b234 = rnd(2, 3, 4)
two_d = {
    "re": re2, "im": im2,
    "fft2_real": cplx(np.fft.fft2(re2)),
    "fft2": cplx(np.fft.fft2(z2)),
    "ifft2": cplx(np.fft.ifft2(z2)),
    "fft2_ortho": cplx(np.fft.fft2(z2, norm="ortho")),
    "fft2_s": cplx(np.fft.fft2(re2, s=(4, 12))),
    "b": b234,
    "fftn_all": cplx(np.fft.fftn(b234)),
    "fftn_axes02": cplx(np.fft.fftn(b234, axes=(0, 2))),
    "ifftn_all": cplx(np.fft.ifftn(b234)),
}

freq = {
    "fftfreq": [{"n": n, "d": d, "out": np.fft.fftfreq(n, d)} for n in [1, 2, 4, 5, 8, 9] for d in [1.0, 0.1]],
    "rfftfreq": [{"n": n, "d": d, "out": np.fft.rfftfreq(n, d)} for n in [1, 2, 4, 5, 8, 9] for d in [1.0, 0.1]],
}

s34 = np.arange(12.0).reshape(3, 4)
s5 = np.arange(5.0)
shift = {
    "x34": s34,
    "fftshift": np.fft.fftshift(s34),
    "ifftshift": np.fft.ifftshift(s34),
    "fftshift_axis1": np.fft.fftshift(s34, axes=1),
    "x5": s5,
    "fftshift5": np.fft.fftshift(s5),
    "ifftshift5": np.fft.ifftshift(s5),
}

write_fixture("fft", {"one_d": one_d, "norms": norms, "padding": padding, "axis": axis,
                      "two_d": two_d, "freq": freq, "shift": shift})

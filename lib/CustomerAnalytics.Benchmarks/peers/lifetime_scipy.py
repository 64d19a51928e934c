"""Peer of the lifetime-100k benchmark: the same BG/NBD and Gamma-Gamma likelihoods fitted with SciPy to the same
100,000 simulated customers, then P(alive) and 39-week conditional expected purchases for each, timed apart.

Usage: /usr/bin/python3 lifetime_scipy.py CSV [repeats]
CSV is lifetime-100k.csv, written by `dotnet run -c Release --project lib/CustomerAnalytics.Benchmarks -- lifetime-100k`
into the benchmarks' work folder (the temporary folder's ca-benchmarks/). Needs Debian's python3-scipy.
The optimiser is Nelder-Mead on log parameters, as in the library, with SciPy's default tolerances.
"""
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1


def bgnbd_negll(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return -np.sum(a1 + a2 + np.logaddexp(a3, a4))


def gammagamma_negll(log_params, x, m):
    p, q, v = np.exp(log_params)
    return -np.sum(gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
                   + p * x * np.log(x) - (p * x + q) * np.log(v + m * x))


def main(path, repeats):
    data = np.genfromtxt(path, delimiter=",", skip_header=1, usecols=(1, 2, 3, 4))
    x, tx, T, m = data[:, 0], data[:, 1], data[:, 2], data[:, 3]
    for run in range(repeats):
        start = time.perf_counter()
        fit = minimize(bgnbd_negll, np.array([0.0, np.log(T.mean()), 0.0, 0.0]), args=(x, tx, T), method="Nelder-Mead",
                       options={"maxiter": 10000, "maxfev": 20000, "xatol": 1e-8, "fatol": 1e-8})
        bgnbd = time.perf_counter() - start
        repeat = x > 0
        fit_gg = minimize(gammagamma_negll, np.array([0.0, 0.0, np.log(m[repeat].mean())]), args=(x[repeat], m[repeat]),
                          method="Nelder-Mead", options={"maxiter": 10000, "maxfev": 20000, "xatol": 1e-8, "fatol": 1e-8})
        gg = time.perf_counter() - start - bgnbd
        r, alpha, a, b = np.exp(fit.x)
        t = 39.0
        with np.errstate(divide="ignore", invalid="ignore"):
            dropped = np.where(x > 0, a / np.maximum(b + x - 1, 1e-300) * ((alpha + T) / (alpha + tx)) ** (r + x), 0.0)
        alive = 1.0 / (1.0 + dropped)
        hyper = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
        expected = (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyper) / (1 + dropped)
        scoring = time.perf_counter() - start - bgnbd - gg
        p, q, v = np.exp(fit_gg.x)
        print(f"run {run + 1}: {bgnbd + gg + scoring:.2f} s (BG/NBD fit {bgnbd:.2f} s, {fit.nfev} evaluations; Gamma-Gamma fit {gg:.2f} s, "
              f"{fit_gg.nfev} evaluations; scoring {scoring:.2f} s); r = {r:.3f}, alpha = {alpha:.3f}, a = {a:.3f}, b = {b:.3f}, "
              f"log-likelihood {-fit.fun:.1f}; p = {p:.3f}, q = {q:.3f}, gamma = {v:.3f}; mean P(alive) {alive.mean():.3f}; "
              f"expected 39-week purchases {expected.sum():,.0f}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)

#!/usr/bin/env python3
"""Peer for workshop 04, step 7 ("does a visit follow?"): scikit-learn's logistic regression on the count of every input
touchpoint and the last touchpoint (one-hot), judged as the notebook judges its models, on exactly the notebook's split.
usage: journey_logreg_sklearn.py JOURNEYS.tsv [conversion_token=visit] [seed=42]
Run it on the host (Debian 12's python3-sklearn), for example on data/journeys/touchpoint_journeys.tsv or on the
original workshop's small_train_data.csv (see data/README.md).
Data as the notebook: JourneyLoader's rules (TAB-separated customer id, input, target; tokens split on spaces; lines
with another number of fields or an empty field are skipped and counted); journeys sorted by input, target, customer id
(JourneySelection.Canonical); then DataSplit.Create: the list shuffled with .NET's seeded System.Random (reproduced
below, so the split is the notebook's, journey for journey) and cut into 20% test, 10% validation, 70% training.
Vocabulary: the training journeys' inputs and targets; other touchpoints count as <unk>. Label: the target contains the
conversion token. Model: LogisticRegression (L2, C=1, lbfgs) on raw counts + last-touchpoint one-hot, fitted on the
training journeys; threshold maximising F1 on the validation journeys (ThresholdChoice.MaximiseF1: every cut between
two distinct probabilities, the highest threshold among equal F1); F1 and accuracy on the test journeys with 95%
percentile-bootstrap intervals over test journeys (1000 resamples, seeded). Also prints the visit-last rule: the share
of journeys whose last input touchpoint is the conversion token that are followed by it, and that rule's test scores."""
import sys
import numpy as np
from sklearn.linear_model import LogisticRegression


class DotNetRandom:
    """System.Random(seed) of .NET (the seeded, Knuth subtractive generator), enough for Random.Shuffle."""
    MBIG, MSEED = 2147483647, 161803398

    def __init__(self, seed):
        a = [0] * 56
        mj = self.MSEED - (self.MBIG if seed == -2**31 else abs(seed))
        a[55], mk, ii = mj, 1, 0
        for _ in range(1, 55):
            ii = (ii + 21) % 55
            a[ii], mk = mk, mj - mk
            if mk < 0: mk += self.MBIG
            mj = a[ii]
        for _ in range(4):
            for i in range(1, 56):
                a[i] -= a[1 + (i + 30) % 55]
                if a[i] < 0: a[i] += self.MBIG
        self.a, self.inext, self.inextp = a, 0, 21

    def _sample(self):
        self.inext = 1 if self.inext + 1 >= 56 else self.inext + 1
        self.inextp = 1 if self.inextp + 1 >= 56 else self.inextp + 1
        r = self.a[self.inext] - self.a[self.inextp]
        if r == self.MBIG: r -= 1
        if r < 0: r += self.MBIG
        self.a[self.inext] = r
        return r * (1.0 / self.MBIG)

    def shuffle(self, items):
        for i in range(len(items) - 1):
            j = int(self._sample() * (len(items) - i)) + i
            items[i], items[j] = items[j], items[i]


def load(path):
    journeys, rejected = [], 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        for line in f.read().split("\n"):
            line = line[:-1] if line.endswith("\r") else line
            if line == "": continue
            fields = line.split("\t")
            ids = fields[0].strip() if len(fields) == 3 else ""
            inp = [t for t in fields[1].split(" ") if t] if len(fields) == 3 else []
            tgt = [t for t in fields[2].split(" ") if t] if len(fields) == 3 else []
            if ids and inp and tgt: journeys.append((ids, inp, tgt))
            else: rejected += 1
    journeys.sort(key=lambda j: (" ".join(j[1]), " ".join(j[2]), j[0]))
    return journeys, rejected


def split(journeys, seed):
    shuffled = list(journeys)
    DotNetRandom(seed).shuffle(shuffled)
    test, validation = round(len(shuffled) * 0.2), round(len(shuffled) * 0.1)
    return shuffled[test + validation:], shuffled[test:test + validation], shuffled[:test]


def features(journeys, slots, lasts):
    x = np.zeros((len(journeys), 1 + len(slots) + 1 + len(lasts)))  # <unk> slot in each block
    for r, (_, inp, _) in enumerate(journeys):
        for t in inp: x[r, slots.get(t, 0)] += 1
        x[r, 1 + len(slots) + lasts.get(inp[-1], 0)] = 1
    return x


def max_f1_threshold(p, y):
    order = np.unique(p)[::-1]
    positives, best = y.sum(), (float("nan"), -1.0)
    for i, v in enumerate(order):
        called = p >= v
        f1 = 2.0 * (called & y).sum() / (called.sum() + positives)
        cut = (v + order[i + 1]) / 2 if i + 1 < len(order) else v / 2
        if i + 1 == len(order) and v <= 0: break
        if f1 > best[1]: best = (cut, f1)
    return best


def f1_accuracy(called, y):
    tp = (called & y).sum()
    denominator = called.sum() + y.sum()
    return (2.0 * tp / denominator if denominator else 0.0), float((called == y).mean())


def with_interval(called, y, seed, resamples=1000):
    rng = np.random.default_rng(seed)
    draws = np.array([f1_accuracy(called[i], y[i]) for i in (rng.integers(0, len(y), len(y)) for _ in range(resamples))])
    point = f1_accuracy(called, y)
    return [(point[k], *np.percentile(draws[:, k], [2.5, 97.5])) for k in range(2)]


def report(name, called, y, seed):
    (f1, fl, fu), (acc, al, au) = with_interval(called, y, seed)
    print(f"{name}: F1 {f1:.3f} [{fl:.3f}, {fu:.3f}], accuracy {acc:.3f} [{al:.3f}, {au:.3f}]")


path = sys.argv[1]
token = sys.argv[2] if len(sys.argv) > 2 else "visit"
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
journeys, rejected = load(path)
train, validation, test = split(journeys, seed)
tokens = sorted({t for _, i, o in train for t in i + o})
slots = {t: k + 1 for k, t in enumerate(tokens)}  # slot 0: <unk>
lasts = {t: k + 1 for k, t in enumerate(sorted({i[-1] for _, i, _ in train}))}
label = lambda part: np.array([token in o for _, _, o in part])
x_train, x_validation, x_test = (features(p, slots, lasts) for p in (train, validation, test))
y_train, y_validation, y_test = (label(p) for p in (train, validation, test))
print(f"{path}: {len(journeys)} journeys ({rejected} lines skipped); train {len(train)}, validation {len(validation)}, test {len(test)}; "
      f"'{token}' follows {y_test.mean():.3f} of test journeys")

model = LogisticRegression(C=1.0, max_iter=5000).fit(x_train, y_train)
threshold, validation_f1 = max_f1_threshold(model.predict_proba(x_validation)[:, 1], y_validation)
print(f"threshold {threshold:.4f} (validation F1 {validation_f1:.3f})")
report("scikit-learn logistic regression, counts + last touchpoint", model.predict_proba(x_test)[:, 1] > threshold, y_test, seed)

last_is = lambda part: np.array([i[-1] == token for _, i, _ in part])
every = last_is(journeys)
followed = label(journeys)[every]
print(f"last touchpoint '{token}': {every.sum()} journeys, followed by '{token}' in {followed.mean():.4f} of them")
report(f"rule: last touchpoint is '{token}'", last_is(test), y_test, seed)

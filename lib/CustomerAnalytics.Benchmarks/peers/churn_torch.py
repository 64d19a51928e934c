#!/usr/bin/env python3
"""Peer for workshop 05 (`churn-throughput`): the same GRU with global attention and Transformer encoder in PyTorch,
for training throughput side by side. Run it on the host (Debian 12's python3-torch), never in the Debian 13 root.
usage: churn_torch.py GA4_EVENTS.csv [epochs=1] [threads=1]
(threads 1 as the notebook and the C# benchmark set; pass 2 to see what two threads do)
Data as lib/CustomerAnalytics.Deep/Churn/SequenceBuilder.cs: events sorted by time per user; next event = every
session prefix (last 24 events) -> the next event; churn = each non-bounced user's events before first engagement
+ 24 h (last 48), churned = last engagement < first + 24 h, bounced = last <= first + 10 min. Vocabulary: <pad>, <unk>,
then events by count. 70% of the users train (the split differs from the C# one, the counts and shapes are the same).
Models as ModelSettings defaults: RNN = embedding 16, GRU 32 (1 layer), additive attention, dense 32; Transformer =
width 32, 2 post-norm layers, 2 heads of 16, feed-forward 64, sinusoidal positions; dropout 0.1, ReLU. Training as
ChurnBenchmark: Adam 3e-3, cross-entropy + 1e-5 x squared weight matrices, clip 1.0, batch 64 (next event) and 32
(churn), batches as TrainingBatches.Shuffled (shuffled, sorted by length within runs of 20 batches). Prints training
sequences/s (training passes only, as the C# benchmark's figure)."""
import csv, math, random, sys, time
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F

path = sys.argv[1]; epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1); torch.manual_seed(42)

users = {}
with open(path, encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        s = r["ga_session_id"]
        users.setdefault(r["user_pseudo_id"], []).append((int(r["event_timestamp"]), r["event_name"], int(s) if s else -1))
for events in users.values(): events.sort()
counts = {}
for events in users.values():
    for _, n, _ in events: counts[n] = counts.get(n, 0) + 1
tokens = ["<pad>", "<unk>"] + sorted(counts, key=lambda n: (-counts[n], n))
vocab = {t: i for i, t in enumerate(tokens)}; V = len(tokens)

next_event, churn = {}, {}  # user -> examples (sequence, label)
DAY, BOUNCE = 24 * 3600 * 10**6, 10 * 60 * 10**6
for u, events in users.items():
    sessions = {}
    for _, n, s in events: sessions.setdefault(s, []).append(vocab[n])
    next_event[u] = [(ids[max(0, t - 24):t], ids[t]) for ids in sessions.values() for t in range(1, len(ids))]
    engaged = [ts for ts, n, _ in events if n == "user_engagement"]
    if engaged and max(engaged) > min(engaged) + BOUNCE:
        ids = [vocab[n] for ts, n, _ in events if ts < min(engaged) + DAY]
        churn[u] = [(ids[-48:], 1 if max(engaged) < min(engaged) + DAY else 0)]

def train_part(by_user):
    ids = sorted(by_user); random.Random(42).shuffle(ids)
    return [x for u in ids[: int(len(ids) * 0.7)] for x in by_user[u]]

def sinusoids(count, size):
    pe = torch.zeros(count, size)
    for pos in range(count):
        for i in range(size):
            a = pos / 10000 ** (2 * (i // 2) / size); pe[pos, i] = math.sin(a) if i % 2 == 0 else math.cos(a)
    return pe

def masked_softmax(scores, key_mask, query_mask=None):  # scores [B, H, Q, L], masks [B, L]
    w = scores.masked_fill(~key_mask[:, None, None, :], float("-inf")).softmax(-1).nan_to_num(0.0)
    return w if query_mask is None else w * query_mask[:, None, :, None].to(w.dtype)

def last_valid(x, lengths): return x.gather(1, (lengths - 1).clamp_min(0).view(-1, 1, 1).expand(-1, 1, x.shape[2])).squeeze(1)

class Additive(nn.Module):
    def __init__(s, d): super().__init__(); s.project = nn.Linear(d, d); s.score = nn.Linear(d, 1, bias=False)
    def forward(s, h, mask):
        w = masked_softmax(s.score(s.project(h).tanh()).squeeze(-1)[:, None, None, :], mask)
        return w.squeeze(1).bmm(h).squeeze(1)

class SelfAttention(nn.Module):
    def __init__(s, d, heads):
        super().__init__(); s.h = heads; s.k = (d + heads - 1) // heads
        s.query, s.key, s.value = (nn.Linear(d, heads * s.k) for _ in range(3)); s.output = nn.Linear(heads * s.k, d)
    def forward(s, x, mask):
        b, l = x.shape[:2]; split = lambda t: t.view(b, l, s.h, s.k).transpose(1, 2)
        q, k, v = split(s.query(x)), split(s.key(x)), split(s.value(x))
        w = masked_softmax(q.matmul(k.transpose(-2, -1)) / math.sqrt(s.k), mask, mask)
        return s.output(w.matmul(v).transpose(1, 2).contiguous().view(b, l, s.h * s.k))

class Rnn(nn.Module):
    def __init__(s, v, c, e=16, d=32):
        super().__init__(); s.embedding = nn.Embedding(v, e, padding_idx=0); s.gru = nn.GRU(e, d, 1, batch_first=True)
        s.attention = Additive(d); s.dense = nn.Linear(2 * d, d); s.classifier = nn.Linear(d, c); s.dropout = nn.Dropout(0.1)
    def forward(s, x, lengths):
        mask = torch.arange(x.shape[1])[None, :] < lengths[:, None]
        h, _ = s.gru(s.dropout(s.embedding(x)))
        return s.classifier(s.dropout(F.relu(s.dense(torch.cat([last_valid(h, lengths), s.attention(h, mask)], 1)))))

class Encoder(nn.Module):
    def __init__(s, d, heads, ff):
        super().__init__(); s.attention = SelfAttention(d, heads); s.up = nn.Linear(d, ff); s.down = nn.Linear(ff, d)
        s.norm1 = nn.LayerNorm(d); s.norm2 = nn.LayerNorm(d); s.dropout = nn.Dropout(0.1)
    def forward(s, x, mask):
        x = s.norm1(x + s.dropout(s.attention(x, mask)))
        return s.norm2(x + s.dropout(s.down(s.dropout(F.relu(s.up(x))))))

class Transformer(nn.Module):
    def __init__(s, v, c, d=32, heads=2, layers=2, ff=64):
        super().__init__(); s.embedding = nn.Embedding(v, d, padding_idx=0); s.scale = math.sqrt(d)
        s.layers = nn.ModuleList(Encoder(d, heads, ff) for _ in range(layers)); s.register_buffer("positions", sinusoids(256, d))
        s.dense = nn.Linear(2 * d, d); s.classifier = nn.Linear(d, c); s.dropout = nn.Dropout(0.1)
    def forward(s, x, lengths):
        l = x.shape[1]; mask = torch.arange(l)[None, :] < lengths[:, None]
        x = s.dropout(s.embedding(x) * s.scale + s.positions[:l][None])
        for layer in s.layers: x = layer(x, mask)
        m = mask[..., None].to(x.dtype); mean = (x * m).sum(1) / m.sum(1).clamp_min(1)
        return s.classifier(s.dropout(F.relu(s.dense(torch.cat([last_valid(x, lengths), mean], 1)))))

def batches(data, size, rnd):  # as TrainingBatches.Shuffled
    order = list(range(len(data))); rnd.shuffle(order); out = []
    for start in range(0, len(order), size * 20):
        run = sorted(order[start : start + size * 20], key=lambda i: len(data[i][0]))
        out += [run[b : b + size] for b in range(0, len(run), size)]
    rnd.shuffle(out); return out

def padded(data):  # every example padded once; a batch is a slice to its longest sequence, as SequenceDataset.Batch
    x = np.zeros((len(data), max(len(s) for s, _ in data)), np.int64)
    for r, (s, _) in enumerate(data): x[r, : len(s)] = s
    return x, np.array([len(s) for s, _ in data]), np.array([y for _, y in data])

print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, vocabulary {V}")
for arch, make in (("rnn", Rnn), ("transformer", Transformer)):
    for task, data, classes, size in (("next-event", train_part(next_event), V, 64), ("churn", train_part(churn), 2, 32)):
        X, LEN, Y = padded(data); m = make(V, classes); opt = torch.optim.Adam(m.parameters(), 3e-3); rnd = random.Random(42)
        penalised = [p for n, p in m.named_parameters() if n.split(".")[-1].startswith("weight") and p.dim() > 1 and not n.startswith("embedding")]
        seconds = 0.0
        for ep in range(epochs):
            m.train(); plan = batches(data, size, rnd); t0 = time.perf_counter()
            for b in plan:
                b = np.array(b); l = torch.from_numpy(LEN[b]); x = torch.from_numpy(X[b, : max(1, LEN[b].max())]); y = torch.from_numpy(Y[b])
                opt.zero_grad(); loss = F.cross_entropy(m(x, l), y) + 1e-5 * torch.stack([w.pow(2).sum() for w in penalised]).sum()
                loss.backward(); nn.utils.clip_grad_norm_(m.parameters(), 1.0); opt.step()
            seconds += time.perf_counter() - t0
        longest = max(len(s) for s, _ in data)
        print(f"{arch}-{task}: {len(data)} sequences (longest {longest}), batch {size}, {epochs} epoch(s): loss {loss.item():.3f}, {len(data) * epochs / seconds:.0f} sequences/s")

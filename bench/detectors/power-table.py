#!/usr/bin/env python3
"""Summarises classifier-power.sh output: per set and n, signals / runs, mean AUC, bag AUCs, minimum
detectable AUC; for null halves the false-positive rate of the classifier and the verdict with a 95%
Clopper-Pearson interval. Usage: bench/detectors/power-table.py < out.txt"""
import re, sys
from collections import defaultdict
from math import comb

def clopper_pearson(k, n, level=0.95):
    a = (1 - level) / 2
    def cdf(p, k):  # P(X <= k)
        return sum(comb(n, i) * p**i * (1 - p)**(n - i) for i in range(k + 1))
    def solve(f):
        lo, hi = 0.0, 1.0
        for _ in range(60):
            mid = (lo + hi) / 2
            if f(mid): lo = mid
            else: hi = mid
        return lo
    low = 0.0 if k == 0 else solve(lambda p: 1 - cdf(p, k - 1) < a)
    high = 1.0 if k == n else solve(lambda p: cdf(p, k) > a)
    return low, high

rows = defaultdict(list)
for line in sys.stdin:
    m = re.match(r'(\S+) (vs (\S+)|halves) n=(\d+) rep=(\d+) (.*)', line.strip())
    if not m:
        continue
    name = m.group(1).replace('_unique.jsonl', '').replace('.jsonl', '') + (' halves' if m.group(2) == 'halves' else '')
    values = dict(kv.split('=') for kv in m.group(6).split() if '=' in kv)
    values['rep'] = int(m.group(5))
    rows[(name, int(m.group(4)))].append(values)

print('| set | n per side | runs | signal | inconclusive | mean AUC | bag-8 | bag-16 | min. detectable AUC | classifier p < 0.005 |')
print('|---|---|---|---|---|---|---|---|---|---|')
for (name, n), runs in sorted(rows.items()):
    runs.sort(key=lambda r: r['rep'])
    k = len(runs)
    sig = sum(r['verdict'] == 'signal' for r in runs)
    inc = sum(r['verdict'] == 'inconclusive' for r in runs)
    cls = sum(float(r['classifierP']) < 0.005 for r in runs)
    mean = lambda key: sum(float(r[key]) for r in runs) / k
    extra = ''
    if k > 10 and 'halves' not in name:
        extra = f' (first 10: {sum(r["verdict"] == "signal" for r in runs[:10])}/10)'
    if 'halves' in name:
        lo, hi = clopper_pearson(sig, k)
        clo, chi = clopper_pearson(cls, k)
        extra = f' (FPR {sig/k:.3f}, 95% CI {lo:.3f}-{hi:.3f}; classifier {cls/k:.3f}, CI {clo:.3f}-{chi:.3f})'
    print(f'| {name} | {n} | {k} | {sig}/{k}{extra} | {inc}/{k} | {mean("auc"):.3f} | {mean("bag8"):.3f} | {mean("bag16"):.3f} | {mean("mde"):.3f} | {cls}/{k} |')

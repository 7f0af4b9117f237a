#!/usr/bin/env python3
"""Adds up PIT runs of the same main code made with different sets of tests.

A mutant killed by some tests is killed by the whole suite, so the kills of several runs add up.
PIT's CSV names a mutant by class, method, line and mutator only, so mutants are grouped by that
key and each group counts the most kills any one run had in it (a lower bound of the union).

Usage: tools/pit-union.py RUN/mutations.csv ...   -> one line per class, then the total
"""
import collections
import csv
import sys

KILLED = {'KILLED', 'TIMED_OUT', 'MEMORY_ERROR', 'RUN_ERROR'}


def main(files):
    best = {}  # (class, method, line, mutator) -> [mutants, killed, no coverage, timed out]
    for f in files:
        groups = collections.defaultdict(lambda: [0, 0, 0, 0])
        with open(f) as rows:
            for r in csv.reader(rows):
                g = groups[(r[1], r[3], int(r[4]), r[2])]
                g[0] += 1
                g[1] += r[5] in KILLED
                g[2] += r[5] == 'NO_COVERAGE'
                g[3] += r[5] == 'TIMED_OUT'
        for key, g in groups.items():
            if key not in best or g[1] > best[key][1]:
                best[key] = g
    by_class = collections.defaultdict(lambda: [0, 0, 0, 0])
    for key, g in best.items():
        c = by_class[key[0].rsplit('.', 1)[-1].split('$')[0]]
        for i in range(4):
            c[i] += g[i]
    total = [0, 0, 0, 0]
    for name in sorted(by_class, key=lambda n: by_class[n][1] / by_class[n][0]):
        line(name, by_class[name])
        for i in range(4):
            total[i] += by_class[name][i]
    line('TOTAL', total)


def line(name, c):
    n, killed, uncovered, timed = c
    print(f"{name:26s} {n:5d} mutants, killed {killed:5d} ({timed} by timeout), no coverage {uncovered:3d}, "
          f"survived {n - killed - uncovered:3d}: {100 * killed / n:5.1f} %, test strength "
          f"{100 * killed / max(1, n - uncovered):5.1f} %")


if __name__ == '__main__':
    main(sys.argv[1:])

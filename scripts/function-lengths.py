#!/usr/bin/env python3
"""Lists the Swift functions and initialisers longer than a limit, longest first: lines from the
declaration to its closing brace, counted by matching braces outside strings and comments.

Usage: scripts/function-lengths.py [FOLDER [LIMIT]]   (defaults: Sources 60)
Prints `LINES FILE LINE DECLARATION` per function; exit status 0 always (a list to read, not a gate).
A function kept long on purpose says why in the comment beside it.
"""
import os
import re
import sys

DECLARATION = re.compile(r"\b(func|init)\b[^=]*[(<]")
STRING = re.compile(r'"(\\.|[^"\\])*"')


def code(line):
    """The line without its string literals and its trailing comment."""
    return STRING.sub('""', line).split("//")[0]


def length(lines, start):
    """Lines from `start` to the brace that closes the body it opens; None for a declaration without one
    (a protocol requirement) within 15 lines."""
    depth, opened = 0, False
    for j in range(start, len(lines)):
        for c in code(lines[j]):
            if c == "{":
                depth, opened = depth + 1, True
            elif c == "}":
                depth -= 1
        if opened and depth <= 0:
            return j - start + 1
        if not opened and j > start + 15:
            return None
    return None


def long_functions(folder, limit):
    found = []
    for root, _, files in os.walk(folder):
        for name in files:
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                lines = f.read().split("\n")
            for i, line in enumerate(lines):
                if line.strip().startswith("//") or not DECLARATION.search(code(line)):
                    continue
                n = length(lines, i)
                if n and n > limit:
                    found.append((n, path, i + 1, line.strip()[:80]))
    return sorted(found, reverse=True)


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "Sources"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    for row in long_functions(folder, limit):
        print(*row)

#!/usr/bin/env python3
"""Adapts entries written by ../shared/corpus/gen_corpus.py to Errata's entry format.

The generator writes literal braces in symptoms ({"error": ...}); in Errata a brace starts a
placeholder, so literal ones are doubled. Nothing else differs. Usage:
  convert_corpus.py DIR   (rewrites DIR/*.md in place; idempotent via a marker line)
"""
import json
import os
import sys

MARK = "# errata: braces escaped\n"


def convert(path):
    text = open(path, encoding="utf-8").read()
    if MARK in text:
        return
    head, sep, body = text[4:].partition("\n---\n")
    out = []
    for line in head.split("\n"):
        if line.startswith("symptoms: "):
            items = json.loads(line[len("symptoms: "):])
            items = [s.replace("{", "{{").replace("}", "}}") for s in items]
            line = "symptoms: " + json.dumps(items)
        out.append(line)
    open(path, "w", encoding="utf-8").write("---\n" + MARK + "\n".join(out) + sep + body)


if __name__ == "__main__":
    d = sys.argv[1]
    for name in sorted(os.listdir(d)):
        if name.endswith(".md"):
            convert(os.path.join(d, name))

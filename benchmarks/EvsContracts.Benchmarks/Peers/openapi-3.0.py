#!/usr/bin/env python3
"""Writes an OpenAPI 3.1 spec as 3.0 for NSwag, which reads 3.1 type arrays wrongly.

NSwag 14.7 maps `"type": ["string", "integer"]` (the error code, a string at EVS and an integer at Cinder) to int.
In 3.0 form a type array becomes one type: `[T, "null"]` becomes `T` with `nullable: true`, and a mixed array
becomes `string`, which is how the wire rule reads it. Nothing else changes.
"""
import json
import sys


def to_30(node):
    if isinstance(node, dict):
        kind = node.get("type")
        if isinstance(kind, list):
            others = [k for k in kind if k != "null"]
            if "null" in kind:
                node["nullable"] = True
            node["type"] = others[0] if len(others) == 1 else "string"
        for value in node.values():
            to_30(value)
    elif isinstance(node, list):
        for value in node:
            to_30(value)


def main(source, target):
    with open(source, encoding="utf-8") as f:
        spec = json.load(f)
    spec["openapi"] = "3.0.3"
    to_30(spec)
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        json.dump(spec, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

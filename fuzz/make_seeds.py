#!/usr/bin/python3
"""Writes the fuzzers' seed corpora from the repository's fixtures (run by scripts/fuzz).

Real manifests are too large to mutate quickly (most of their bytes are macros meshgraph
skips), so each becomes a few small manifests that keep its metadata, a handful of its nodes,
sources, exposures and groups as dbt wrote them, and one small skipped section. The small files
of fixtures/bad_input and the YAML files (policy files, dependencies.yml) are copied as they are.

Usage: fuzz/make_seeds.py OUT_FOLDER   (writes OUT_FOLDER/<harness>/…)
"""
import glob
import hashlib
import json
import os
import sys

MAX_SEED_BYTES = 24 * 1024
MANIFESTS = sorted(set(
    glob.glob("fixtures/real/**/manifest*.json", recursive=True)
    + glob.glob("fixtures/rainbow_road/**/target/manifest.json", recursive=True)
    + glob.glob("fixtures/rules/*/*/**/target/manifest.json", recursive=True)
    + glob.glob("fixtures/config/**/target/manifest.json", recursive=True)))
POLICY_FILES = sorted(glob.glob("fixtures/**/meshgraph.yml", recursive=True)
                      + glob.glob("fixtures/config/**/*.yml", recursive=True))
BAD_INPUT = sorted(glob.glob("fixtures/bad_input/*.json"))
DEPENDENCY_FILES = sorted(glob.glob("fixtures/**/dependencies.yml", recursive=True))


def write_seed(folder, content):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if len(data) > MAX_SEED_BYTES:
        return False
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)
    return True


def shrink(entry):
    """A node as dbt wrote it, with its SQL and prose cut short."""
    entry = dict(entry)
    for key in ("raw_code", "raw_sql", "compiled_code", "compiled_sql", "description"):
        if isinstance(entry.get(key), str) and len(entry[key]) > 600:
            entry[key] = entry[key][:600]
    columns = entry.get("columns")
    if isinstance(columns, dict) and len(columns) > 6:
        entry["columns"] = dict(list(columns.items())[:6])
    return entry


def interest(node):
    """Nodes with the fields meshgraph reasons about come first."""
    score = 0
    for key in ("access", "group", "version", "latest_version", "deprecation_date"):
        if node.get(key) not in (None, "", "protected"):
            score += 2
    if (node.get("contract") or {}).get("enforced"):
        score += 2
    if node.get("constraints"):
        score += 1
    if node.get("refs"):
        score += 1
    return -score


def mini_manifests(manifest):
    """A few small manifests that keep the shapes of `manifest`."""
    base = {"metadata": manifest.get("metadata", {})}
    macros = manifest.get("macros") or {}
    skipped = dict(list(macros.items())[:1]) if isinstance(macros, dict) else {}
    nodes = manifest.get("nodes") or {}
    by_type = {}
    for unique_id, node in sorted(nodes.items(), key=lambda item: (interest(item[1]), item[0])):
        by_type.setdefault(node.get("resource_type"), []).append((unique_id, node))
    seeds = []
    for entries in by_type.values():
        for unique_id, node in entries[:2]:
            seeds.append(dict(base, nodes={unique_id: shrink(node)}))
    mix = {}
    for entries in by_type.values():
        mix.update((unique_id, shrink(node)) for unique_id, node in entries[:2])
    for section in ("sources", "exposures", "groups"):
        items = manifest.get(section) or {}
        if isinstance(items, dict) and items:
            first = dict(list(items.items())[:2])
            seeds.append(dict(base, nodes={}, **{section: {k: shrink(v) for k, v in first.items()}}))
    everything = dict(base, nodes=dict(list(mix.items())[:6]), macros=skipped)
    for section in ("sources", "exposures", "groups"):
        items = manifest.get(section) or {}
        if isinstance(items, dict):
            everything[section] = {k: shrink(v) for k, v in list(items.items())[:2]}
    seeds.append(everything)
    return seeds


def main():
    out = sys.argv[1]
    folders = {name: os.path.join(out, name) for name in ("manifest", "policy", "dependencies")}
    for folder in folders.values():
        os.makedirs(folder, exist_ok=True)
    counts = dict.fromkeys(folders, 0)
    for path in MANIFESTS:
        with open(path, "rb") as f:
            raw = f.read()
        if len(raw) <= MAX_SEED_BYTES:
            counts["manifest"] += write_seed(folders["manifest"], raw)
        manifest = json.loads(raw)
        for seed in mini_manifests(manifest):
            counts["manifest"] += write_seed(folders["manifest"], json.dumps(seed, separators=(",", ":")))
    for path in BAD_INPUT:
        with open(path, "rb") as f:
            counts["manifest"] += write_seed(folders["manifest"], f.read())
    for path in POLICY_FILES:
        with open(path, "rb") as f:
            counts["policy"] += write_seed(folders["policy"], f.read())
    for path in DEPENDENCY_FILES:
        with open(path, "rb") as f:
            counts["dependencies"] += write_seed(folders["dependencies"], f.read())
    print(", ".join(f"{count} {name} seeds" for name, count in counts.items()))


if __name__ == "__main__":
    main()

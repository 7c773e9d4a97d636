#!/usr/bin/env python3
"""Derive kflint's validation schemas from the upstream Kubeflow CRDs, in two steps.

1. import (a maintainer's step, needs the upstream CRD files: `--crds DIR`): reads the TFJob and
   MXJob CRDs (training-operator v1.8.1, kubeflow.org/v1) and writes, per kind,
   `schema/upstream/<kind>.json` (the v1 version's openAPIV3Schema with its descriptions removed,
   plus where it came from: repository, tag, commit, path and the CRD file's sha256) and
   `schema/generated/<kind>.docs.json` (the descriptions, for hover and completion). The CRD files
   themselves are never committed; schema/upstream/README.md says how to fetch them again.
2. derive (offline, in the test suite): reads `schema/upstream/<kind>.json` and writes
   `schema/generated/<kind>.schema.json`, the schema kflint validates with. The oracle test
   (tests/oracle) validates with the upstream structure itself, not with this derivation.

What the derivation changes, and why:
  * every object with `properties` gets `additionalProperties: false` unless it declares a map,
    so unknown fields are findings (the API server prunes or rejects them);
  * resource quantities (`x-kubernetes-int-or-string` with the quantity pattern) become
    `{"x-kflint": "quantity"}`: the resource rules (KF3xx) own them, with exact parsing;
    other int-or-string fields become `type: [integer, string]`;
  * `format: int32` becomes minimum/maximum, so out-of-range values are reported;
  * top-level `metadata` gets the ObjectMeta schema (the CRD says only `type: object`);
  * `status` accepts anything (KF5xx reports it as a server-populated field);
  * the legacy run-policy fields (tf-operator / mxnet-operator v1, Huawei CCI) are accepted
    directly under `spec`, marked `x-kflint-layout: legacy`; rule KF220 decides per target;
  * descriptions are dropped (hover reads them from schema/generated/*.docs.json).

Usage: derive_schemas.py [--crds DIR] [--check]
  --crds   also run step 1 from the CRD files in DIR (e.g. a checkout of training-operator's
           manifests/base/crds at the tag named in schema/upstream/README.md)
  --check  write nothing; exit 1 (and name the file) when a committed output differs from a
           fresh derivation (step 2 always, step 1 too when --crds is given)
"""
import argparse
import copy
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
UPSTREAM = os.path.join(HERE, "upstream")
GENERATED = os.path.join(HERE, "generated")
SOURCES = {
    "tfjob": "kubeflow.org_tfjobs.yaml",
    "mxjob": "kubeflow.org_mxjobs.yaml",
}
CRD_RELEASE = "training-operator v1.8.1"
# Where the CRDs of CRD_RELEASE are published (Apache-2.0), recorded in each upstream file.
CRD_ORIGIN = {
    "repository": "https://github.com/kubeflow/training-operator",
    "tag": "v1.8.1",
    "commit": "0f8735faade3651dfe44e45c6fbc30fa9152641d",
    "directory": "manifests/base/crds",
    "license": "Apache-2.0",
}
INT32 = {"minimum": -2147483648, "maximum": 2147483647}
LEGACY_RUN_POLICY = ["activeDeadlineSeconds", "backoffLimit", "cleanPodPolicy", "ttlSecondsAfterFinished"]

STRING_MAP = {"type": "object", "additionalProperties": {"type": "string"}}
OBJECT_META = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string"},
        "generateName": {"type": "string"},
        "namespace": {"type": "string"},
        "labels": STRING_MAP,
        "annotations": STRING_MAP,
        "finalizers": {"type": "array", "items": {"type": "string"}},
        "ownerReferences": {"type": "array", "items": {"type": "object"}},
        # Server-populated fields: accepted by the schema, reported by KF501/KF502.
        "uid": {},
        "resourceVersion": {},
        "generation": {},
        "creationTimestamp": {},
        "deletionTimestamp": {},
        "deletionGracePeriodSeconds": {},
        "selfLink": {},
        "managedFields": {},
        "clusterName": {},
    },
}


def is_quantity(node):
    return node.get("x-kubernetes-int-or-string") and "pattern" in node


def convert(node):
    """Return the validation schema for one CRD schema node."""
    if not isinstance(node, dict):
        return node
    if node.get("x-kubernetes-int-or-string"):
        return {"x-kflint": "quantity"} if is_quantity(node) else {"type": ["integer", "string"]}
    out = {}
    for key, value in node.items():
        if key == "properties":
            out["properties"] = {k: convert(v) for k, v in sorted(value.items())}
        elif key in ("items", "additionalProperties"):
            out[key] = convert(value) if isinstance(value, dict) else value
        elif key in ("type", "required", "enum", "minimum", "maximum", "minItems", "maxItems", "pattern"):
            out[key] = value
        elif key == "format" and value == "int32":
            out.update(INT32)
        # description, default, x-kubernetes-* and other formats carry no validation we apply.
    if out.get("type") == "object" and "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


def collect_docs(node, path, docs):
    """Field documentation for hover and completion: JSON path -> {type, description}."""
    if not isinstance(node, dict):
        return
    entry = {"type": node.get("type", "quantity" if node.get("x-kubernetes-int-or-string") else "")}
    if node.get("description"):
        entry["description"] = node["description"]
    docs[path or "."] = entry
    for key, child in sorted(node.get("properties", {}).items()):
        collect_docs(child, f"{path}.{key}" if path else key, docs)
    if isinstance(node.get("items"), dict):
        collect_docs(node["items"], f"{path}[]", docs)
    if isinstance(node.get("additionalProperties"), dict):
        collect_docs(node["additionalProperties"], f"{path}.*", docs)


def without_descriptions(node):
    """The schema node with every `description` removed (they go to the docs file instead)."""
    if isinstance(node, dict):
        return {k: without_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [without_descriptions(v) for v in node]
    return node


def import_crd(crd, file_name, sha256):
    """Step 1: one CRD file -> (the upstream record, the field docs)."""
    version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1")
    source = version["schema"]["openAPIV3Schema"]
    docs = {}
    collect_docs(source, "", docs)
    origin = dict(CRD_ORIGIN, path=f"{CRD_ORIGIN['directory']}/{file_name}", sha256=sha256)
    del origin["directory"]
    record = {
        "crd": crd["metadata"]["name"],
        "kind": crd["spec"]["names"]["kind"],
        "release": CRD_RELEASE,
        "version": "v1",
        "origin": origin,
        "openAPIV3Schema": without_descriptions(source),
    }
    return record, docs


def derive(record):
    """Step 2: the upstream record -> kflint's validation schema."""
    schema = convert(record["openAPIV3Schema"])
    schema["properties"]["metadata"] = copy.deepcopy(OBJECT_META)
    schema["properties"]["status"] = {}
    spec = schema["properties"]["spec"]
    run_policy = spec["properties"]["runPolicy"]["properties"]
    # training-operator v1.9 added runPolicy.managedBy (TFJob only; MXJob was removed in v1.9):
    # accept it so v1.9 manifests are not reported as unknown fields, with the two values its
    # webhook accepts (pkg/common/util/webhooks.go: `Unsupported value`).
    if record["kind"] == "TFJob":
        run_policy["managedBy"] = {"type": "string", "enum": ["kubeflow.org/training-operator", "kueue.x-k8s.io/multikueue"]}
    for field in LEGACY_RUN_POLICY:
        legacy = copy.deepcopy(run_policy[field])
        legacy["x-kflint-layout"] = "legacy"
        spec["properties"][field] = legacy
    schema["$schema"] = "http://json-schema.org/draft-04/schema#"
    schema["x-kflint-source"] = f"{record['release']} {record['crd']}"
    return schema


def render(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n"


def render_readable(obj):
    return json.dumps(obj, sort_keys=True, indent=1) + "\n"


class Output:
    """Writes files, or (--check) only collects those whose committed text differs."""

    def __init__(self, check):
        self.check, self.stale = check, []

    def put(self, target, text):
        if self.check:
            current = open(target, encoding="utf-8").read() if os.path.exists(target) else None
            if current != text:
                self.stale.append(target)
            return
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--crds", help="the upstream CRD files (step 1); without it, step 2 alone")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    out = Output(args.check)
    for stem, name in SOURCES.items():
        upstream_file = os.path.join(UPSTREAM, stem + ".json")
        if args.crds:
            path = os.path.join(args.crds, name)
            if not os.path.exists(path):
                sys.exit(f"derive_schemas: CRD not found: {path}")
            import yaml  # python3-yaml: only the import step reads YAML

            data = open(path, "rb").read()
            record, docs = import_crd(yaml.safe_load(data), name, hashlib.sha256(data).hexdigest())
            out.put(upstream_file, render_readable(record))
            out.put(os.path.join(GENERATED, stem + ".docs.json"), render(docs))
        else:
            if not os.path.exists(upstream_file):
                sys.exit(f"derive_schemas: {upstream_file} not found (run step 1 with --crds DIR)")
            with open(upstream_file, encoding="utf-8") as f:
                record = json.load(f)
        out.put(os.path.join(GENERATED, stem + ".schema.json"), render(derive(record)))
    if out.stale:
        print("derive_schemas: committed output and its source drifted apart; rerun schema/derive_schemas.py:", *out.stale, sep="\n  ")
        return 1
    print("derive_schemas: " + ("up to date" if args.check else "written"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Derive kflint's validation schemas from the upstream Kubeflow CRDs.

Reads the TFJob and MXJob CRDs (training-operator v1.8.1, kubeflow.org/v1) and writes one
compact JSON Schema per kind into schema/generated/. The CRDs themselves are data that lives in
the shared reference folder; only the derived schemas are committed.

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
  * descriptions are dropped (they live in the CRD; hover reads them from schema/generated/*.docs.json).

Usage: derive_schemas.py [--crds DIR] [--out DIR] [--check]
  --check  exit 1 (and name the file) when the committed output differs from a fresh derivation.
"""
import argparse
import copy
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CRDS = os.path.join(HERE, "..", "..", "shared", "reference", "crds", "training-operator-v1.8.1")
SOURCES = {
    "tfjob": "kubeflow.org_tfjobs.yaml",
    "mxjob": "kubeflow.org_mxjobs.yaml",
}
CRD_RELEASE = "training-operator v1.8.1"
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


def derive(crd):
    version = next(v for v in crd["spec"]["versions"] if v["name"] == "v1")
    source = version["schema"]["openAPIV3Schema"]
    schema = convert(source)
    schema["properties"]["metadata"] = copy.deepcopy(OBJECT_META)
    schema["properties"]["status"] = {}
    spec = schema["properties"]["spec"]
    run_policy = spec["properties"]["runPolicy"]["properties"]
    # training-operator v1.9 added runPolicy.managedBy (TFJob only; MXJob was removed in v1.9):
    # accept it so v1.9 manifests are not reported as unknown fields, with the two values its
    # webhook accepts (pkg/common/util/webhooks.go: `Unsupported value`).
    if crd["spec"]["names"]["kind"] == "TFJob":
        run_policy["managedBy"] = {"type": "string", "enum": ["kubeflow.org/training-operator", "kueue.x-k8s.io/multikueue"]}
    for field in LEGACY_RUN_POLICY:
        legacy = copy.deepcopy(run_policy[field])
        legacy["x-kflint-layout"] = "legacy"
        spec["properties"][field] = legacy
    schema["$schema"] = "http://json-schema.org/draft-04/schema#"
    schema["x-kflint-source"] = f"{CRD_RELEASE} {crd['metadata']['name']}"
    docs = {}
    collect_docs(source, "", docs)
    return schema, docs


def render(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crds", default=DEFAULT_CRDS)
    parser.add_argument("--out", default=os.path.join(HERE, "generated"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for stem, name in SOURCES.items():
        path = os.path.join(args.crds, name)
        if not os.path.exists(path):
            sys.exit(f"derive_schemas: CRD not found: {path} (pass --crds DIR)")
        with open(path, encoding="utf-8") as f:
            schema, docs = derive(yaml.safe_load(f))
        for suffix, obj in ((".schema.json", schema), (".docs.json", docs)):
            target = os.path.join(args.out, stem + suffix)
            text = render(obj)
            if args.check:
                current = open(target, encoding="utf-8").read() if os.path.exists(target) else None
                if current != text:
                    stale.append(target)
            else:
                os.makedirs(args.out, exist_ok=True)
                with open(target, "w", encoding="utf-8") as f:
                    f.write(text)
    if stale:
        print("derive_schemas: schema and CRD drifted apart; rerun schema/derive_schemas.py:", *stale, sep="\n  ")
        return 1
    print("derive_schemas: " + ("up to date" if args.check else "written to " + args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Peer: Python jsonschema + PyYAML (Debian packages) against the same derived schemas."""
import json, os, sys
import jsonschema, yaml
here = os.path.dirname(os.path.abspath(__file__))
validators = {k: jsonschema.Draft4Validator(json.load(open(os.path.join(here, f"../schema/generated/{k.lower()}.schema.json")))) for k in ("TFJob", "MXJob")}
files = [os.path.join(p, f) for p in sys.argv[1:] for f in (sorted(os.listdir(p)) if os.path.isdir(p) else [""])]
files = [f.rstrip("/") for f in files]
docs = invalid = 0
for f in files:
    with open(f) as fh:
        for doc in yaml.load_all(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            v = validators.get(doc.get("kind")) if isinstance(doc, dict) else None
            if not v: continue
            docs += 1
            invalid += any(True for _ in v.iter_errors(doc))
print(f"jsonschema: {docs} documents, {invalid} invalid")

#!/usr/bin/env python3
"""Checks action.yml without GitHub: a composite action whose inputs are all used, and whose
lint step, run here with a fake GITHUB_OUTPUT/PATH, lints the examples like the CLI does."""
import os
import subprocess
import sys
import tempfile

import yaml

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
kflint_dir = os.path.dirname(os.path.abspath(sys.argv[1]))
action = yaml.safe_load(open(os.path.join(root, "action.yml")))
assert action["runs"]["using"] == "composite", "not a composite action"
steps = action["runs"]["steps"]
text = open(os.path.join(root, "action.yml")).read()
for name in action["inputs"]:
    assert "inputs." + name in text, f"input {name} is never used"
lint = next(s for s in steps if s.get("id") == "lint")
with tempfile.TemporaryDirectory() as tmp:
    out_file = os.path.join(tmp, "github_output")
    report = os.path.join(tmp, "kflint.sarif")
    env = dict(os.environ, PATH=kflint_dir + ":" + os.environ["PATH"], GITHUB_OUTPUT=out_file,
               KFLINT_PATHS="examples/bad examples/good", KFLINT_TARGET="auto", KFLINT_FORMAT="sarif",
               KFLINT_OUTPUT=report, KFLINT_FAIL_ON="error")
    result = subprocess.run(["bash", "-c", lint["run"]], cwd=root, env=env)
    assert result.returncode == 1, f"expected findings (exit 1), got {result.returncode}"
    assert open(out_file).read().strip() == "report=" + report
    assert '"version": "2.1.0"' in open(report).read()
    # No target given: each folder's .kflint.yaml decides (examples/good/cci/ says cci).
    env.update(KFLINT_PATHS="examples/good", KFLINT_TARGET="", KFLINT_FORMAT="github", KFLINT_OUTPUT="")
    result = subprocess.run(["bash", "-c", lint["run"]], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout
print("ok - action.yml: inputs used; the lint step writes SARIF and fails on findings, passes clean files")
print("1 passed, 0 failed")

// Peer: ajv + js-yaml in one Node process, validating every document of every file against the
// same derived TFJob/MXJob schemas kflint embeds.  node ajv_validate.mjs FILE_OR_DIR...
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import yaml from "js-yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const ajv = new Ajv({ allErrors: true, strict: false });
// The schemas use only draft-04 keywords that draft-07 (ajv's default) reads the same way.
const load = (kind) => {
  const schema = JSON.parse(readFileSync(path.join(here, `../schema/generated/${kind}.schema.json`), "utf8"));
  delete schema.$schema;
  return ajv.compile(schema);
};
const validators = { TFJob: load("tfjob"), MXJob: load("mxjob") };
const files = process.argv.slice(2).flatMap((p) => (statSync(p).isDirectory() ? readdirSync(p).map((f) => path.join(p, f)) : [p]));
let docs = 0, invalid = 0;
for (const file of files) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    const validate = doc && validators[doc.kind];
    if (!validate) continue;
    docs++;
    if (!validate(doc)) invalid++;
  }
}
console.log(`ajv: ${docs} documents, ${invalid} invalid`);

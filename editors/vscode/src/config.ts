// Client-side configuration logic, kept free of the `vscode` module so it is unit-testable.

export type Target = "auto" | "kubeflow" | "legacy" | "cci";
export type Level = "off" | "error" | "warning" | "info" | "hint";
export type Operation = "apply" | "create" | "replace" | "patch";

export interface RawSettings {
  path?: unknown;
  target?: unknown;
  operation?: unknown;
  rules?: unknown;
}

export interface ServerLaunch {
  command: string;
  args: string[];
}

/** Target and operation are sent only when chosen: left at their defaults, `.kflint.yaml` decides. */
export interface ServerSettings {
  target?: Target;
  operation?: Operation;
  rules: Record<string, Level>;
}

const TARGETS: Target[] = ["auto", "kubeflow", "legacy", "cci"];
const OPERATIONS: Operation[] = ["apply", "create", "replace", "patch"];
const LEVELS: Level[] = ["off", "error", "warning", "info", "hint"];
const RULE_NAME = /^(KF\d{3}|[a-z0-9]+(-[a-z0-9]+)*)$/i;

/** How to start the server: the configured binary (with `~` expanded) and `lsp`. */
export function serverLaunch(raw: RawSettings, home: string | undefined): ServerLaunch {
  let command = typeof raw.path === "string" && raw.path.trim() !== "" ? raw.path.trim() : "kflint";
  if (command.startsWith("~/") && home) command = home + command.slice(1);
  return { command, args: ["lsp"] };
}

/** The settings sent to the server; invalid entries are dropped and reported in `problems`. */
export function serverSettings(raw: RawSettings, problems: string[] = []): ServerSettings {
  const out: ServerSettings = { rules: {} };
  if (typeof raw.target === "string" && (TARGETS as string[]).includes(raw.target)) {
    if (raw.target !== "auto") out.target = raw.target as Target;
  } else if (raw.target !== undefined) problems.push(`kflint.target: expected one of ${TARGETS.join(", ")}`);
  if (typeof raw.operation === "string" && (OPERATIONS as string[]).includes(raw.operation)) out.operation = raw.operation as Operation;
  else if (raw.operation !== undefined && raw.operation !== "config")
    problems.push(`kflint.operation: expected config or one of ${OPERATIONS.join(", ")}`);
  const rules = out.rules;
  if (raw.rules && typeof raw.rules === "object" && !Array.isArray(raw.rules)) {
    for (const [name, level] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (!RULE_NAME.test(name)) problems.push(`kflint.rules: "${name}" is not a rule id or slug`);
      else if (typeof level !== "string" || !(LEVELS as string[]).includes(level)) problems.push(`kflint.rules.${name}: expected one of ${LEVELS.join(", ")}`);
      else rules[/^kf\d{3}$/i.test(name) ? name.toUpperCase() : name] = level as Level;
    }
  } else if (raw.rules !== undefined) {
    problems.push("kflint.rules: expected an object");
  }
  return out;
}

/** Documents the client sends to the server: YAML and JSON files on disk or unsaved. */
export const documentSelector = [
  { scheme: "file", language: "yaml" },
  { scheme: "file", language: "json" },
  { scheme: "untitled", language: "yaml" },
  { scheme: "untitled", language: "json" },
];

/** File watchers: configuration files trigger a re-lint of every open document. */
export const configGlob = "**/.kflint.{yaml,yml}";

// The VS Code face of kflint: a thin vscode-languageclient wrapper that launches `kflint lsp`.
// All linting happens in the server; this file only passes settings and restarts on change.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";
import { configGlob, documentSelector, serverLaunch, serverSettings } from "./config";

let client: LanguageClient | undefined;

function readSettings() {
  const c = vscode.workspace.getConfiguration("kflint");
  return { path: c.get("path"), target: c.get("target"), operation: c.get("operation"), rules: c.get("rules") };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const raw = readSettings();
  const problems: string[] = [];
  const settings = serverSettings(raw, problems);
  if (problems.length > 0) void vscode.window.showWarningMessage(`kflint settings: ${problems.join("; ")}`);
  const launch = serverLaunch(raw, process.env.HOME);
  const serverOptions: ServerOptions = { command: launch.command, args: launch.args, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    initializationOptions: settings,
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(configGlob) },
    middleware: {
      workspace: {
        configuration: () => [settings],
      },
    },
  };
  client = new LanguageClient("kflint", "kflint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("kflint.restart", async () => {
      await client?.stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("kflint")) return;
      if (e.affectsConfiguration("kflint.path")) {
        await client?.stop();
        await start(context);
      } else {
        await client?.sendNotification("workspace/didChangeConfiguration", { settings: { kflint: serverSettings(readSettings()) } });
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

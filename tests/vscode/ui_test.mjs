// The kflint extension inside real VS Code (code-server 4.100.3 = VS Code 1.100.3), driven through
// Debian's Chromium by puppeteer-core, as a user would: install the packaged .vsix, open a faulty
// manifest, and check in the UI that (1) the Problems panel lists the rule id and message at the
// right line, (2) the squiggle is under the right token, (3) a quick fix (Ctrl+.) applies and its
// finding goes away, (4) hover shows the field's documentation, (5) typing updates the
// diagnostics, (6) a change to .kflint.yaml is picked up. A screenshot of each step is saved in
// OUT_DIR, and one on failure. Every wait is bounded; code-server and Chromium are stopped by id.
//
//   node ui_test.mjs KFLINT VSIX OUT_DIR        (run by scripts/test-vscode.sh)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const [kflint, vsix, out] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const codeServer = path.join(here, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A throw-away profile: code-server writes to ~/.config and ~/.local/share unless XDG_* say otherwise.
const profile = path.join(out, 'profile');
fs.rmSync(profile, { recursive: true, force: true });
const dirs = { user: 'user-data', ext: 'extensions', config: 'xdg-config', data: 'xdg-data', ws: 'workspace', chrome: 'chromium' };
for (const k of Object.keys(dirs)) fs.mkdirSync((dirs[k] = path.join(profile, dirs[k])), { recursive: true });
const env = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, HOME: profile };
fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
fs.writeFileSync(path.join(dirs.user, 'User', 'settings.json'), JSON.stringify({
  'kflint.path': kflint,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'editor.hover.delay': 100,
  'git.openRepositoryInParentFolders': 'never',
}, null, 2));
const manifest = path.join(dirs.ws, 'job.yaml');
fs.copyFileSync(path.join(here, '..', '..', 'examples', 'bad', 'tfjob-typos.yaml'), manifest);

let passed = 0, failed = 0, page, browser, server;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name}${detail === undefined ? '' : ': ' + detail}`); }
  return ok;
}
async function waitFor(what, fn, ms = 20000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    try { if ((last = await fn())) return last; } catch { /* the UI is still changing */ }
    await sleep(200);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}
function stop() {
  if (server && server.exitCode === null) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }
}
process.on('exit', stop);

async function main() {
  // 1. Install the packaged extension, as `code-server --install-extension` does for a user.
  const install = spawnSync(process.execPath, [codeServer, '--extensions-dir', dirs.ext, '--user-data-dir', dirs.user, '--install-extension', vsix],
                            { env, encoding: 'utf8', timeout: 120000 });
  if (!check('the .vsix installs', install.status === 0 && /successfully installed/.test(install.stdout), install.stdout + install.stderr)) return;

  server = spawn(process.execPath, [codeServer, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
                                    '--disable-workspace-trust', '--disable-getting-started-override', '--extensions-dir', dirs.ext,
                                    '--user-data-dir', dirs.user, dirs.ws], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => { log += d; });
  server.stderr.on('data', (d) => { log += d; });
  const url = await waitFor('code-server to listen', () => (log.match(/HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/) || [])[1], 60000);

  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, userDataDir: dirs.chrome,
                                     args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'] });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(`${url}?folder=${encodeURIComponent(dirs.ws)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await sleep(1500);
  const keys = async (...combo) => {
    for (const k of combo.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(combo[combo.length - 1]);
    for (const k of combo.slice(0, -1).reverse()) await page.keyboard.up(k);
  };
  const goTo = async (line, column) => {
    await keys('Control', 'KeyG');
    await sleep(400);
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await sleep(300);
  };
  const problems = () => page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.innerText.replace(/\n/g, ' | ')));
  const problem = async (id) => (await problems()).find((p) => p.includes(`| ${id} |`));
  const editorText = () => page.$eval('.editor-instance .view-lines', (e) => e.innerText.replace(/\u00a0/g, ' '));

  // Open the manifest (Quick Open) and the Problems panel.
  await keys('Control', 'KeyP');
  await waitFor('Quick Open', () => page.$('.quick-input-widget input'));
  await page.keyboard.type('job.yaml');
  await waitFor('job.yaml among the Quick Open results', () => page.$$eval('.quick-input-list .monaco-list-row', (rows) => rows.some((r) => r.innerText.includes('job.yaml'))));
  await page.keyboard.press('Enter');
  await waitFor('the manifest in an editor', () => page.$('.editor-instance .view-lines'));
  await waitFor('kflint diagnostics in the editor', () => page.$('.squiggly-error'), 30000);
  await keys('Control', 'Shift', 'KeyM');
  const typo = await waitFor('KF101 in the Problems panel', () => problem('KF101'));
  await page.screenshot({ path: path.join(out, '1-problems.png') });
  check('Problems lists KF101 with its message at line 9', typo.includes('unknown field `replica`') && typo.includes('[Ln 9, Col 7]'), typo);
  check('Problems lists KF206 at line 14', ((await problem('KF206')) || '').includes('[Ln 14, Col 21]'), await problem('KF206'));

  // 2. The squiggle lies exactly under `replica` on line 9.
  const boxes = await page.evaluate(() => {
    const token = [...document.querySelectorAll('.editor-instance .view-line span > span')].find((s) => s.textContent === 'replica');
    const t = token && token.getBoundingClientRect();
    return { token: t && { left: t.left, top: t.top, width: t.width },
             squiggles: [...document.querySelectorAll('.editor-instance .squiggly-error')].map((q) => { const r = q.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width }; }) };
  });
  const under = boxes.token && boxes.squiggles.find((q) => Math.abs(q.left - boxes.token.left) < 2 && Math.abs(q.width - boxes.token.width) < 2 && Math.abs(q.top - boxes.token.top) < 4);
  await page.screenshot({ path: path.join(out, '2-squiggle.png') });
  check('the squiggle is under `replica`', !!under, JSON.stringify(boxes));

  // 3. Quick fix: Ctrl+. on the container name, choose the rename, and KF206 goes away.
  await goTo(14, 22);
  await keys('Control', 'Period');
  const fix = await waitFor('the quick fix menu', async () => {
    const rows = await page.$$('.action-widget .monaco-list-row');
    for (const r of rows) if ((await r.evaluate((e) => e.innerText)).includes('Rename the container to')) return r;
    return null;
  });
  await page.screenshot({ path: path.join(out, '3-quick-fix-menu.png') });
  await fix.click();
  await waitFor('the fixed text', async () => (await editorText()).includes('- name: tensorflow'));
  const gone = await waitFor('KF206 to leave the Problems panel', async () => !(await problem('KF206')) && (await problem('KF101')) !== undefined).catch(() => false);
  await page.screenshot({ path: path.join(out, '3-quick-fix-applied.png') });
  check('the quick fix applied and KF206 went away', gone);

  // 4. Hover on a field shows its documentation from the CRD.
  const image = await page.evaluate(() => {
    const s = [...document.querySelectorAll('.editor-instance .view-line span > span')].find((e) => e.textContent === 'image');
    const r = s && s.getBoundingClientRect();
    return r && { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  let hover = '';
  if (image) {
    await page.mouse.move(image.x, image.y);
    hover = await waitFor('the hover', () => page.$eval('.monaco-hover:not(.hidden) .monaco-hover-content', (e) => e.innerText), 10000).catch(() => '');
  }
  await page.screenshot({ path: path.join(out, '4-hover.png') });
  check('hover shows the field documentation', /Container image name/i.test(hover) && hover.includes('(TFJob)'), hover);
  await page.mouse.move(5, 450);

  // 5. Typing `s` after `replica` fixes the typo: KF101 leaves the Problems panel.
  await goTo(9, 14);
  await page.keyboard.type('s');
  const typed = await waitFor('KF101 to go after typing', async () => !(await problem('KF101'))).catch(() => false);
  await page.screenshot({ path: path.join(out, '5-typing.png') });
  check('typing updates the diagnostics', typed, JSON.stringify(await problems()));

  // 6. A .kflint.yaml written beside the manifest turns KF215 off.
  check('KF215 is reported before the configuration', (await problem('KF215')) !== undefined);
  fs.writeFileSync(path.join(dirs.ws, '.kflint.yaml'), 'rules:\n  KF215: off\n');
  const configured = await waitFor('KF215 to go after .kflint.yaml changed', async () => !(await problem('KF215')) && (await problem('KF202')) !== undefined, 30000).catch(() => false);
  await page.screenshot({ path: path.join(out, '6-config.png') });
  check('a change to .kflint.yaml is picked up', configured, JSON.stringify(await problems()));
}

try {
  await main();
} catch (e) {
  failed++;
  console.log(`not ok - ${e.message}`);
  if (page) await page.screenshot({ path: path.join(out, 'failure.png') }).catch(() => {});
}
if (browser) await browser.close().catch(() => {});
stop();
console.log(`${passed} passed, ${failed} failed; screenshots in ${out}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

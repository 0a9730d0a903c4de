/**
 * The browser tests' set-up: Debian's chromium driven by playwright-core against the real server
 * (apps/server/bin/micropurse-server.js on a loopback port, a fresh embedded store), the web app
 * built first when apps/web/dist is missing, screenshots into apps/web/test-artifacts/, and an
 * axe-core check that fails on any serious or critical violation.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const artifacts = join(repoRoot, 'apps/web/test-artifacts');
const serverBin = join(repoRoot, 'apps/server/bin/micropurse-server.js');
const axePath = join(repoRoot, 'node_modules/axe-core/axe.min.js');

/** Whether the browser tests can run; with CI=true a missing chromium is a failure, not a skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['CI'] === 'true') throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's chromium (apt-get install chromium)`);
  console.warn(`skipping the browser tests: ${CHROMIUM} is missing (install chromium; with CI=true this fails)`);
  return false;
}

/** The newest modification time under a folder, ms. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Builds the web app when its build is missing (a fresh clone without prepare having run) or
 * older than its sources (so the tests never pass or fail on a stale build).
 */
export async function ensureBuilt(): Promise<void> {
  if (!existsSync(join(repoRoot, 'apps/server/dist/main.js'))) throw new Error('apps/server is not built: run `npx tsc -b` (npm test does) first');
  const index = join(repoRoot, 'apps/web/dist/index.html');
  const web = join(repoRoot, 'apps/web');
  const fresh = () => {
    const sources = Math.max(newest(join(web, 'src')), ...['index.html', 'widget.html', 'vite.config.ts'].map((f) => statSync(join(web, f)).mtimeMs));
    return existsSync(index) && statSync(index).mtimeMs >= sources;
  };
  if (fresh()) return;
  // Test files run in parallel processes: one builds, the others wait for it (a build empties dist first).
  const lock = join(repoRoot, 'node_modules/.cache/micropurse-web-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true }); // left by a killed run
      if (Date.now() > deadline) throw new Error(`another build of the web app holds ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (fresh()) return;
    const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn'], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building the web app failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Running {
  readonly url: string;
  stop(): Promise<void>;
}

/** The real server on a free loopback port (PORT=0), on a new store in a temporary folder. */
export async function startServer(): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mp-web-'));
  const child: ChildProcess = spawn(process.execPath, [serverBin], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', MICROPURSE_DATA_DIR: dataDir, LOG_LEVEL: 'warn', MICROPURSE_RATE_LIMIT_MAX: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const m = /listening on (http:\/\/\S+) /.exec(out);
    if (m) return { url: m[1]!, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`the server did not start:\n${out}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // SwiftShader gives headless chromium a software WebGL, so the 3D view is drawn in the tests too.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.addScriptTag({ path: axePath });
  // A string, so that the DOM types (not in the tests' lib) are not needed here.
  const all = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => String(n.target)) })))`,
  )) as AxeViolation[];
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

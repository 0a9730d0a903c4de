/** The first-load budget: the kit and fit pages load under 250 kB of JavaScript gzipped, three.js not among it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from './browser-harness.js';

interface Row {
  readonly name: string;
  readonly file: string;
  readonly own_gz: number;
  readonly first_load_gz: number;
}

const BUDGET = 250 * 1024;

describe('the built web app', () => {
  let rows: Row[] = [];
  beforeAll(async () => {
    await ensureBuilt();
    const report = join(repoRoot, 'apps/web/dist/bundle-report.json');
    expect(existsSync(report)).toBe(true);
    rows = (JSON.parse(readFileSync(report, 'utf8')) as { chunks: Row[] }).chunks;
  }, 120_000);

  it('loads the kit and fit pages (the app, and the fit worker it starts) under 250 kB gzipped', () => {
    const app = rows.find((r) => r.name === 'app');
    const worker = rows.find((r) => r.file.includes('fit-worker'));
    expect(app).toBeDefined();
    expect(worker).toBeDefined();
    const firstLoad = app!.first_load_gz + worker!.first_load_gz;
    console.log(`kit and fit pages: ${(firstLoad / 1024).toFixed(1)} kB of JavaScript gzipped (app ${(app!.first_load_gz / 1024).toFixed(1)} kB, fit worker ${(worker!.first_load_gz / 1024).toFixed(1)} kB)`);
    expect(firstLoad).toBeLessThan(BUDGET);
  });

  it('keeps three.js out of the first load: it is a chunk of its own, loaded by the 3D view', () => {
    const three = rows.find((r) => r.name === 'three-scene');
    expect(three).toBeDefined();
    expect(three!.own_gz).toBeGreaterThan(50 * 1024);
    const app = readFileSync(join(repoRoot, 'apps/web/dist', rows.find((r) => r.name === 'app')!.file), 'utf8');
    expect(app).not.toContain('WebGLRenderer');
    const html = readFileSync(join(repoRoot, 'apps/web/dist/index.html'), 'utf8');
    expect(html).not.toContain('three-scene');
  });
});

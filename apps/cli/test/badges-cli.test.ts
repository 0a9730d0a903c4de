import { describe, expect, it } from 'vitest';
import { ESSENTIALS, FITS, TOO_SMALL } from '@micropurse/core';
import { openStore } from '@micropurse/store';
import { exited, seedCatalog, startCli, storedVerdict, tempDir, waitFor } from './badges-fixtures.js';
import { runCli } from './run-cli.js';

interface Summary {
  bags: number;
  items: number;
  computed: number;
  skipped: number;
  badges: number;
  per_s: number;
}

const parse = (stdout: string): Summary => JSON.parse(stdout) as Summary;

describe('micropurse badges --all (the machine contract)', () => {
  const dir = tempDir('mp-badges-');
  const env = { MICROPURSE_DATA_DIR: dir };
  const subjects = ESSENTIALS.length + 6; // every essential and the six common kits

  it('computes every bag x item badge once, then skips them all, then only what changed', async () => {
    const first = runCli(['badges', '--all', '--workers', '2', '--json'], env);
    expect(first.status, first.stderr).toBe(0);
    const s1 = parse(first.stdout);
    expect(Object.keys(s1)).toEqual(['bags', 'items', 'computed', 'skipped', 'badges', 'per_s']);
    expect(s1).toMatchObject({ bags: 53, items: subjects, computed: 53 * subjects, skipped: 0, badges: 53 * subjects });
    expect(s1.per_s).toBeGreaterThan(0);

    const again = parse(runCli(['badges', '--all', '--json'], env).stdout);
    expect(again).toMatchObject({ bags: 53, items: subjects, computed: 0, skipped: 53 * subjects, badges: 53 * subjects });

    // The stored verdicts are the engine's: the README's iPhone 15 in a Nano Speedy, not in a Micro Saddle.
    const store = await openStore({ dataDir: dir });
    try {
      expect((await store.badges.forBag('b05'))!.n).toBe(subjects);
      expect(await storedVerdict(store, 'b05', 'e03')).toBe(FITS);
      expect(await storedVerdict(store, 'b12', 'e03')).toBe(TOO_SMALL);
      // One bag's interior changes: only its badges are stale.
      const bag = (await store.bags.get('b05'))!;
      await store.bags.upsert({ ...bag, interior: { ...bag.interior, d: bag.interior.d + 5 } });
      // A colour change leaves the interior, and so the badges, as they were.
      const other = (await store.bags.get('b01'))!;
      await store.bags.upsert({ ...other, color_name: 'lilac' });
    } finally {
      await store.close();
    }
    const third = parse(runCli(['badges', '--all', '--json'], env).stdout);
    expect(third).toMatchObject({ computed: subjects, skipped: 52 * subjects, badges: 53 * subjects });
  });

  it('recomputes a changed or added item for every bag and nothing else; drops and restores the kits', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      // e03 (an iPhone 15) grows past the Nano Speedy; a new item is added.
      const e03 = (await store.items.all()).find((e) => e.id === 'e03')!;
      await store.items.upsertMany([
        { ...e03, dims: { ...e03.dims, w: 160 } },
        { ...e03, id: 'x01', name: 'Giant tablet', dims: { w: 250, h: 180, d: 8 } },
      ]);
    } finally {
      await store.close();
    }
    const changed = parse(runCli(['badges', '--all', '--json'], env).stdout);
    expect(changed).toMatchObject({ items: subjects + 1, computed: 2 * 53, skipped: 53 * (subjects - 1), badges: 53 * (subjects + 1) });
    const check = await openStore({ dataDir: dir });
    try {
      expect(await storedVerdict(check, 'b05', 'e03')).toBe(TOO_SMALL);
      expect(await storedVerdict(check, 'b05', 'x01')).toBe(TOO_SMALL);
    } finally {
      await check.close();
    }
    // Without the kits: nothing to compute, and the kits' badges leave every row.
    const noKits = parse(runCli(['badges', '--all', '--no-kits', '--json'], env).stdout);
    expect(noKits).toMatchObject({ items: subjects - 5, computed: 0, skipped: 53 * (subjects - 5), badges: 53 * (subjects - 5) });
    // With them again: just the kits are computed.
    const back = parse(runCli(['badges', '--all', '--json'], env).stdout);
    expect(back).toMatchObject({ items: subjects + 1, computed: 6 * 53, skipped: 53 * (subjects - 5), badges: 53 * (subjects + 1) });
    expect(parse(runCli(['badges', '--all', '--json'], env).stdout)).toMatchObject({ computed: 0, skipped: 53 * (subjects + 1) });
  });

  it('says what is missing without --all', () => {
    const r = runCli(['badges', '--json'], env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--all');
  });

  it('resumes after Ctrl-C: chunks written before it are kept and skipped by the next run', async () => {
    const resumeDir = tempDir('mp-badges-resume-');
    await seedCatalog({ dataDir: resumeDir }, 2_500);
    const total = (2_500 + 53) * subjects;
    const run = startCli(['badges', '--all', '--workers', '1', '--chunk-size', '20', '--json'], { MICROPURSE_DATA_DIR: resumeDir });
    const store = await openStore({ dataDir: resumeDir });
    let atStop = 0;
    try {
      await waitFor('the first chunks', async () => (await store.badges.count()) >= 20 * subjects, 60_000, 50);
      run.kill('SIGINT');
      expect(await exited(run), run.output()).toBe(130);
      atStop = await store.badges.count();
      expect(atStop).toBeLessThan(total);
      expect(atStop % subjects).toBe(0); // whole bags only: a chunk is written whole or not at all
      expect((await store.badges.marks()).size * subjects).toBe(atStop);
    } finally {
      await store.close();
    }
    expect(run.output()).toContain('run again to resume');
    const rest = runCli(['badges', '--all', '--json'], { MICROPURSE_DATA_DIR: resumeDir });
    expect(rest.status, rest.stderr).toBe(0);
    const s = parse(rest.stdout);
    expect(s.skipped).toBe(atStop);
    expect(s.computed + s.skipped).toBe(total);
    expect(s.badges).toBe(total);
  });
});

#!/usr/bin/env node
// The dependency rules of the repository, checked on every `npm test`:
// - packages/core is pure: it imports only relative files and the allowed pure libraries
//   (no node:*, no I/O packages, no other workspace package). Its tsconfig ("types": [],
//   lib ES2023) already makes node globals a build error; this catches imports of packages.
// - dependencies point one way: core <- store <- apps; nothing imports from apps/, and no app
//   imports another (the server does not import the CLI).
// - no import cycles inside a package.
// - no focused tests (.only) left in test files.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORE_ALLOWED = new Set(['zod', 'culori']);
const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === 'node_modules' || e === 'dist') continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(e) && !e.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function importsOf(file) {
  const src = readFileSync(file, 'utf8');
  const out = [];
  for (const m of src.matchAll(IMPORT_RE)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const problems = [];
const rel = (p) => relative(root, p);

// 1. core purity
const coreFiles = walk(join(root, 'packages/core/src'));
for (const f of coreFiles) {
  for (const spec of importsOf(f)) {
    if (spec.startsWith('.')) continue;
    const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    if (!CORE_ALLOWED.has(pkg)) problems.push(`${rel(f)}: the pure core may not import "${spec}"`);
  }
}

// 2. direction: nothing outside apps imports an app; core imports no other workspace package
for (const f of [...walk(join(root, 'packages')), ...walk(join(root, 'bench'))]) {
  for (const spec of importsOf(f)) {
    if (spec.startsWith('@micropurse/cli') || spec.includes('/apps/')) problems.push(`${rel(f)}: imports an app ("${spec}")`);
    if (f.includes('/packages/core/') && spec.startsWith('@micropurse/')) problems.push(`${rel(f)}: core may not import "${spec}"`);
  }
}

// 2b. apps depend on core and store, never on one another (the server must not import the CLI)
const APPS = ['cli', 'server', 'web'];
for (const app of APPS) {
  for (const f of walk(join(root, 'apps', app))) {
    for (const spec of importsOf(f)) {
      const target = spec.startsWith('.') ? relative(join(root, 'apps'), resolve(dirname(f), spec)).split(/[\\/]/)[0] : spec.match(/^@micropurse\/(\w+)/)?.[1];
      if (target !== undefined && target !== app && APPS.includes(target)) problems.push(`${rel(f)}: apps/${app} may not import apps/${target} ("${spec}")`);
    }
  }
}

// 2c. the web app runs in the browser: of the workspace packages it may import only the pure core
for (const f of walk(join(root, 'apps/web'))) {
  for (const spec of importsOf(f)) {
    if (spec.startsWith('@micropurse/') && !/^@micropurse\/core(\/|$)/.test(spec)) problems.push(`${rel(f)}: apps/web may import only @micropurse/core ("${spec}")`);
  }
}

// 3. cycles among relative imports, per package
for (const pkgDir of ['packages/core/src', 'packages/store/src', 'apps/cli/src', 'apps/server/src', 'apps/web/src']) {
  const files = walk(join(root, pkgDir));
  const graph = new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(f), s.replace(/\.js$/, '.ts')))
        // The web app imports without extensions (Vite): try .ts, then .tsx.
        .map((p) => (/\.tsx?$/.test(p) ? p : [`${p}.ts`, `${p}.tsx`].find((c) => files.includes(c)) ?? p)),
    ]),
  );
  const state = new Map();
  const stack = [];
  const visit = (f) => {
    if (state.get(f) === 2) return;
    if (state.get(f) === 1) {
      problems.push(`import cycle: ${stack.slice(stack.indexOf(f)).concat(f).map(rel).join(' -> ')}`);
      return;
    }
    state.set(f, 1);
    stack.push(f);
    for (const g of graph.get(f) ?? []) if (graph.has(g)) visit(g);
    stack.pop();
    state.set(f, 2);
  };
  for (const f of files) visit(f);
}

// 4. focused tests
for (const f of [...walk(join(root, 'packages')), ...walk(join(root, 'apps'))]) {
  if (!/\.test\.ts$/.test(f)) continue;
  if (/\b(it|test|describe)\.only\(/.test(readFileSync(f, 'utf8'))) problems.push(`${rel(f)}: focused test (.only)`);
}

if (problems.length) {
  for (const p of problems) console.error(`lint: ${p}`);
  process.exit(1);
}
console.log(`lint: ${coreFiles.length} core files pure, dependencies one way, no cycles`);

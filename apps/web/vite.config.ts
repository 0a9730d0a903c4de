/**
 * The web app's build: two HTML pages (the app, and the "what fits" widget a retailer frames),
 * one plain script (widget.js, the one-tag embed, at a fixed URL so a retailer can link it), and
 * a report of the JavaScript each page loads first, gzipped, printed and written to
 * dist/bundle-report.json (the browser tests hold the kit and fit pages to their budget with it).
 */
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

interface ChunkInfo {
  readonly code: string;
  readonly imports: readonly string[];
}

/** Gzipped bytes of a chunk and everything it imports statically: what loads before it runs. */
function firstLoad(name: string, chunks: ReadonlyMap<string, ChunkInfo>, seen = new Set<string>()): number {
  if (seen.has(name)) return 0;
  seen.add(name);
  const c = chunks.get(name);
  if (!c) return 0;
  return gzipSync(c.code, { level: 9 }).length + c.imports.reduce((s, i) => s + firstLoad(i, chunks, seen), 0);
}

function bundleReport(): Plugin {
  return {
    name: 'micropurse-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      const named: { file: string; name: string; entry: boolean }[] = [];
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks.set(file, { code: out.code, imports: out.imports });
        named.push({ file, name: out.name, entry: out.isEntry || out.isDynamicEntry });
      }
      // Workers are emitted as assets by the worker plugin; count them by their file.
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type === 'asset' && file.endsWith('.js')) {
          const code = typeof out.source === 'string' ? out.source : Buffer.from(out.source).toString('utf8');
          chunks.set(file, { code, imports: [] });
          named.push({ file, name: out.names[0] ?? file, entry: true });
        }
      }
      const rows = named.filter((n) => n.entry).map((n) => ({ name: n.name, file: n.file, own_gz: firstLoad(n.file, new Map([[n.file, { code: chunks.get(n.file)!.code, imports: [] }]])), first_load_gz: firstLoad(n.file, chunks) }));
      const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
      const lines = rows.sort((a, b) => a.name.localeCompare(b.name)).map((r) => `  ${r.name.padEnd(16)} ${kb(r.own_gz).padStart(9)} own  ${kb(r.first_load_gz).padStart(9)} with its static imports   ${r.file}`);
      this.info(`JavaScript gzipped, by entry and lazy chunk:\n${lines.join('\n')}`);
      this.emitFile({ type: 'asset', fileName: 'bundle-report.json', source: JSON.stringify({ chunks: rows }, null, 2) });
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // three.js alone is ~580 kB minified; it is its own lazy chunk, loaded only by the 3D view.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      input: { app: resolve(here, 'index.html'), widget: resolve(here, 'widget.html'), embed: resolve(here, 'src/widget/embed.ts') },
      output: { entryFileNames: (chunk) => (chunk.name === 'embed' ? 'widget.js' : 'assets/[name]-[hash].js') },
    },
  },
  worker: { format: 'es' },
  plugins: [bundleReport()],
});

/**
 * `micropurse import FILE`: a feed (or a dated listings file, for the trends) into the store, in
 * one transaction, with a progress bar on stderr. Every rejected row is reported (line, field, reason) and written beside the input as
 * FILE.rejects.csv; every good row is kept. A refused file (too large, an XML DOCTYPE, an unknown
 * format) exits with status 2 and leaves the store as it was.
 */
import { openSync, readFileSync, fstatSync, closeSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '@micropurse/core';
import { DEFAULT_MAX_FEED_BYTES, checkSize, importFeed, openStore, type ImportReject } from '@micropurse/store';
import { storeConfig } from '../config.js';
import { ProgressBar } from '../progress.js';

interface ImportOpts {
  json?: boolean;
  seen?: string;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description("import a feed into the store: the project's CSV, a Google Merchant feed (TSV or XML), schema.org JSON-LD, or a dated listings file (date,tier,price,currency,attributes...) for the trends")
    .argument('<file>', 'the feed; its format is read from its content')
    .option('--seen <yyyy-mm-dd>', 'when the feed was observed (default today)')
    .option('--json', 'print the report as JSON on stdout')
    .action(async (file: string, opts: ImportOpts) => {
      const seen = opts.seen ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(seen)) throw new InputError('--seen', `"${seen}" must be a date yyyy-mm-dd`);
      const bytes = readBounded(file);
      const bar = new ProgressBar(`importing ${basename(file)}`);
      const store = await openStore(storeConfig());
      let result;
      try {
        result = await importFeed(store, bytes, { source: basename(file), seen, onProgress: (done, total) => bar.update(done, total) });
      } finally {
        await store.close();
      }
      if (!result.ok) throw new InputError('file', `${file} was refused: ${result.reason}`);
      const report = result.report;
      bar.finish(report.rows, report.rows, `${report.accepted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected`);
      const rejects = report.rejects;
      const rejectsFile = rejects.length > 0 ? `${file}.rejects.csv` : null;
      if (rejectsFile) writeFileSync(rejectsFile, rejectsCsv(rejects));
      const out = {
        format: report.format,
        accepted: report.accepted,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: rejects.length,
        rejects,
        rejects_file: rejectsFile,
      };
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(out)}\n`);
        return;
      }
      const lines = [`${report.format}: ${out.accepted} new, ${out.updated} updated, ${out.unchanged} unchanged, ${out.rejected} rejected`];
      for (const r of rejects.slice(0, 20)) lines.push(`  line ${r.line}${r.id ? ` (${r.id})` : ''}: ${r.field}: ${r.reason}`);
      if (rejects.length > 20) lines.push(`  ... and ${rejects.length - 20} more`);
      if (rejectsFile) lines.push(`rejected rows written to ${rejectsFile}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

/** The file's bytes, refused before reading when it is larger than a feed may be. */
function readBounded(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new InputError('file', `cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const size = fstatSync(fd).size;
    const refusal = checkSize(size, DEFAULT_MAX_FEED_BYTES);
    if (refusal) throw new InputError('file', `${file} was refused: ${refusal}`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // Quote everything textual, and defuse formula-looking cells for whoever opens this in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

function rejectsCsv(rejects: readonly ImportReject[]): string {
  return ['line,id,field,reason', ...rejects.map((r) => [r.line, r.id, r.field, r.reason].map(csvCell).join(','))].join('\n') + '\n';
}

/**
 * `micropurse fit`: will these items fit in this bag? For people (a verdict, the reasons, a
 * table and ASCII views) and machines (--json; --batch FILE --json, the benchmark contract).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  DEFAULT_TIME_LIMIT_MS,
  InputError,
  bagDisplayName,
  type FitInput,
  type FitResult,
  type MissAdvice,
  adviseOnMiss,
  fitReport,
  type Interior,
  type Item,
  type BagRecord,
  describeMethod,
  describeWhyNot,
  reasonsForPeople,
  DEFAULT_ADVICE_TIME_LIMIT_MS,
  leaveBehind,
  fit,
  parseBatchInstance,
  parseKit,
} from '@micropurse/core';
import { boxFromDims, namedBag } from '../bags.js';
import { positiveNumber } from '../options.js';
import { bagLines, fmt, kitLine, layoutLines, VERDICT_WORD } from '../render.js';

interface FitOpts {
  bag?: string;
  bagDims?: string;
  items?: string;
  batch?: string;
  json?: boolean;
  timeLimitMs: number;
  adviceTimeLimitMs: number;
  leaveBehind?: boolean;
  columns: number;
}

export function registerFit(program: Command): void {
  program
    .command('fit')
    .description('check whether a kit fits in a bag, and show the layout')
    .option('--bag <name>', 'a bag from the built-in catalog, by id (b05) or name ("Nano Speedy")')
    .option('--bag-dims <WxHxD>', 'a box interior in mm, e.g. 100x70x30')
    .option('--items <list>', 'comma-separated items: id or name, "x2" for a quantity, ":3" for a priority, name=WxHxD for a custom item')
    .option('--batch <file>', 'answer every instance of a JSON array (bench format), one JSON line each; use with --json')
    .option('--leave-behind', 'the highest-priority part of the kit that fits (priorities as name:3; higher is more wanted)')
    .option('--json', 'print JSON on stdout')
    .option('--time-limit-ms <n>', 'search time budget per kit', positiveNumber('--time-limit-ms'), DEFAULT_TIME_LIMIT_MS)
    .option('--advice-time-limit-ms <n>', 'budget for the reasons and swaps when it does not fit', positiveNumber('--advice-time-limit-ms'), DEFAULT_ADVICE_TIME_LIMIT_MS)
    .option('--columns <n>', 'width of the ASCII views', positiveNumber('--columns'), 40)
    .action((opts: FitOpts) => {
      if (opts.batch !== undefined) {
        process.exitCode = runBatch(opts.batch, opts.timeLimitMs);
        return;
      }
      runOne(opts);
    });
}

function runBatch(file: string, timeLimitMs: number): number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError('--batch', `cannot read ${file}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError('--batch', `${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new InputError('--batch', `${file} must hold a JSON array of instances`);
  let bad = 0;
  data.forEach((raw: unknown, index: number) => {
    const parsed = parseBatchInstance(raw, index, timeLimitMs);
    if (!parsed.ok) {
      bad++;
      process.stderr.write(`micropurse: instance ${parsed.id}: ${parsed.field}: ${parsed.message}\n`);
      writeLine({ id: parsed.id, error: { field: parsed.field, message: parsed.message } });
      return;
    }
    const t0 = performance.now();
    const result = fit(parsed.input);
    const ms = performance.now() - t0;
    writeLine({
      id: parsed.id,
      verdict: result.verdict,
      placements: result.placements.map(({ name, x, y, z, w, h, d }) => ({ name, x, y, z, w, h, d })),
      ms: Math.round(ms * 1000) / 1000,
      reasons: result.reasons,
    });
  });
  return bad > 0 ? 2 : 0;
}

function writeLine(obj: unknown): void {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

function resolveBag(opts: FitOpts): { interior: Interior; record?: BagRecord } {
  if (opts.bag !== undefined && opts.bagDims !== undefined) throw new InputError('--bag', 'give --bag or --bag-dims, not both');
  if (opts.bagDims !== undefined) return { interior: boxFromDims(opts.bagDims, '--bag-dims') };
  if (opts.bag !== undefined) {
    const bag = namedBag(opts.bag, '--bag');
    return { interior: bag.interior, ...(bag.record ? { record: bag.record } : {}) };
  }
  throw new InputError('--bag', 'name a bag with --bag "Nano Speedy" or give its interior with --bag-dims 100x70x30');
}

function runOne(opts: FitOpts): void {
  const { interior, record } = resolveBag(opts);
  if (opts.items === undefined) throw new InputError('--items', 'list what you carry, e.g. --items "iPhone 15, lipstick, credit card x2"');
  const items = parseKit(opts.items, '--items');
  if (opts.leaveBehind) {
    runLeaveBehind(interior, record, items, opts);
    return;
  }
  const input: FitInput = { bag: interior, items, options: { timeLimitMs: opts.timeLimitMs } };
  const t0 = performance.now();
  const result = fit(input);
  const ms = performance.now() - t0;
  const advice = adviseOnMiss(interior, items, result, opts.adviceTimeLimitMs);
  if (opts.json) {
    writeLine(fitReport({ interior, ...(record ? { bag: { id: record.id, name: bagDisplayName(record) } } : {}), items, result, advice, ms }));
    return;
  }
  process.stdout.write(renderHuman(interior, record, items, result, advice, ms, opts.columns));
}

function runLeaveBehind(interior: Interior, record: BagRecord | undefined, items: Item[], opts: FitOpts): void {
  const result = leaveBehind({ bag: interior, items, options: { timeLimitMs: opts.adviceTimeLimitMs } });
  if (opts.json) {
    writeLine(result);
    return;
  }
  const out = [...bagLines(interior, record), kitLine(items, interior), ''];
  out.push(`Take (priority ${fmt(result.priority_kept)} of ${fmt(result.priority_total)}${result.exact ? ', the best there is' : ', the best found within the budget'}):`);
  out.push(`  ${result.keep.join(', ') || 'nothing'}`);
  out.push(result.leave.length > 0 ? `Leave behind:\n  ${result.leave.join(', ')}` : 'Leave nothing behind: everything fits.');
  out.push(...layoutLines(interior, result.placements, opts.columns));
  process.stdout.write(`${out.join('\n')}\n`);
}

function renderHuman(interior: Interior, record: BagRecord | undefined, items: Item[], result: FitResult, advice: MissAdvice, ms: number, columns: number): string {
  const out: string[] = [...bagLines(interior, record), kitLine(items, interior)];
  out.push('', `Verdict: ${VERDICT_WORD[result.verdict]}: ${describeMethod(result)} (${fmt(ms)} ms)`);
  for (const r of reasonsForPeople(advice.reasons)) out.push(`  - ${describeWhyNot(r)}`);
  const fitting = advice.swaps.filter((sw) => sw.verdict === 'fits');
  if (fitting.length > 0) {
    out.push('', 'Swaps that make it fit (least given up first):');
    for (const sw of fitting) out.push(`  - carry ${sw.with} instead of ${sw.replace}`);
  } else if (result.verdict === 'does-not-fit') {
    out.push('', 'No swap from the alternatives makes it fit; try `--leave-behind` with priorities.');
  }
  if (result.verdict === 'fits') out.push(...layoutLines(interior, result.placements, columns));
  return `${out.join('\n')}\n`;
}

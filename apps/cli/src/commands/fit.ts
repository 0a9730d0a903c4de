/**
 * `micropurse fit`: will these items fit in this bag? For people (a verdict, the reasons, a
 * table and ASCII views) and machines (--json; --batch FILE --json, the benchmark contract).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  DEFAULT_TIME_LIMIT_MS,
  InputError,
  type FitInput,
  type FitResult,
  type Interior,
  type Item,
  type BagRecord,
  bagDisplayName,
  describeMethod,
  describeWhyNot,
  DEFAULT_ADVICE_TIME_LIMIT_MS,
  swaps,
  whyNot,
  type Swap,
  type WhyNotResult,
  findBag,
  fit,
  bagInterior,
  constructionOf,
  parseBatchInstance,
  parseDimsText,
  parseKit,
  PIECE_LABELS,
  renderViews,
  WALL_MM,
  RIGID_FRAME_MM,
} from '@micropurse/core';
import { positiveNumber } from '../options.js';

interface FitOpts {
  bag?: string;
  bagDims?: string;
  items?: string;
  batch?: string;
  json?: boolean;
  timeLimitMs: number;
  adviceTimeLimitMs: number;
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
  if (opts.bagDims !== undefined) {
    const dims = parseDimsText(opts.bagDims);
    if (!dims) throw new InputError('--bag-dims', `"${opts.bagDims}" must read WxHxD in mm, e.g. 100x70x30`);
    if (!(dims.w > 0 && dims.h > 0 && dims.d > 0)) throw new InputError('--bag-dims', 'every dimension must be greater than 0 mm');
    return { interior: { shape: 'box', ...dims } };
  }
  if (opts.bag !== undefined) {
    const record = findBag(opts.bag, '--bag');
    return { interior: bagInterior(record), record };
  }
  throw new InputError('--bag', 'name a bag with --bag "Nano Speedy" or give its interior with --bag-dims 100x70x30');
}

function runOne(opts: FitOpts): void {
  const { interior, record } = resolveBag(opts);
  if (opts.items === undefined) throw new InputError('--items', 'list what you carry, e.g. --items "iPhone 15, lipstick, credit card x2"');
  const items = parseKit(opts.items, '--items');
  const input: FitInput = { bag: interior, items, options: { timeLimitMs: opts.timeLimitMs } };
  const t0 = performance.now();
  const result = fit(input);
  const ms = performance.now() - t0;
  const advice = adviseOnMiss(interior, items, result, opts.adviceTimeLimitMs);
  if (opts.json) {
    writeLine({
      verdict: result.verdict,
      placements: result.placements,
      reasons: advice.reasons,
      swaps: advice.swaps.map(({ replace, with: by, replace_id, with_id, give_up, verdict, placements }) => ({
        replace,
        with: by,
        ...(replace_id ? { replace_id } : {}),
        ...(with_id ? { with_id } : {}),
        give_up,
        verdict,
        placements,
      })),
      bag: { ...(record ? { id: record.id, name: bagDisplayName(record) } : {}), interior_mm: interior },
      items: items.map((it) => ({ ...(it.id ? { id: it.id } : {}), name: it.name, dims: it.dims, quantity: it.quantity })),
      stats: result.stats,
      ms: Math.round(ms * 1000) / 1000,
    });
    return;
  }
  process.stdout.write(renderHuman(interior, record, items, result, advice, ms, opts.columns));
}

interface Advice {
  reasons: WhyNotResult['reasons'];
  swaps: Swap[];
}

/** When a kit does not fit: why, in codes and numbers, and what to swap. Nothing more when it fits. */
function adviseOnMiss(bag: Interior, items: Item[], result: FitResult, timeLimitMs: number): Advice {
  if (result.verdict === 'fits') return { reasons: [], swaps: [] };
  const options = { timeLimitMs: timeLimitMs / 2 };
  const why = whyNot({ bag, items, result, options });
  if (result.verdict !== 'does-not-fit') return { reasons: why.reasons, swaps: [] };
  return { reasons: why.reasons, swaps: swaps({ bag, items, result, options }).swaps };
}

function describeShape(interior: Interior): string {
  switch (interior.shape) {
    case 'box':
      return 'box';
    case 'trapezoid':
      return `trapezoid (${fmt(interior.w_narrow)} mm at the ${interior.narrow_at})`;
    case 'half-moon':
      return 'half-moon';
    case 'round':
      return 'round';
    case 'cylinder':
      return 'cylinder (bucket)';
  }
}

function fmt(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function renderHuman(interior: Interior, record: BagRecord | undefined, items: Item[], result: FitResult, advice: Advice, ms: number, columns: number): string {
  const out: string[] = [];
  const dims = `${fmt(interior.w)} x ${fmt(interior.h)} x ${fmt(interior.d)} mm`;
  const shape = interior.shape === 'box' ? '' : `${describeShape(interior)}, `;
  if (record) {
    const ext = record.exterior;
    const construction = constructionOf(record);
    const frame = construction === 'rigid' ? ` and ${RIGID_FRAME_MM} mm of frame` : '';
    out.push(`Bag:     ${bagDisplayName(record)} (${record.id}), ${shape}interior ${dims}`);
    out.push(`         derived: exterior ${fmt(ext.w)} x ${fmt(ext.h)} x ${fmt(ext.d)} mm, ${construction} walls of ${WALL_MM[construction]} mm${frame}`);
  } else {
    out.push(`Bag:     ${shape}interior ${dims} (w x h x d)`);
  }
  if (interior.opening) out.push(`         opening ${fmt(interior.opening.length)} mm long, gaping ${fmt(interior.opening.gape)} mm`);
  if (interior.give) out.push(`         gives ${fmt(interior.give)} mm in depth`);
  const vol = items.reduce((s, it) => s + it.quantity * it.dims.w * it.dims.h * it.dims.d, 0);
  const pieces = items.reduce((s, it) => s + it.quantity, 0);
  const pct = Math.round((100 * vol) / (interior.w * interior.h * interior.d));
  out.push(`Kit:     ${pieces} piece${pieces === 1 ? '' : 's'}, ${fmt(vol / 1000)} cm³ (${pct}% of the interior)`);
  const verdictWord = { fits: 'FITS', 'does-not-fit': 'DOES NOT FIT', undecided: 'UNDECIDED' }[result.verdict];
  out.push('', `Verdict: ${verdictWord}: ${describeMethod(result)} (${fmt(ms)} ms)`);
  // People need each fact once: a bottleneck line says all that the engine's item-too-large does.
  const bottlenecks = new Set(advice.reasons.flatMap((r) => (r.code === 'bottleneck' ? [r.item] : [])));
  for (const r of advice.reasons) {
    if (r.code === 'item-too-large' && bottlenecks.has(r.item)) continue;
    out.push(`  - ${describeWhyNot(r)}`);
  }
  const fitting = advice.swaps.filter((sw) => sw.verdict === 'fits');
  if (fitting.length > 0) {
    out.push('', 'Swaps that make it fit (least given up first):');
    for (const sw of fitting) out.push(`  - carry ${sw.with} instead of ${sw.replace}`);
  } else if (result.verdict === 'does-not-fit') {
    out.push('', 'No swap from the alternatives makes it fit; try `--leave-behind` with priorities.');
  }
  if (result.verdict === 'fits' && result.placements.length > 0) {
    out.push('', '   piece                                   at x, y, z (mm)      size w x h x d (mm)');
    result.placements.forEach((p, i) => {
      const label = PIECE_LABELS[i % PIECE_LABELS.length]!;
      const name = p.name.length > 36 ? `${p.name.slice(0, 35)}…` : p.name;
      const at = `${fmt(p.x)}, ${fmt(p.y)}, ${fmt(p.z)}`;
      out.push(`   ${label} ${name.padEnd(37)} ${at.padEnd(20)} ${fmt(p.w)} x ${fmt(p.h)} x ${fmt(p.d)}`);
    });
    out.push('', renderViews(interior, result.placements, { columns }));
  }
  return `${out.join('\n')}\n`;
}

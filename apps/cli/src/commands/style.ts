/** `micropurse style`: which built-in micro-bags go with an outfit, ranked, with the reasons. */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import {
  COMPONENTS,
  DEFAULT_STYLE_TOP,
  InputError,
  TierSchema,
  WEIGHTS,
  WearModeSchema,
  builtinCatalogBags,
  parseKit,
  parseOutfit,
  scoreOutfit,
  styleContract,
  type Outfit,
  type Recommendation,
  type StyleResult,
} from '@micropurse/core';
import { fmt } from '../render.js';

interface StyleOpts {
  outfit?: string;
  json?: boolean;
  top: number;
  stack?: boolean;
  kit?: string;
  tier?: string;
  wearMode?: string;
}

export const DEFAULT_TOP = DEFAULT_STYLE_TOP;

function wholeNumber(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} must be a whole number of 1 or more, got "${value}"`);
    return n;
  };
}

function listOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const values = text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (values.length === 0) throw new InputError(flag, `name at least one of ${allowed.join(', ')}`);
  for (const v of values) if (!allowed.includes(v as T)) throw new InputError(flag, `"${v}" is not one of ${allowed.join(', ')}`);
  return values as T[];
}

function readOutfit(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError('--outfit', `cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError('--outfit', `${path} is not JSON: ${(e as Error).message}`);
  }
}

export function registerStyle(program: Command): void {
  program
    .command('style')
    .description('rank the built-in micro-bags for an outfit, with the reasons (and a stack to wear together)')
    .option('--outfit <file>', 'the outfit as JSON: {"occasion","garments":[{"category","silhouette","colors","pattern","material"}],"budget_usd"?}')
    .option('--json', 'print JSON on stdout')
    .option('--top <n>', 'how many bags to list', wholeNumber('--top'), DEFAULT_TOP)
    .option('--stack', 'also choose two or three bags to wear together')
    .option('--kit <list>', 'only bags that hold this kit (as for fit: "e03,e20" or names)')
    .option('--tier <list>', `only these tiers: ${TierSchema.options.join(', ')}`)
    .option('--wear-mode <list>', `only bags worn one of these ways: ${WearModeSchema.options.join(', ')}`)
    .action((opts: StyleOpts) => {
      if (opts.outfit === undefined) throw new InputError('--outfit', 'name the outfit file, e.g. --outfit outfit.json');
      let outfit: Outfit = parseOutfit(readOutfit(opts.outfit));
      if (opts.tier !== undefined) outfit = { ...outfit, tiers: listOf('--tier', opts.tier, TierSchema.options) };
      if (opts.wearMode !== undefined) outfit = { ...outfit, wear_modes: listOf('--wear-mode', opts.wearMode, WearModeSchema.options) };
      const kit = opts.kit === undefined ? undefined : parseKit(opts.kit, '--kit');
      const bags = builtinCatalogBags(new Date().toISOString().slice(0, 10));
      const result = scoreOutfit({ outfit, bags, ...(kit ? { kit } : {}) });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(styleContract(result, opts.top, opts.stack === true))}\n`);
        return;
      }
      process.stdout.write(render(outfit, result, result.recommendations.slice(0, opts.top), opts.stack === true, bags.length));
    });
}

const EXCLUSION_WORDS: Readonly<Record<StyleResult['excluded'][number]['code'], string>> = {
  'over-budget': 'over budget',
  'no-price': 'without a known price',
  tier: 'of another tier',
  'wear-mode': 'not worn the way asked',
  'kit-does-not-fit': 'too small for the kit',
  'kit-undecided': 'not proven to hold the kit',
};

function render(outfit: Outfit, result: StyleResult, top: readonly Recommendation[], stack: boolean, total: number): string {
  const o = result.outfit;
  const out = [
    `Outfit: ${outfit.occasion}, ${outfit.garments.length} garment${outfit.garments.length === 1 ? '' : 's'}; volume ${fmt(o.volume)}, neutrality ${fmt(o.neutrality)}, surface ${fmt(o.surface)}, busy ${fmt(o.busy)} (each 0-1)`,
    `Score = ${COMPONENTS.map((n) => `${n} ${WEIGHTS[n]}`).join(' + ')} (points; 100 at most)`,
  ];
  const counts = new Map<string, number>();
  for (const e of result.excluded) counts.set(EXCLUSION_WORDS[e.code], (counts.get(EXCLUSION_WORDS[e.code]) ?? 0) + 1);
  const left = [...counts].map(([words, n]) => `${n} ${words}`).join(', ');
  out.push(`${result.recommendations.length} of ${total} bags ranked${left ? `; left out: ${left}` : ''}`, '');
  if (top.length === 0) out.push('No bag meets the constraints.');
  else out.push(`${'     bag    brand and model'.padEnd(58)}${'score'.padStart(6)}  ${COMPONENTS.join('  ')}`);
  top.forEach((r, i) => {
    const parts = COMPONENTS.map((n) => fmt(r.components[n].points).padStart(n.length)).join('  ');
    out.push(`${String(i + 1).padStart(3)}. ${r.bag_id.padEnd(6)} ${`${r.brand} ${r.model}`.slice(0, 44).padEnd(45)} ${fmt(r.score).padStart(6)}  ${parts}`);
    for (const why of r.why) out.push(`       - ${why}`);
  });
  if (stack) {
    out.push('');
    if (!result.stack) out.push('Stack: no two of the best bags can be worn together (distinct ways, agreeing colours, one standout at most).');
    else {
      out.push(`Stack (${fmt(result.stack.score)}): ${result.stack.bags.map((b) => `${b.bag_id} ${b.wear_mode}`).join(' + ')}`);
      for (const why of result.stack.why) out.push(`       - ${why}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** `micropurse stack`: split a kit across two or three bags worn together. */
import type { Command } from 'commander';
import { DEFAULT_ADVICE_TIME_LIMIT_MS, InputError, parseKit, stackKit, type StackResult } from '@micropurse/core';
import { namedBags, type NamedBag } from '../bags.js';
import { positiveNumber } from '../options.js';
import { bagLines, kitLine, layoutLines, VERDICT_WORD } from '../render.js';

interface StackOpts {
  bags?: string;
  items?: string;
  json?: boolean;
  timeLimitMs: number;
  columns: number;
}

export function registerStack(program: Command): void {
  program
    .command('stack')
    .description('split a kit across two or three bags worn together')
    .option('--bags <list>', 'two or three bags, comma-separated: ids, names or WxHxD interiors')
    .option('--items <list>', 'the kit, as for fit')
    .option('--json', 'print JSON on stdout')
    .option('--time-limit-ms <n>', 'budget for the whole split', positiveNumber('--time-limit-ms'), DEFAULT_ADVICE_TIME_LIMIT_MS)
    .option('--columns <n>', 'width of the ASCII views', positiveNumber('--columns'), 32)
    .action((opts: StackOpts) => {
      if (opts.bags === undefined) throw new InputError('--bags', 'name two or three bags, e.g. --bags "Nano Speedy, Micro Lady Dior"');
      if (opts.items === undefined) throw new InputError('--items', 'list what you carry, e.g. --items "iPhone 15, lipstick"');
      const bags = namedBags(opts.bags, '--bags');
      if (bags.length < 2 || bags.length > 3) throw new InputError('--bags', `stacking takes 2 or 3 bags, got ${bags.length}`);
      const items = parseKit(opts.items, '--items');
      const result = stackKit({ bags: bags.map((b) => ({ name: b.name, interior: b.interior })), items, options: { timeLimitMs: opts.timeLimitMs } });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      process.stdout.write(render(bags, items, result, opts.columns));
    });
}

function render(bags: NamedBag[], items: Parameters<typeof kitLine>[0], result: StackResult, columns: number): string {
  const out = [kitLine(items), '', `Verdict: ${VERDICT_WORD[result.verdict]} across ${bags.length} bags`];
  for (const r of result.reasons) out.push(`  - ${describe(r)}`);
  result.bags.forEach((share, i) => {
    const bag = bags[i]!;
    out.push('', ...bagLines(bag.interior, bag.record, `Bag ${i + 1}:`), `         holds: ${share.items.join(', ') || 'nothing'}`);
    out.push(...layoutLines(bag.interior, share.placements, columns));
  });
  return `${out.join('\n')}\n`;
}

function describe(r: StackResult['reasons'][number]): string {
  switch (r.code) {
    case 'item-fits-no-bag':
      return `${r.name} fits none of the bags, even alone.`;
    case 'no-split':
      return `Every way of sharing the kit between the bags was tried (${r.tried}); none fits.`;
    case 'undecided-splits':
      return `${r.count} ways of sharing the kit could not be settled (time budget or curved walls).`;
    case 'time-limit':
      return `The time budget of ${r.limit_ms} ms ran out after ${r.tried} of ${r.splits} splits.`;
    case 'split-limit':
      return `${r.splits} possible splits is more than the exact search takes (${r.limit}); only a quick split was tried.`;
  }
}

/** `micropurse design`: the smallest interior that holds a kit, and the exterior to build around it. */
import type { Command } from 'commander';
import { ConstructionSchema, DEFAULT_ADVICE_TIME_LIMIT_MS, InputError, designInterior, describeReason, parseKit, type Construction, type Reason } from '@micropurse/core';
import { positiveNumber } from '../options.js';
import { dimsText, fmt, kitLine, layoutLines, VERDICT_WORD } from '../render.js';

interface DesignOpts {
  items?: string;
  width?: number;
  height?: number;
  depth?: number;
  construction: string;
  json?: boolean;
  timeLimitMs: number;
  columns: number;
}

export function registerDesign(program: Command): void {
  program
    .command('design')
    .description('the smallest interior (by volume) that holds a kit, and its exterior')
    .option('--items <list>', 'the kit, as for fit')
    .option('--width <mm>', 'hold the interior width at this', positiveNumber('--width'))
    .option('--height <mm>', 'hold the interior height at this', positiveNumber('--height'))
    .option('--depth <mm>', 'hold the interior depth at this', positiveNumber('--depth'))
    .option('--construction <kind>', 'soft, structured or rigid: sets the walls', 'soft')
    .option('--json', 'print JSON on stdout')
    .option('--time-limit-ms <n>', 'budget for the whole design', positiveNumber('--time-limit-ms'), DEFAULT_ADVICE_TIME_LIMIT_MS)
    .option('--columns <n>', 'width of the ASCII views', positiveNumber('--columns'), 40)
    .action((opts: DesignOpts) => {
      if (opts.items === undefined) throw new InputError('--items', 'list the kit to design for, e.g. --items "e03,e24"');
      const construction = ConstructionSchema.safeParse(opts.construction);
      if (!construction.success) throw new InputError('--construction', `"${opts.construction}" must be soft, structured or rigid`);
      const items = parseKit(opts.items, '--items');
      const fix = {
        ...(opts.width === undefined ? {} : { w: opts.width }),
        ...(opts.height === undefined ? {} : { h: opts.height }),
        ...(opts.depth === undefined ? {} : { d: opts.depth }),
      };
      const result = designInterior({ items, fix, construction: construction.data as Construction, options: { timeLimitMs: opts.timeLimitMs } });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ ...result, construction: construction.data })}\n`);
        return;
      }
      const out = [kitLine(items), ''];
      if (result.verdict === 'fits') {
        out.push(`Smallest interior: ${dimsText(result.interior_mm)} (${fmt(result.volume_mm3 / 1000)} cm³)${result.exact ? '' : ', the best found within the budget'}`);
        out.push(`Exterior (${construction.data}): ${dimsText(result.exterior_mm)}`);
        out.push(...layoutLines(result.interior_mm, result.placements, opts.columns));
      } else {
        out.push(`Verdict: ${VERDICT_WORD[result.verdict]} within the fixed sides`);
        for (const r of result.reasons) out.push(`  - ${r.code === 'item-exceeds-fix' ? `${r.name} does not fit within the fixed sides in any orientation.` : describeReason(r as Reason)}`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

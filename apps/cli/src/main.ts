import { Command } from 'commander';
import { registerBadges } from './commands/badges.js';
import { registerDesign } from './commands/design.js';
import { registerFit } from './commands/fit.js';
import { registerImport } from './commands/import.js';
import { registerKeys } from './commands/keys.js';
import { registerSearch } from './commands/search.js';
import { registerStack } from './commands/stack.js';
import { registerStyle } from './commands/style.js';
import { registerTrends } from './commands/trends.js';
import { registerWorker } from './commands/worker.js';
import { reportError } from './errors.js';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('micropurse')
    .description('Will my things fit in this micro-bag? Exact 3D packing with the layout as proof.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerFit(program);
  registerStack(program);
  registerDesign(program);
  registerSearch(program);
  registerImport(program);
  registerStyle(program);
  registerTrends(program);
  registerKeys(program);
  registerBadges(program);
  registerWorker(program);
  if (argv.length <= 2) {
    // Bare `micropurse` (and `npm start`): the commands and an example, as a success.
    process.stdout.write(`${program.helpInformation()}\nTry:\n  npx micropurse fit --bag "Nano Speedy" --items "iPhone 15, AirPods Pro 2, lipstick, credit card x2"\n`);
    return 0;
  }
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportError(e, (s) => process.stderr.write(s));
  }
}

import { Command } from 'commander';
import { registerFit } from './commands/fit.js';
import { reportError } from './errors.js';

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('micropurse')
    .description('Will my things fit in this micro-bag? Exact 3D packing with the layout as proof.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerFit(program);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return reportError(e, (s) => process.stderr.write(s));
  }
}

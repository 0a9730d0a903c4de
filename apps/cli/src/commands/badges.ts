/**
 * `micropurse badges --all`: every bag's "what fits" badges, computed where stale and stored.
 * On one machine with worker threads (--workers N), or, with REDIS_URL set, as BullMQ jobs for
 * `micropurse worker` processes. Resumable: Ctrl-C keeps every chunk already written, and the next
 * run skips what is current. With --json, prints the machine contract when done:
 * {"bags","items","computed","skipped","badges","per_s"}.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError } from '@micropurse/core';
import { openStore } from '@micropurse/store';
import { badgeStoreConfig, queueName } from '../badges/env.js';
import { runLocal } from '../badges/local-run.js';
import { planBags, planSubjects } from '../badges/plan.js';
import { ThreadPool } from '../badges/pool.js';
import { RateBar } from '../badges/rate-bar.js';
import { positiveNumber } from '../options.js';

interface BadgesOpts {
  all?: boolean;
  workers?: number;
  chunkSize?: number;
  kits: boolean;
  queue?: string;
  json?: boolean;
}

/** The exit status of a run stopped by Ctrl-C (128 + SIGINT), as a shell reports it. */
const EXIT_INTERRUPTED = 130;

export function registerBadges(program: Command): void {
  program
    .command('badges')
    .description('compute and store every bag\'s "what fits" badges (each item alone and the common kits); only what changed is recomputed')
    .option('--all', 'every bag of the catalog against every item (required)')
    .option('--workers <n>', 'worker threads on this machine (default: the cores)', positiveNumber('--workers'))
    .option('--chunk-size <bags>', 'bags per chunk (default: automatic)', positiveNumber('--chunk-size'))
    .option('--no-kits', 'badges for the items alone, not the common kits')
    .option('--queue <name>', 'with REDIS_URL: the BullMQ queue (default MICROPURSE_QUEUE or micropurse-badges)')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (opts: BadgesOpts) => {
      if (!opts.all) throw new InputError('--all', 'say --all: badges are computed for the whole catalog');
      const workers = Math.floor(opts.workers ?? availableParallelism());
      const redisUrl = process.env['REDIS_URL'];
      const started = Date.now();
      // On this machine, threads start loading the engine first, while the store opens and the
      // run is planned.
      const pool = redisUrl ? null : new ThreadPool(workers);
      // Closed here, whatever happens.
      try {
        const store = await openStore(badgeStoreConfig());
        const controller = new AbortController();
        const onSigint = () => {
          process.stderr.write('\ninterrupted: finishing the chunk being written; run again to resume\n');
          controller.abort();
        };
        process.once('SIGINT', onSigint);
        try {
          const sp = await planSubjects(store, opts.kits);
          pool?.setSubjects(sp.subjects);
          const plan = await planBags(store, sp, { parallel: workers, ...(opts.chunkSize ? { chunkBags: Math.floor(opts.chunkSize) } : {}) });
          const bar = new RateBar('badges', plan.expected);
          const log = (s: string) => process.stderr.write(s);
          const result = pool
            ? await runLocal(store, plan, pool, bar, controller.signal)
            : // BullMQ is loaded only for a queued run: every other command starts without it.
              await (await import('../badges/queue-run.js')).runQueued(redisUrl!, queueName(opts.queue), plan, bar, controller.signal, log);
          // A run with nothing to compute shows no bar.
          if (plan.pending > 0) bar.finish(result.computed);
          const seconds = (Date.now() - started) / 1000;
          const summary = {
            bags: plan.bags,
            items: plan.subjects.length,
            computed: result.computed,
            skipped: plan.skipped,
            badges: await store.badges.count(),
            per_s: Math.round(result.computed / Math.max(seconds, 1e-3)),
          };
          if (result.interrupted) {
            process.stderr.write(`stopped with ${result.computed} of ${plan.expected} computed; run the same command again to go on\n`);
            process.exitCode = EXIT_INTERRUPTED;
            return;
          }
          if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else {
            process.stdout.write(
              `${summary.badges} badges for ${summary.bags} bags x ${summary.items} items and kits: ${summary.computed} computed, ${summary.skipped} current (skipped), ${summary.per_s}/s\n`,
            );
          }
        } finally {
          process.off('SIGINT', onSigint);
          await store.close();
        }
      } finally {
        await pool?.close();
      }
    });
}

/**
 * `micropurse worker`: takes badge chunks from the BullMQ queue (REDIS_URL) and writes them to
 * the store (DATABASE_URL, or the embedded store), until stopped with SIGINT or SIGTERM, when it
 * finishes the chunks in hand first. Start as many as there are cores, on as many machines as
 * reach Redis and the database.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError } from '@micropurse/core';
import { openStore } from '@micropurse/store';
import { badgeStoreConfig, lockMs, queueName } from '../badges/env.js';
import { positiveNumber } from '../options.js';

interface WorkerOpts {
  concurrency?: number;
  queue?: string;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take badge chunks from the BullMQ queue at REDIS_URL and store them (see badges)')
    .option('--concurrency <n>', 'computing threads (default 1; run a process per core); one chunk more is held, to be written while they compute', positiveNumber('--concurrency'))
    .option('--queue <name>', 'the BullMQ queue (default MICROPURSE_QUEUE or micropurse-badges)')
    .action(async (opts: WorkerOpts) => {
      const redisUrl = process.env['REDIS_URL'];
      if (!redisUrl) throw new InputError('REDIS_URL', 'set REDIS_URL (redis://host:6379) to the Redis the badges command queues on');
      const concurrency = Math.max(1, Math.min(Math.floor(opts.concurrency ?? 1), availableParallelism() * 4));
      // BullMQ is loaded here, not at start: the other commands start without it.
      const { startBadgeWorker } = await import('../badges/queue-worker.js');
      const store = await openStore(badgeStoreConfig());
      const log = (s: string) => process.stderr.write(s);
      const queue = queueName(opts.queue);
      const worker = startBadgeWorker(store, { redisUrl, queue, concurrency, lockMs: lockMs(), log });
      log(`worker ${process.pid} taking badge chunks from "${queue}"\n`);
      const stop = () => {
        log(`worker ${process.pid} stopping after the chunks in hand\n`);
        void worker.close();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await worker.closed;
      await store.close();
    });
}

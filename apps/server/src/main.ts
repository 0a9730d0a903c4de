/**
 * The server process (`npm start`): configuration from the environment, the store (opened,
 * migrated and, when new, seeded), the app on HOST:PORT, the URL on stdout. SIGTERM or SIGINT
 * stops it gracefully: no new connections, in-flight requests finished, then the store closed.
 */
import { openStore } from '@micropurse/store';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';

/** After a stop signal, how long in-flight requests get before the process ends anyway, ms. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config;
  try {
    config = readConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`micropurse-server: ${e.message}\n`);
    process.exitCode = 2;
    return;
  }
  let store;
  try {
    store = await openStore(config.store);
  } catch (e) {
    process.stderr.write(`micropurse-server: cannot open the store (${config.store.databaseUrl ? 'DATABASE_URL' : config.store.dataDir}): ${(e as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const app = createApp({ store, config });
  app.addHook('onClose', async () => {
    await store.close();
  });
  if (config.redisUrl) app.log.warn('REDIS_URL is set, but nothing uses it yet: rate limits are counted per process');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing in-flight requests');
    setTimeout(() => {
      app.log.error('in-flight requests outlived the grace period; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => app.log.info('stopped'),
      (e: unknown) => {
        app.log.error({ err: e }, 'stopping failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (e) {
    process.stderr.write(`micropurse-server: cannot listen on ${config.host}:${config.port}: ${(e as Error).message}\n`);
    await app.close();
    process.exitCode = 1;
    return;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const seeded = store.setup.seeded ? ', new and seeded from the built-in data' : '';
  process.stdout.write(`micropurse API listening on ${url} (docs ${url}/docs; store: ${store.kind}${seeded})\n`);
}

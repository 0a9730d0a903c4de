/**
 * `micropurse keys`: the API keys that open the server's write endpoints (POST /v1/imports).
 * `create` prints the key once (the store keeps only its SHA-256 hash); `list` shows every key
 * without its secret; `revoke` closes one for good.
 */
import type { Command } from 'commander';
import { InputError } from '@micropurse/core';
import { openStore, type ApiKeyRecord, type Store } from '@micropurse/store';
import { storeConfig } from '../config.js';

interface JsonOpt {
  json?: boolean;
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeConfig());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const print = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function status(k: ApiKeyRecord): string {
  return k.revoked_at === null ? 'active' : `revoked ${k.revoked_at}`;
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('API keys for the server\'s write endpoints');

  keys
    .command('create')
    .description('make a new key and print it (once: only its hash is kept)')
    .requiredOption('--name <name>', 'what the key is for, e.g. "shop feed"')
    .option('--json', 'print JSON on stdout')
    .action(async (opts: JsonOpt & { name: string }) => {
      const created = await withStore((s) => s.apiKeys.create(opts.name));
      if (opts.json) return print(JSON.stringify(created));
      print(`Created ${created.id} (${created.name}). The key, shown this once; keep it secret:\n\n  ${created.key}\n\nSend it as "Authorization: Bearer <key>" (or "X-API-Key: <key>").`);
    });

  keys
    .command('list')
    .description('list the keys (never their secrets)')
    .option('--json', 'print JSON on stdout')
    .action(async (opts: JsonOpt) => {
      const list = await withStore((s) => s.apiKeys.list());
      if (opts.json) return print(JSON.stringify({ keys: list }));
      if (list.length === 0) return print('No API keys yet: micropurse keys create --name "shop feed"');
      const lines = list.map((k) => `  ${k.id}  ${k.prefix}...  ${k.name.slice(0, 30).padEnd(30)}  created ${k.created_at}  last used ${k.last_used_at ?? 'never'}  ${status(k)}`);
      print(`${list.length} key${list.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
    });

  keys
    .command('revoke')
    .description('revoke a key by its id (key_...)')
    .argument('<id>', 'the key\'s id, as `keys list` shows it')
    .option('--json', 'print JSON on stdout')
    .action(async (id: string, opts: JsonOpt) => {
      const revoked = await withStore((s) => s.apiKeys.revoke(id));
      if (!revoked) throw new InputError('id', `no key "${id}"; \`micropurse keys list\` shows the ids`);
      if (opts.json) return print(JSON.stringify(revoked));
      print(`Revoked ${revoked.id} (${revoked.name}) at ${revoked.revoked_at ?? ''}.`);
    });
}

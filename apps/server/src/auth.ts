/**
 * API keys on the write endpoints: `Authorization: Bearer <key>` or `X-API-Key: <key>`, checked
 * against the store's hashes before the body is read (an onRequest hook), so that an
 * unauthenticated upload costs the server nothing. Keys are made with `micropurse keys create`.
 */
import type { ApiKeyRecord, Store } from '@micropurse/store';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from './problems.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The key that opened this request, on the write endpoints. */
    apiKey: ApiKeyRecord | null;
  }
}

function presentedKey(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m) return m[1];
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header.trim() : undefined;
}

export function requireApiKey(store: Pick<Store, 'apiKeys'>) {
  return async (request: FastifyRequest): Promise<void> => {
    const key = presentedKey(request);
    if (key === undefined) throw unauthorized('This endpoint needs an API key: send "Authorization: Bearer <key>" (`micropurse keys create --name NAME` makes one).');
    const record = await store.apiKeys.verify(key);
    if (!record) throw unauthorized('The API key is wrong or has been revoked.');
    request.apiKey = record;
  };
}

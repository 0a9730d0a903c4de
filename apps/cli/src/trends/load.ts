/**
 * Where `micropurse trends` gets its listings: a listings CSV (--listings FILE), or else the
 * store's listings joined with their bags' attributes (MICROPURSE_DATA_DIR / DATABASE_URL).
 * Bad rows of a file are reported on stderr, each with its line, column and reason, and left out;
 * with --strict any bad row fails the command (exit 2). A query naming an attribute no listing
 * has is refused with the attributes there are, since it is most likely misspelt.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { InputError, assertKnownAttributes, type TrendListing, type TrendQuery } from '@micropurse/core';
import { DEFAULT_MAX_FEED_BYTES, checkSize, openStore, parseListingsFile, trendListingsFromStore } from '@micropurse/store';
import { storeConfig } from '../config.js';

export interface SourceOpts {
  listings?: string;
  strict?: boolean;
}

function readBounded(file: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new InputError('--listings', `cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const refusal = checkSize(fstatSync(fd).size, DEFAULT_MAX_FEED_BYTES);
    if (refusal) throw new InputError('--listings', `${file} was refused: ${refusal}`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function readListingsFile(file: string, strict: boolean, stderr: (s: string) => void): TrendListing[] {
  const parsed = parseListingsFile(readBounded(file));
  if (!parsed.ok) throw new InputError('--listings', `${file} was refused: ${parsed.reason}`);
  for (const r of parsed.rejects) stderr(`micropurse: ${file} line ${r.line}: ${r.field}: ${r.reason}\n`);
  const first = parsed.rejects[0];
  if (first && strict) {
    throw new InputError('--listings', `${file} has ${parsed.rejects.length} bad row(s), the first on line ${first.line} (${first.field}); --strict accepts none`);
  }
  if (first) stderr(`micropurse: ${parsed.rejects.length} bad row(s) of ${file} left out\n`);
  if (parsed.listings.length === 0) throw new InputError('--listings', `${file} has no usable listings`);
  return parsed.listings;
}

export async function loadListings(opts: SourceOpts, query: TrendQuery, stderr: (s: string) => void): Promise<TrendListing[]> {
  let listings: TrendListing[];
  if (opts.listings !== undefined) listings = readListingsFile(opts.listings, opts.strict === true, stderr);
  else {
    const store = await openStore(storeConfig());
    try {
      listings = await trendListingsFromStore(store);
    } finally {
      await store.close();
    }
    if (listings.length === 0) {
      throw new InputError('--listings', 'the store has no dated listings yet: import feeds with `micropurse import FILE --seen yyyy-mm-dd`, or pass --listings FILE');
    }
  }
  assertKnownAttributes(listings, query, '--attribute');
  return listings;
}

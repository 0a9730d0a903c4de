/**
 * Prices: Merchant Center's "1690.00 USD", "1,690.00 USD", "USD 1690", "1690 EUR", and the bare
 * amounts of the project's CSV (price_usd) and of schema.org offers, with their ISO 4217 code.
 * Currency symbols are refused rather than guessed ("$" is USD, CAD, AUD...).
 */
import { quote } from './cell-text.js';
import { plainNumber, type NumberRead } from './numbers.js';

/** A price above this is an error in the feed, not a bag (the draft schema's own limit). */
export const MAX_PRICE = 1_000_000;

const SIGNED = /^(-\s*)?(.*)$/s;

export function readAmount(text: string): NumberRead<{ amount: number }> {
  const [, minus, digits = ''] = SIGNED.exec(text) ?? [];
  const value = plainNumber(digits);
  if (value === null) return { kind: 'bad', reason: `is ${quote(text)}, not a price such as "1690.00".` };
  if (minus !== undefined) return { kind: 'negative', reason: `is negative (${quote(text)}); a price is 0 or more.` };
  if (!(value <= MAX_PRICE)) return { kind: 'bad', reason: `is ${quote(text)}, over ${MAX_PRICE.toLocaleString('en-US')}: not a bag's price.` };
  return { kind: 'ok', amount: value };
}

// The amount's class excludes letters, so each split is unique: linear time on any cell.
const CODE_FIRST = /^([A-Za-z]{3})([-\d.,\s]+)$/;
const CODE_LAST = /^([-\d.,\s]+)([A-Za-z]{3})$/;

/** "1690.00 USD" or "USD 1690": the amount and its currency code (upper case). */
export function readPrice(text: string): NumberRead<{ amount: number; currency: string }> {
  const m = CODE_FIRST.exec(text);
  const n = m ? null : CODE_LAST.exec(text);
  const amountText = m?.[2] ?? n?.[1];
  const code = m?.[1] ?? n?.[2];
  if (amountText === undefined || code === undefined) {
    return plainNumber(text.replace(/^-\s*/, '')) !== null
      ? { kind: 'bad', reason: `has no currency (${quote(text)}); write it as "1690.00 USD".` }
      : { kind: 'bad', reason: `is ${quote(text)}, not a price such as "1690.00 USD".` };
  }
  const amount = readAmount(amountText.trim());
  if (amount.kind === 'negative') return { kind: 'negative', reason: `is negative (${quote(text)}); a price is 0 or more.` };
  if (amount.kind !== 'ok') return amount;
  return { kind: 'ok', amount: amount.amount, currency: code.toUpperCase() };
}

export function readCurrency(text: string): NumberRead<{ currency: string }> {
  if (/^[A-Za-z]{3}$/.test(text)) return { kind: 'ok', currency: text.toUpperCase() };
  return { kind: 'bad', reason: `is ${quote(text)}, not an ISO 4217 currency code such as "USD".` };
}

/**
 * GTINs (EAN-8, UPC-A, EAN-13, GTIN-14) with their GS1 check digit: a wrong one is a typo that
 * would otherwise match no product, or the wrong one.
 */
import { quote } from './cell-text.js';

export type GtinRead = { kind: 'ok'; gtin: string } | { kind: 'bad'; reason: string };

export function readGtin(text: string): GtinRead {
  if (!/^\d+$/.test(text) || ![8, 12, 13, 14].includes(text.length)) {
    return { kind: 'bad', reason: `is ${quote(text)}, not a GTIN: expected 8, 12, 13 or 14 digits.` };
  }
  if (gtinCheckDigit(text.slice(0, -1)) !== Number(text.at(-1))) return { kind: 'bad', reason: `is ${quote(text)}, whose check digit is wrong.` };
  return { kind: 'ok', gtin: text };
}

/** The GS1 check digit for the digits before it: weights 3, 1, 3... from the right. */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}

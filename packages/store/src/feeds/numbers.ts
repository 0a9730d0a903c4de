/**
 * Plain numbers as feeds write them: "16", "16.5", "1,690.00" (comma thousands), "16,5" (a
 * decimal comma with one or two decimals), "1.690,00" (dot thousands with a decimal comma). No
 * exponents, no "NaN" or "Infinity", no sign: callers read the sign themselves, since a minus is
 * a negative number in one place and a formula in another. A lone dot is always a decimal point,
 * as in Merchant Center's own examples ("15.00 USD").
 */
const INTEGER = /^\d+$/;
const DOT_DECIMAL = /^\d+\.\d+$/;
const COMMA_THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DOT_THOUSANDS_COMMA_DECIMAL = /^\d{1,3}(?:\.\d{3})+,\d+$/;
const COMMA_DECIMAL = /^\d+,\d{1,2}$/;

/** The value of an unsigned plain number, null when `text` is not one. May be Infinity for absurdly long digit strings. */
export function plainNumber(text: string): number | null {
  if (INTEGER.test(text) || DOT_DECIMAL.test(text)) return Number(text);
  if (COMMA_THOUSANDS.test(text)) return Number(text.replaceAll(',', ''));
  if (DOT_THOUSANDS_COMMA_DECIMAL.test(text)) return Number(text.replaceAll('.', '').replace(',', '.'));
  if (COMMA_DECIMAL.test(text)) return Number(text.replace(',', '.'));
  return null;
}

/** A read of a number-bearing field: the value, or a negative number, or text that is not one. */
export type NumberRead<T> = ({ kind: 'ok' } & T) | { kind: 'negative'; reason: string } | { kind: 'bad'; reason: string };

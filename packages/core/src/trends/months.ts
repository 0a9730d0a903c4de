/**
 * Months as integers, so that curves line up by arithmetic: index = 12 * year + (month - 1).
 * "2021-03" is 24254; the month after "2021-12" is "2022-01".
 */

/** The month index of a date "yyyy-mm-dd" or a month "yyyy-mm" (already validated by a schema). */
export function monthIndex(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return year * 12 + (month - 1);
}

/** "yyyy-mm" of a month index. */
export function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The calendar month 1-12 of a month index. */
export function calendarMonth(index: number): number {
  return index - Math.floor(index / 12) * 12 + 1;
}

/** A period's label: the month, "2021-Q3" or "2021". */
export function periodLabel(index: number, period: 'month' | 'quarter' | 'year'): string {
  const year = Math.floor(index / 12);
  if (period === 'year') return String(year);
  if (period === 'quarter') return `${year}-Q${Math.floor((calendarMonth(index) - 1) / 3) + 1}`;
  return monthLabel(index);
}


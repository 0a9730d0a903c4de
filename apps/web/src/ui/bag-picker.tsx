/** A catalog bag chooser: the catalog's first hundred bags by brand, in a native select (keyboard and screen-reader friendly everywhere). */
import type { BagSummary } from '@micropurse/core';
import { getBags } from '../api';
import { useAsync } from './use-async';

let cached: Promise<BagSummary[]> | undefined;
export function loadBagList(): Promise<BagSummary[]> {
  cached ??= getBags(new URLSearchParams({ limit: '100', sort: 'volume' }))
    .then((p) => [...p.results].sort((a, b) => `${a.brand} ${a.model}`.localeCompare(`${b.brand} ${b.model}`)))
    .catch((e: unknown) => {
      cached = undefined;
      throw e;
    });
  return cached;
}

export function BagPicker({ id, label, value, onChange, extra }: { id: string; label: string; value: string; onChange: (bagId: string) => void; extra?: { id: string; name: string } }) {
  const bags = useAsync(loadBagList, []);
  const list = bags.data ?? [];
  const missing = value !== '' && !list.some((b) => b.bag_id === value);
  return (
    <label for={id}>
      {label}
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-busy={bags.loading}>
        <option value="">{bags.loading ? 'Loading the bags…' : bags.error ? 'The bags could not be loaded' : 'Choose a bag'}</option>
        {missing && <option value={value}>{extra?.id === value ? extra.name : value}</option>}
        {list.map((b) => (
          <option key={b.bag_id} value={b.bag_id}>
            {b.brand} {b.model}
          </option>
        ))}
      </select>
    </label>
  );
}

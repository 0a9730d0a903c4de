/** Add a custom item by its dims (mm), checked with the core's own DimsSchema messages. */
import { DimsSchema, type Dims } from '@micropurse/core';
import { useState } from 'preact/hooks';
import { cleanName } from './kit-state';

export function DimsInputs({ value, onInput, idPrefix, legend }: { value: Record<'w' | 'h' | 'd', string>; onInput: (v: Record<'w' | 'h' | 'd', string>) => void; idPrefix: string; legend: string }) {
  const words = { w: 'Width', h: 'Height', d: 'Depth' } as const;
  return (
    <fieldset class="dims">
      <legend>{legend}</legend>
      {(['w', 'h', 'd'] as const).map((k) => (
        <label key={k} for={`${idPrefix}-${k}`}>
          {words[k]} (mm)
          <input id={`${idPrefix}-${k}`} type="number" inputMode="decimal" min="0.1" step="any" value={value[k]} onInput={(e) => onInput({ ...value, [k]: e.currentTarget.value })} />
        </label>
      ))}
    </fieldset>
  );
}

/** The dims typed, or the first problem in words. */
export function readDims(v: Record<'w' | 'h' | 'd', string>): { dims: Dims } | { error: string } {
  const parsed = DimsSchema.safeParse({ w: v.w === '' ? undefined : Number(v.w), h: v.h === '' ? undefined : Number(v.h), d: v.d === '' ? undefined : Number(v.d) });
  if (parsed.success) return { dims: parsed.data };
  const issue = parsed.error.issues[0]!;
  const side = { w: 'Width', h: 'Height', d: 'Depth' }[String(issue.path[0]) as 'w' | 'h' | 'd'] ?? 'A side';
  return { error: `${side} ${issue.message}.` };
}

export function CustomItemForm({ onAdd }: { onAdd: (name: string, dims: Dims) => void }) {
  const [name, setName] = useState('');
  const [dims, setDims] = useState({ w: '', h: '', d: '' });
  const [error, setError] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const n = cleanName(name);
    if (n === '') return setError('Give the item a name.');
    const r = readDims(dims);
    if ('error' in r) return setError(r.error);
    setError(null);
    onAdd(n, r.dims);
    setName('');
    setDims({ w: '', h: '', d: '' });
  };
  return (
    <form class="custom-item card" onSubmit={submit} aria-labelledby="custom-title">
      <h2 id="custom-title">Something else? Enter its size</h2>
      <label for="custom-name">
        Name
        <input id="custom-name" value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="e.g. keys" autoComplete="off" />
      </label>
      <DimsInputs value={dims} onInput={setDims} idPrefix="custom" legend="Size" />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">Add to my kit</button>
    </form>
  );
}

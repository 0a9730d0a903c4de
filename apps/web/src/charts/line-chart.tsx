/**
 * A small SVG line chart: several series over a shared x axis (month numbers), each with an
 * optional shaded band (an interval), linear or log y. Enough for adoption curves, price bands
 * and forecasts; the figure's text alternative is given by the caller.
 */
export interface Series {
  readonly label: string;
  readonly colour: string;
  readonly points: readonly { x: number; y: number }[];
  readonly band?: readonly { x: number; lo: number; hi: number }[];
  readonly dashed?: boolean;
}

interface Props {
  readonly series: readonly Series[];
  readonly xLabel: (x: number) => string;
  readonly yFormat: (y: number) => string;
  readonly log?: boolean;
  readonly yMin?: number;
  readonly yMax?: number;
  readonly label: string;
  /** A vertical rule (the forecast's start). */
  readonly marker?: number;
}

const W = 640;
const H = 260;
const M = { l: 56, r: 12, t: 12, b: 30 };

export function LineChart({ series, xLabel, yFormat, log, yMin, yMax, label, marker }: Props) {
  const xs = series.flatMap((s) => [...s.points.map((p) => p.x), ...(s.band ?? []).map((b) => b.x)]);
  const ys = series.flatMap((s) => [...s.points.map((p) => p.y), ...(s.band ?? []).flatMap((b) => [b.lo, b.hi])]).filter((y) => Number.isFinite(y) && (!log || y > 0));
  if (xs.length === 0 || ys.length === 0) return <p class="muted">No data to draw.</p>;
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const f = (y: number) => (log ? Math.log10(Math.max(y, 1e-9)) : y);
  const lo = yMin ?? Math.min(...ys);
  const hi = Math.max(yMax ?? Math.max(...ys), lo + 1e-6);
  // Round ticks: 1, 2, 2.5 or 5 times a power of ten apart (linear); 1, 2, 5 per decade (log).
  const niceStep = (raw: number) => {
    const p = 10 ** Math.floor(Math.log10(raw));
    return ([1, 2, 2.5, 5, 10].find((m) => m * p >= raw) ?? 10) * p;
  };
  const linStep = niceStep((hi - lo) / 4);
  const y0 = log ? f(lo) : Math.floor(lo / linStep) * linStep;
  const y1 = log ? f(hi) : Math.ceil(hi / linStep) * linStep;
  const sx = (x: number) => M.l + ((x - x0) / (x1 - x0)) * (W - M.l - M.r);
  const sy = (y: number) => H - M.b - ((f(y) - y0) / (y1 - y0)) * (H - M.t - M.b);
  const ticksY = log
    ? Array.from({ length: Math.ceil(y1) - Math.floor(y0) + 1 }, (_, i) => Math.floor(y0) + i).flatMap((e) => [1, 2, 5].map((m) => m * 10 ** e)).filter((t) => f(t) >= y0 - 1e-9 && f(t) <= y1 + 1e-9)
    : Array.from({ length: Math.round((y1 - y0) / linStep) + 1 }, (_, i) => y0 + i * linStep);
  const step = Math.max(1, Math.ceil((x1 - x0) / 6));
  const ticksX = Array.from({ length: Math.floor((x1 - x0) / step) + 1 }, (_, i) => x0 + i * step);
  const path = (pts: readonly { x: number; y: number }[]) => pts.filter((p) => !log || p.y > 0).map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {ticksY.map((t) => (
          <g key={t}>
            <line x1={M.l} x2={W - M.r} y1={sy(t)} y2={sy(t)} stroke="#ddd" />
            <text x={M.l - 6} y={sy(t)} text-anchor="end" dominant-baseline="central" font-size="11" fill="#333">
              {yFormat(t)}
            </text>
          </g>
        ))}
        {ticksX.map((t) => (
          <text key={t} x={sx(t)} y={H - 10} text-anchor="middle" font-size="11" fill="#333">
            {xLabel(t)}
          </text>
        ))}
        {marker !== undefined && <line x1={sx(marker)} x2={sx(marker)} y1={M.t} y2={H - M.b} stroke="#666" stroke-dasharray="4 3" />}
        {series.map((s) =>
          s.band && s.band.length > 1 ? (
            <path
              key={`${s.label}-band`}
              d={`${s.band.map((b, i) => `${i === 0 ? 'M' : 'L'}${sx(b.x).toFixed(1)},${sy(b.hi).toFixed(1)}`).join('')}${[...s.band].reverse().map((b) => `L${sx(b.x).toFixed(1)},${sy(b.lo).toFixed(1)}`).join('')}Z`}
              fill={s.colour}
              fill-opacity={0.15}
            />
          ) : null,
        )}
        {series.map((s) => (
          <path key={s.label} d={path(s.points)} fill="none" stroke={s.colour} stroke-width={2} stroke-dasharray={s.dashed ? '5 4' : undefined} />
        ))}
      </svg>
      <figcaption class="chart-legend">
        {series.map((s) => (
          <span key={s.label}>
            <span class="key" style={{ background: s.colour }} aria-hidden="true" /> {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

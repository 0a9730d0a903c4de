/**
 * Trends: how an attribute (size=micro, finish=metallic...) spreads from luxury to fast fashion:
 * its share of each tier's new listings with 95% intervals, how far each tier runs behind,
 * price bands by tier, and the Bass forecast with its interval. demo=1 asks the server for
 * seeded simulated listings when the store has none; the page then says the data is simulated.
 */
import { monthIndex, monthLabel, TREND_TIERS, type Tier } from '@micropurse/core';
import { useState } from 'preact/hooks';
import { getAdoption, getForecast, getLag, getPrices } from '../api';
import { LineChart, type Series } from '../charts/line-chart';
import { PageTitle } from '../ui/page-title';
import { ErrorBox, Loading } from '../ui/status';
import { useAsync } from '../ui/use-async';

const TIER_COLOUR: Record<Tier, string> = { luxury: '#6b2a7b', contemporary: '#1d5f99', 'fast-fashion': '#b33c0a' };
const pct = (y: number) => `${Math.round(y * 100)}%`;
const ATTRIBUTES = ['size=micro', 'size=mini', 'finish=metallic', 'novelty=true', 'wear=crossbody', 'category=bag-charm'];

function Adoption({ attribute }: { attribute: string }) {
  const r = useAsync(() => getAdoption(attribute), [attribute]);
  if (r.error) return <ErrorBox error={r.error} what="Adoption" />;
  if (!r.data) return <Loading />;
  const curves = r.data.data;
  const first = curves[0]?.points[0]?.month;
  if (!first) return <p class="muted">No listings match {attribute}.</p>;
  const base = monthIndex(first);
  const series: Series[] = curves.map((c) => ({
    label: c.tier,
    colour: TIER_COLOUR[c.tier],
    points: c.points.flatMap((p) => (p.share === null ? [] : [{ x: monthIndex(p.month) - base, y: p.share }])),
    band: c.points.flatMap((p) => (p.ci === null ? [] : [{ x: monthIndex(p.month) - base, lo: p.ci[0], hi: p.ci[1] }])),
  }));
  return (
    <>
      {r.data.simulated && <p class="note">Simulated listings (the store has none yet): a demonstration, not the market.</p>}
      <LineChart series={series} xLabel={(x) => monthLabel(base + x)} yFormat={pct} yMin={0} label={`Share of new listings with ${attribute}, by tier, by month, with 95% intervals`} />
    </>
  );
}

function Lag({ attribute }: { attribute: string }) {
  const r = useAsync(() => getLag(attribute), [attribute]);
  if (r.error) return <ErrorBox error={r.error} what="Lag" />;
  if (!r.data) return <Loading />;
  const lags = r.data.data;
  const max = Math.max(1, ...lags.flatMap((l) => (l.ci ? [Math.abs(l.ci[1]), Math.abs(l.ci[0])] : l.lag_months === null ? [] : [Math.abs(l.lag_months)])));
  const sx = (m: number) => 10 + (Math.max(0, m) / max) * 300;
  return (
    <ul class="lags">
      {lags.map((l) => (
        <li key={`${l.lead}-${l.follower}`}>
          <p>
            <strong>{l.follower}</strong> follows <strong>{l.lead}</strong>{' '}
            {l.lag_months === null ? <span class="muted">: {l.note ?? 'no lag could be measured'}</span> : <>by {l.lag_months.toFixed(1)} months{l.ci ? ` [${l.ci[0].toFixed(1)} to ${l.ci[1].toFixed(1)}]` : ''}</>}
          </p>
          {l.lag_months !== null && (
            <svg viewBox="0 0 330 22" class="lag-bar" role="img" aria-label={`${l.lag_months.toFixed(1)} months`}>
              <rect x={10} y={6} width={sx(l.lag_months) - 10} height={10} fill={TIER_COLOUR[l.follower]} />
              {l.ci && <line x1={sx(l.ci[0])} x2={sx(l.ci[1])} y1={11} y2={11} stroke="#111" stroke-width={2} />}
              {l.ci && <line x1={sx(l.ci[0])} x2={sx(l.ci[0])} y1={5} y2={17} stroke="#111" stroke-width={2} />}
              {l.ci && <line x1={sx(l.ci[1])} x2={sx(l.ci[1])} y1={5} y2={17} stroke="#111" stroke-width={2} />}
            </svg>
          )}
        </li>
      ))}
    </ul>
  );
}

function Prices({ attribute }: { attribute: string }) {
  const r = useAsync(() => getPrices(attribute), [attribute]);
  if (r.error) return <ErrorBox error={r.error} what="Prices" />;
  if (!r.data) return <Loading />;
  const bands = r.data.data;
  // One currency per chart: prices are never converted.
  const currencies = [...new Set(bands.map((b) => b.currency))];
  const currency = currencies.includes('USD') ? 'USD' : currencies[0];
  const shown = bands.filter((b) => b.currency === currency);
  const periods = [...new Set(shown.flatMap((b) => b.points.map((p) => p.period)))].sort();
  const at = (period: string) => periods.indexOf(period);
  const series: Series[] = shown.map((b) => ({
    label: `${b.tier} (${b.currency})`,
    colour: TIER_COLOUR[b.tier],
    points: b.points.map((p) => ({ x: at(p.period), y: p.median })),
    band: b.points.map((p) => ({ x: at(p.period), lo: p.q1, hi: p.q3 })),
  }));
  return <LineChart series={series} log xLabel={(x) => periods[x] ?? ''} yFormat={(y) => `${y >= 1000 ? `${y / 1000}k` : y}`} label={`Median price and quartiles in ${currency ?? 'their currency'} by tier, log scale`} />;
}

function Forecast({ attribute }: { attribute: string }) {
  const r = useAsync(() => Promise.all([getForecast(attribute), getAdoption(attribute)]), [attribute]);
  if (r.error) return <ErrorBox error={r.error} what="Forecast" />;
  if (!r.data) return <Loading>Fitting the curves…</Loading>;
  const [fc, ad] = r.data;
  const first = ad.data[0]?.points[0]?.month;
  if (!first) return <p class="muted">No listings match {attribute}.</p>;
  const base = monthIndex(first);
  const last = Math.max(...ad.data.flatMap((c) => c.points.map((p) => monthIndex(p.month) - base)));
  const series: Series[] = TREND_TIERS.flatMap((tier) => {
    const hist = ad.data.find((c) => c.tier === tier);
    const f = fc.data.find((t) => t.tier === tier);
    const out: Series[] = [];
    if (hist) out.push({ label: `${tier}`, colour: TIER_COLOUR[tier], points: hist.points.flatMap((p) => (p.share === null ? [] : [{ x: monthIndex(p.month) - base, y: p.share }])) });
    if (f && f.forecast.length > 0)
      out.push({ label: `${tier} forecast`, colour: TIER_COLOUR[tier], dashed: true, points: f.forecast.map((p) => ({ x: monthIndex(p.month) - base, y: p.share })), band: f.forecast.map((p) => ({ x: monthIndex(p.month) - base, lo: p.lo, hi: p.hi })) });
    return out;
  });
  return (
    <>
      <LineChart series={series} xLabel={(x) => monthLabel(base + x)} yFormat={pct} yMin={0} marker={last} label={`Share with ${attribute} by tier, history then a Bass forecast with its interval`} />
      <ul class="small">
        {fc.data.map((t) => (
          <li key={t.tier}>
            <strong>{t.tier}</strong>: {t.fit ? `saturates near ${pct(t.fit.m)}, half-adopted ${t.half_month ?? 'n/a'}` : (t.note ?? 'no fit')}
            {t.backtest?.bass.mae != null ? `; backtest MAE ${pct(t.backtest.bass.mae)} vs seasonal-naive ${t.backtest.seasonal_naive.mae != null ? pct(t.backtest.seasonal_naive.mae) : 'n/a'}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function TrendsPage() {
  const [text, setText] = useState('size=micro');
  const [attribute, setAttribute] = useState('size=micro');
  return (
    <>
      <PageTitle title="Trends" />
      <p class="lead">How a look trickles down from luxury to fast fashion.</p>
      <form class="card inline-form" onSubmit={(e) => (e.preventDefault(), setAttribute(text.trim() || 'size=micro'))} aria-label="Attribute">
        <label for="attribute">
          Attribute (KEY=VALUE)
          <input id="attribute" list="attribute-list" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <datalist id="attribute-list">{ATTRIBUTES.map((a) => <option key={a} value={a} />)}</datalist>
        </label>
        <button type="submit">Show</button>
      </form>
      <section class="card" aria-labelledby="t-adoption"><h2 id="t-adoption">Adoption by tier</h2><Adoption attribute={attribute} /></section>
      <section class="card" aria-labelledby="t-lag"><h2 id="t-lag">How far behind</h2><Lag attribute={attribute} /></section>
      <section class="card" aria-labelledby="t-prices"><h2 id="t-prices">Price bands</h2><Prices attribute={attribute} /></section>
      <section class="card" aria-labelledby="t-forecast"><h2 id="t-forecast">Forecast</h2><Forecast attribute={attribute} /></section>
    </>
  );
}

/**
 * The web app in a real browser against the real server: build a kit, a bag that fits (2D and
 * 3D), one that does not (reasons, a swap applied, leave-behind applied), the catalog with
 * filters, a bag page with its JSON-LD, stack, design, style, trends and the widget; then every
 * page at phone and desktop size, each screenshot saved and checked by axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, ensureBuilt, launchBrowser, screenshot, seriousViolations, startServer, type Running } from './browser-harness.js';

const run = browserAvailable();
const KIT = 'e03,e20,e37,e24 x2';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!run)('the web app in chromium', () => {
  let server: Running;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: DESKTOP });
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = (path: string) => page.goto(`${server.url}${path}`, { waitUntil: 'domcontentloaded' });
  const bigVerdict = () => page.locator('.verdict.big').first();

  it('builds a kit by searching as you type, keeps it in the URL and in local storage', async () => {
    await open('/');
    const add = async (text: string, name: RegExp) => {
      await page.getByLabel('Search the everyday items').fill(text);
      await page.getByRole('button', { name }).click();
    };
    await add('iphone 15', /^Add iPhone 15 phone/);
    await add('airpods pro 2', /^Add AirPods Pro 2/);
    await add('lipstick', /^Add Lipstick \(standard/);
    await add('credit card', /^Add Credit\/debit card/);
    await add('credit card', /^Add Credit\/debit card/);
    await expect.poll(() => page.locator('.kit-chip').textContent()).toBe('5 pieces in my kit');
    expect(new URL(page.url()).searchParams.get('kit')).toBe(KIT);

    // A custom item by its size, then gone again.
    await page.getByLabel('Name').fill('keys');
    await page.getByLabel('Width (mm)').first().fill('60');
    await page.getByLabel('Height (mm)').first().fill('30');
    await page.getByLabel('Depth (mm)').first().fill('15');
    await page.getByRole('button', { name: 'Add to my kit' }).click();
    expect(new URL(page.url()).searchParams.get('kit')).toBe(`${KIT},keys=60x30x15`);
    await page.getByRole('button', { name: 'Remove keys' }).click();

    // Back without the kit in the URL: local storage has it.
    await open('/kit');
    await expect.poll(() => page.locator('.kit-chip').textContent()).toBe('5 pieces in my kit');
    await expect.poll(() => page.locator('.kit-line').count()).toBe(4);
    await screenshot(page, 'desktop-kit-built');
  }, 60_000);

  it('shows a bag that fits: the verdict, the top and front views, and the 3D view on request only', async () => {
    const threeRequests: string[] = [];
    page.on('request', (r) => r.url().includes('three-scene') && threeRequests.push(r.url()));
    await open(`/fit?bag=b05&kit=${encodeURIComponent(KIT)}`);
    await expect.poll(() => bigVerdict().textContent(), { timeout: 15_000 }).toBe('Fits');
    expect(await page.locator('.view2d svg').count()).toBe(2);
    // Five pieces in each view, lettered A to E as the CLI letters them.
    expect(await page.locator('.view2d').first().locator('rect.piece').count()).toBe(5);
    expect(await page.locator('.legend li').count()).toBe(5);
    expect(threeRequests).toEqual([]);
    await page.getByRole('button', { name: 'Show in 3D' }).click();
    await expect.poll(() => page.locator('.canvas-host').getAttribute('data-state'), { timeout: 20_000 }).not.toBe('loading');
    expect(threeRequests.length).toBeGreaterThan(0);
    expect(await page.locator('.canvas-host').getAttribute('data-state')).toBe('ready');
    const canvas = page.locator('.canvas-host canvas');
    await canvas.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('+');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 20, { steps: 5 });
    await page.mouse.up();
    await screenshot(page, 'desktop-fit-3d');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('says why a kit does not fit, and a swap applied in one click changes the verdict', async () => {
    // Answered on the device by the worker (custom dims), the advice from the server.
    await open('/fit?dims=110x80x14&kit=e29,e38,e24');
    await expect.poll(() => bigVerdict().textContent(), { timeout: 15_000 }).toBe('Does not fit');
    await expect.poll(() => page.locator('.reasons li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('.answer').textContent()).toContain('answered on this device');
    expect(await page.locator('.reasons').textContent()).toContain('Micro wallet');
    await screenshot(page, 'desktop-fit-does-not-fit');
    await page.getByRole('button', { name: /^Apply: carry Magnetic phone card wallet/ }).click();
    await expect.poll(() => bigVerdict().textContent(), { timeout: 15_000 }).toBe('Fits');
    expect(new URL(page.url()).searchParams.get('kit')).toBe('e38,e24,e28');
  }, 60_000);

  it('leaves the least wanted things behind in one click, from a catalog bag', async () => {
    await open(`/fit?bag=b12&kit=${encodeURIComponent('e03:1,e20:3,e37:2')}`);
    await expect.poll(() => bigVerdict().textContent(), { timeout: 15_000 }).toBe('Does not fit');
    expect(await page.locator('.reasons').textContent()).toContain('iPhone 15');
    await page.getByRole('button', { name: 'What should I leave behind?' }).click();
    await expect.poll(() => page.locator('.leave').textContent(), { timeout: 15_000 }).toContain('Leave behind: iPhone 15');
    await page.getByRole('button', { name: /^Apply: leave/ }).click();
    await expect.poll(() => bigVerdict().textContent(), { timeout: 15_000 }).toBe('Fits');
    expect(new URL(page.url()).searchParams.get('kit')).toBe('e20:3,e37:2');
  }, 60_000);

  it('finds bags with filters, only those that hold my kit by default', async () => {
    await open(`/bags?kit=${encodeURIComponent(KIT)}`);
    const heading = page.locator('#results-title');
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toMatch(/^\d+ bags? hold your kit$/);
    const withKit = Number((await heading.textContent())!.split(' ')[0]);
    expect(withKit).toBeGreaterThan(0);
    expect(await page.locator('.bag-card svg.silhouette').count()).toBeGreaterThan(0);
    await page.getByLabel('Tier').selectOption('luxury');
    await expect.poll(async () => Number((await heading.textContent())!.split(' ')[0]), { timeout: 20_000 }).toBeLessThan(withKit);
    await expect.poll(() => page.locator('.bag-card').count()).toBeGreaterThan(0);
    const tiers = await page.locator('.bag-card .tier').allTextContents();
    expect(new Set(tiers)).toEqual(new Set(['luxury']));
    expect(new URL(page.url()).searchParams.get('tier')).toBe('luxury');
    await page.getByLabel('Fits my kit').uncheck();
    await expect.poll(() => heading.textContent(), { timeout: 20_000 }).toMatch(/^\d+ bags?$/);
    await screenshot(page, 'desktop-bags-filtered');
  }, 60_000);

  it('opens a bag page with what fits and the schema.org JSON-LD', async () => {
    await open('/bags/b05');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toContain('Nano Speedy');
    const ld = JSON.parse((await page.locator('script#bag-json-ld').textContent())!) as Record<string, unknown>;
    expect(ld['@type']).toBe('Product');
    expect(ld['name']).toBe('Louis Vuitton Nano Speedy');
    expect(await page.getByRole('heading', { name: 'What fits' }).count()).toBe(1);
    expect(await page.locator('.kits li').count()).toBeGreaterThan(0);
  }, 60_000);

  it('splits a kit across two bags worn together', async () => {
    await open(`/stack?bags=b01,b11&kit=${encodeURIComponent('e20,e37,e24 x2,e30,e43')}`);
    await expect.poll(() => page.locator('#stack-verdict').textContent(), { timeout: 20_000 }).toContain('across 2 bags');
    expect(await page.locator('.share').count()).toBe(2);
  }, 60_000);

  it('designs the smallest interior for a kit', async () => {
    await open(`/design?kit=${encodeURIComponent(KIT)}`);
    await expect.poll(() => page.locator('.facts').first().textContent(), { timeout: 20_000 }).toContain('147.6 × 71.6 × 29.5 mm');
    expect(await page.locator('.view2d svg').count()).toBe(2);
  }, 60_000);

  it('styles an outfit: ranked bags with the reasons', async () => {
    await open('/style');
    await page.getByRole('button', { name: 'Find the bags' }).click();
    await expect.poll(() => page.locator('.pick').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('.pick .why li').count()).toBeGreaterThan(0);
    expect(await page.locator('.pick').first().textContent()).toMatch(/proportion/);
  }, 60_000);

  it('draws the trends: adoption, lag, prices and forecast', async () => {
    await open('/trends');
    await expect.poll(() => page.locator('.chart svg').count(), { timeout: 30_000 }).toBe(3);
    await expect.poll(() => page.locator('.lags li').count(), { timeout: 30_000 }).toBe(3);
    expect(await page.locator('.note').first().textContent()).toContain('Simulated');
    expect(await page.locator('.lags').textContent()).toMatch(/contemporary follows luxury by \d/);
  }, 60_000);

  it('embeds the what-fits widget with one script tag', async () => {
    await open('/widget/b05');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe('What fits in the Louis Vuitton Nano Speedy');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'widget');
    const shop = await context.newPage();
    await shop.setContent(`<html lang="en"><head><title>Shop</title></head><body><h1>A bag</h1><script src="${server.url}/widget.js" data-bag="b05"></script></body></html>`);
    const frame = shop.locator('iframe[title="What fits in this bag"]');
    await expect.poll(() => frame.count(), { timeout: 10_000 }).toBe(1);
    // The frame takes the height the widget reports, not the default 320 px.
    await expect.poll(() => frame.evaluate('(f) => f.style.height'), { timeout: 20_000 }).not.toBe('320px');
    await shop.close();
  }, 60_000);

  const PAGES = [
    ['kit', '/'],
    ['fit', `/fit?bag=b05`],
    ['bags', '/bags'],
    ['bag', '/bags/b05'],
    ['stack', '/stack?bags=b01,b11'],
    ['design', '/design'],
    ['style', '/style'],
    ['trends', '/trends'],
  ] as const;

  for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`every page at ${label} size: a screenshot each, and no serious or critical axe violation`, async () => {
      const ctx = await browser.newContext({ viewport, ...(label === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}) });
      const p = await ctx.newPage();
      const failures: string[] = [];
      try {
        for (const [name, path] of PAGES) {
          const sep = path.includes('?') ? '&' : '?';
          await p.goto(`${server.url}${path}${sep}kit=${encodeURIComponent(KIT)}`, { waitUntil: 'networkidle' });
          if (name === 'style') {
            await p.getByRole('button', { name: 'Find the bags' }).click();
            await p.locator('.pick').first().waitFor({ timeout: 20_000 });
          }
          if (name === 'trends') await p.locator('.chart svg').nth(2).waitFor({ timeout: 30_000 });
          if (name === 'fit') await p.locator('.verdict.big').waitFor({ timeout: 15_000 });
          await screenshot(p, `${label}-${name}`);
          for (const v of await seriousViolations(p)) failures.push(`${name}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
          // Nothing wider than the screen on a phone: no sideways scrolling.
          if (label === 'phone') {
            const overflow = (await p.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
            if (overflow > 1) failures.push(`${name}: the page is ${overflow} px wider than the phone`);
          }
        }
      } finally {
        await ctx.close();
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});

import { gzipSync } from 'node:zlib';
import { isInputError } from '@micropurse/core';
import { describe, expect, it } from 'vitest';
import { checkSize, DEFAULT_MAX_FEED_BYTES, parseFeed, utf8ByteLength, type FeedParse } from '../src/feeds/index.js';

const opts = { source: 'refusals', seen: '2026-09-01' };
const GOOD_TSV = 'id\ttitle\tbrand\tproduct_length\tproduct_width\tproduct_height\na\tAcme Tiny\tAcme\t5 cm\t2 cm\t4 cm\n';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const cat = (...parts: (string | number[])[]): Uint8Array => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

function refusal(r: FeedParse): string {
  if (r.ok) throw new Error(`expected a refusal, got format ${r.format}`);
  return r.reason;
}

describe('size', () => {
  it('refuses a feed over maxBytes by its byte length, before decoding it', () => {
    const bytes = cat(GOOD_TSV, [0xff, 0xfe]);
    expect(refusal(parseFeed(bytes, { ...opts, maxBytes: 10 }))).toMatch(/^The feed is \d+ bytes, over the limit of 10 bytes\.$/);
    // UTF-16 text under the limit is refused for its encoding instead: the size came first above.
    expect(refusal(parseFeed(cat([0xff, 0xfe], GOOD_TSV), opts))).toMatch(/UTF-16/);
  });

  it('counts a string in UTF-8 bytes, not UTF-16 code units', () => {
    const s = 'é'.repeat(6);
    expect(utf8ByteLength(s)).toBe(12);
    expect(utf8ByteLength('😀\uD800')).toBe(7);
    expect(refusal(parseFeed(s, { ...opts, maxBytes: 11 }))).toMatch(/12 bytes/);
  });

  it('checkSize: null up to and at the limit, a reason above; 50 MiB by default', () => {
    expect(DEFAULT_MAX_FEED_BYTES).toBe(52_428_800);
    expect(checkSize(DEFAULT_MAX_FEED_BYTES)).toBeNull();
    expect(checkSize(DEFAULT_MAX_FEED_BYTES + 1)).toBe('The feed is 52,428,801 bytes, over the limit of 52,428,800 bytes.');
    expect(checkSize(10, 10)).toBeNull();
    expect(checkSize(11, 10)).toMatch(/over the limit/);
  });
});

describe('XML that could expand or reach out', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:title>&lol2;</g:title></item></channel></rss>`;
  const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:title>&xxe;</g:title></item></channel></rss>`;
  const publicDtd = `<!doctype rss PUBLIC "-//x//y" "http://example.com/rss.dtd"><rss xmlns:g="http://base.google.com/ns/1.0"><channel/></rss>`;
  const bareEntity = `<rss xmlns:g="http://base.google.com/ns/1.0"><!ENTITY x "y"><channel/></rss>`;

  it.each([
    ['billion laughs', laughs, /<!DOCTYPE/],
    ['an external entity', external, /<!DOCTYPE/],
    ['a lower-case public DTD', publicDtd, /<!DOCTYPE/],
    ['an entity declaration without a DOCTYPE', bareEntity, /<!ENTITY/],
  ])('refuses %s on the raw text', (_, xml, why) => {
    const reason = refusal(parseFeed(xml, opts));
    expect(reason).toMatch(why);
    expect(reason).toMatch(/refused/);
  });

  it('refuses XML declared in another encoding, Atom, RSS without the Merchant namespace, broken or absurdly deep XML', () => {
    expect(refusal(parseFeed('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>', opts))).toMatch(/ISO-8859-1/);
    expect(refusal(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0"></feed>', opts))).toMatch(/Atom/);
    expect(refusal(parseFeed('<rss version="2.0"><channel><item><g:id>a</g:id></item></channel></rss>', opts))).toMatch(/namespace/);
    expect(refusal(parseFeed('<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>a</g:id></item>', opts))).toMatch(/not well-formed/);
    expect(refusal(parseFeed('<svg xmlns="http://www.w3.org/2000/svg"/>', opts))).toMatch(/root element is <svg>/);
    expect(refusal(parseFeed('<!-- saved page --><!DOCTYPE html><html><head><meta charset="utf-8"></head></html>', opts))).toMatch(/HTML page.*ld\+json/);
    const deep = `<rss xmlns:g="http://base.google.com/ns/1.0">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</rss>`;
    expect(refusal(parseFeed(deep, opts))).toMatch(/could not be read/);
  });

  it('reads elements named like Object.prototype members without harm', () => {
    const xml = `<rss xmlns:g="http://base.google.com/ns/1.0"><channel><item><g:id>a</g:id><g:title>Acme Tiny</g:title><g:brand>Acme</g:brand><g:size>5x4x2 cm</g:size><constructor>x</constructor><__proto__><polluted>1</polluted></__proto__><g:__proto__>y</g:__proto__></item></channel></rss>`;
    const r = parseFeed(xml, opts);
    expect(r.ok && r.drafts).toHaveLength(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('what is not a UTF-8 text feed', () => {
  it.each([
    ['gzip', new Uint8Array(gzipSync(enc(GOOD_TSV))), /gzip/],
    ['zip or xlsx', cat([0x50, 0x4b, 0x03, 0x04], 'rest'), /zip/],
    ['an old Excel workbook', cat([0xd0, 0xcf, 0x11, 0xe0], 'rest'), /Excel/],
    ['UTF-16 with a BOM', cat([0xfe, 0xff], 'x'), /UTF-16/],
    ['UTF-16 without a BOM', new Uint8Array([...GOOD_TSV].flatMap((c) => [c.charCodeAt(0), 0])), /UTF-16/],
    ['empty', new Uint8Array(0), /empty/],
    ['blank', enc(' \n\t\r\n'), /empty/],
    ['prose', enc('Dear shop,\nplease find our bags attached.\n'), /not a recognised format/],
    ['a header that is not UTF-8', cat('id\ttit', [0xe9], 'le\tbrand\n'), /header row \(line 1\).*not valid UTF-8/],
    ['JSON that is not JSON', enc('{"@type": "Product",'), /not valid JSON/],
    ['JSON without a Product', enc('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}]}'), /no schema\.org Product/],
    ["the project's CSV without its dims", enc('id,brand,model,price_usd\nx,A,B,1\n'), /lacks exterior_w_mm, exterior_h_mm, exterior_d_mm/],
    ['a header naming a column twice', enc('id\ttitle\tbrand\tTitle\n'), /"title" twice/],
    ['a header naming a formula', enc('id,brand,model,exterior_w_mm,exterior_h_mm,exterior_d_mm,=HYPERLINK("x")\n'), /"=HYPERLINK\(\\"x\\"\)", which a spreadsheet would run as a formula/],
    ['a comma-separated Merchant feed', enc('id,title,brand,price\n'), /not tab-separated/],
    ['a Merchant header without id', enc('title\tbrand\tprice\n'), /no id column/],
  ])('refuses %s', (_, bytes, why) => {
    expect(refusal(parseFeed(bytes, opts))).toMatch(why);
  });
});

describe('the options', () => {
  it('throws InputError for a caller that passes bad ones: they are a bug, not a feed', () => {
    for (const bad of [{ ...opts, seen: '1/9/2026' }, { ...opts, source: ' ' }, { ...opts, maxBytes: -1 }]) {
      let thrown: unknown;
      try {
        parseFeed(GOOD_TSV, bad);
      } catch (e) {
        thrown = e;
      }
      expect(isInputError(thrown)).toBe(true);
    }
  });
});

describe('time', () => {
  it('stays linear on cells built to make regular expressions backtrack', () => {
    const run = (n: number): string => ' '.repeat(n);
    const cells = [`1x${run(200_000)}z`, `1x2x3${run(200_000)}cm`, `USD${run(200_000)}x`, `${run(200_000)}x USD`, `Acme${' -'.repeat(100_000)}b`, `a${' '.repeat(100_000)}b by Acme`];
    const rows = cells.map((c, i) => `r${i}\tAcme ${c}\tAcme\t${c}\t\t\t\t${c}`).join('\n');
    const start = performance.now();
    const r = parseFeed(`id\ttitle\tbrand\tprice\tproduct_length\tproduct_width\tproduct_height\tsize\n${rows}\n`, opts);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(r.ok && r.rejects).toHaveLength(cells.length);
  });
});

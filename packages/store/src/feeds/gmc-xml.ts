/**
 * Google Merchant Center's RSS 2.0 feed: <rss xmlns:g="http://base.google.com/ns/1.0">, a
 * <channel> of <item>s whose attributes are g: elements (g:id, g:title, g:price...). The RSS
 * <title> stands in for a missing g:title. Rejects name the attribute without its prefix
 * ("product_length"), and the item's 1-based position among the channel's items. A feed that is
 * not well-formed XML is refused whole: there is no telling which items a broken tag took with it.
 * Mapping: gmc-item.ts.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedContext, FeedParse, FeedRefusal } from './feed-types.js';
import { gmcDraft, gmcFieldOf } from './gmc-item.js';
import { readRows, type RowSource } from './read-rows.js';
import type { Cell } from './row-reader.js';
import { decodeXmlText, xmlRefusal } from './xml-guard.js';

export const GOOGLE_NS = 'http://base.google.com/ns/1.0';

/** Attributes an item may repeat; the first is read. */
const REPEATABLE = new Set(['product_type']);
// Names the parser refuses outright (prototype pollution); renamed so that one odd element costs nothing.
const CRITICAL = new Set(['__proto__', 'constructor', 'prototype']);
const rename = (name: string): string => (CRITICAL.has(name) ? `unsafe:${name}` : name);

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  maxNestedTags: 64,
  // No callback here needs the tag path, and building it for every tag doubles the parse time.
  jPath: false,
  transformTagName: rename,
  transformAttributeName: rename,
});

interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, unknown>>;
  children: readonly unknown[];
}

const refuse = (reason: string): FeedRefusal => ({ ok: false, reason });

export function parseGmcXml(text: string, ctx: FeedContext): FeedParse {
  if (isHtmlPage(text)) {
    return refuse('The feed is an HTML page; save the JSON-LD of its <script type="application/ld+json"> block as the feed instead.');
  }
  const refusal = xmlRefusal(text);
  if (refusal) return refuse(refusal);
  const valid = XMLValidator.validate(text);
  if (valid !== true) return refuse(`The XML is not well-formed: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}).`);
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (e) {
    return refuse(`The XML could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const root = elements(doc)[0];
  if (root === undefined) return refuse('The XML has no root element.');
  if (root.name !== 'rss') {
    return refuse(
      root.name === 'feed'
        ? 'The XML is an Atom feed; only RSS 2.0 Merchant feeds are read (export the feed as RSS 2.0 or TSV).'
        : `The XML's root element is <${root.name}>, not the <rss> of a Merchant feed.`,
    );
  }
  const prefix = googlePrefix(root.attrs);
  if (prefix === null) return refuse(`The RSS does not declare the Merchant namespace (xmlns:g="${GOOGLE_NS}"), so it is not a product feed.`);
  const channel = elements(root.children).find((e) => e.name === 'channel');
  if (channel === undefined) return refuse('The RSS has no <channel>.');
  return { ok: true, format: 'gmc-xml', ...readRows(itemRows(channel, prefix), ctx, gmcDraft, gmcFieldOf) };
}

function* itemRows(channel: XmlElement, prefix: string): Generator<RowSource> {
  let index = 0;
  for (const e of elements(channel.children)) if (e.name === 'item') yield itemRow(e, ++index, prefix);
}

/** Whether the first markup after leading comments opens an HTML page (no regex over comments: no backtracking). */
function isHtmlPage(text: string): boolean {
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (!text.startsWith('<!--', at)) break;
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = end + 3;
  }
  return /^<(?:!doctype\s+html|html)\b/i.test(text.slice(at, at + 20));
}

function googlePrefix(attrs: Readonly<Record<string, unknown>>): string | null {
  for (const [name, value] of Object.entries(attrs)) if (name.startsWith('xmlns:') && value === GOOGLE_NS) return name.slice('xmlns:'.length);
  return null;
}

function itemRow(item: XmlElement, index: number, prefix: string): RowSource {
  const byName = new Map<string, (readonly unknown[])[]>();
  const fields: [string, unknown][] = [];
  for (const child of elements(item.children)) {
    const name = child.name.startsWith(`${prefix}:`) ? child.name.slice(prefix.length + 1) : child.name;
    fields.push([name, child.children]);
    const key = child.name.startsWith(`${prefix}:`) ? name : `rss:${name}`;
    byName.set(key, [...(byName.get(key) ?? []), child.children]);
  }
  const cell = (field: string): Cell => {
    const found = byName.get(field) ?? (field === 'title' ? byName.get('rss:title') : undefined);
    if (found === undefined) return undefined;
    if (found.length > 1 && !REPEATABLE.has(field)) return { problem: `appears ${found.length} times in the item; it may appear once.` };
    return textOf(found[0]!);
  };
  return { line: index, id: cell('id'), fields, cell };
}

/** An element's text: text and CDATA in order, references decoded, runs of white space made one space. */
function textOf(children: readonly unknown[]): Cell {
  let out = '';
  for (const node of children) {
    if (!isRecord(node)) continue;
    if ('#text' in node) out += decodeXmlText(String(node['#text']));
    else if ('#cdata' in node && Array.isArray(node['#cdata'])) {
      for (const part of node['#cdata']) if (isRecord(part) && '#text' in part) out += String(part['#text']);
    } else return { problem: 'has nested elements where text is expected.' };
  }
  return out.replace(/\s+/g, ' ').trim();
}

function elements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const out: XmlElement[] = [];
  for (const node of nodes) {
    if (!isRecord(node)) continue;
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata');
    if (name === undefined) continue;
    const children = node[name];
    const attrs = node[':@'];
    out.push({ name, attrs: isRecord(attrs) ? attrs : {}, children: Array.isArray(children) ? children : [] });
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

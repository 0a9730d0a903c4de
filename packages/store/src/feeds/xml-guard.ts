/**
 * What stands between a feed and the XML parser. A DTD is refused on the raw text, before any
 * parsing: entity declarations can expand without bound ("billion laughs") or read files and URLs
 * (external entities), and no Merchant feed needs one. The check is deliberately blunt: any
 * markup declaration (<!DOCTYPE, <!ENTITY, <!ELEMENT...), even inside a comment or CDATA, refuses
 * the file. The parser is also configured with processEntities off, so the five predefined
 * entities and character references are decoded here, once, after parsing.
 */
const DECLARATION = /<!(?!--|\[CDATA\[)\s*([A-Za-z]*)/;
const DECLARED_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']/i;

/** Why the XML text is refused before parsing, or null. */
export function xmlRefusal(text: string): string | null {
  const decl = DECLARATION.exec(text);
  if (decl) {
    const what = decl[1] ? `<!${decl[1].toUpperCase()}` : 'a <! markup';
    return `The XML holds ${what} declaration; feeds with a DOCTYPE or entity declarations are refused, since entities can expand without bound or read external files.`;
  }
  const enc = DECLARED_ENCODING.exec(text)?.[1];
  if (enc !== undefined && !/^utf-?8$/i.test(enc)) return `The XML declares the encoding ${JSON.stringify(enc)}; only UTF-8 feeds are read.`;
  return null;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d{1,8})|#x([0-9a-fA-F]{1,8})|(amp|lt|gt|quot|apos));/g;

/**
 * Text content with its references decoded in a single pass ("&amp;lt;" is "&lt;"). References
 * to characters XML does not allow (or to the noncharacters that mark invalid bytes) stay as written.
 */
export function decodeXmlText(text: string): string {
  return text.replace(REFERENCE, (all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return PREDEFINED[name] ?? all;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return isXmlChar(cp) && !(cp >= 0xfdd0 && cp <= 0xfdef) ? String.fromCodePoint(cp) : all;
  });
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

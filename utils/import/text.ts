/**
 * Text clean-up for imported definitions: plain text out of JSON-LD strings
 * that carry markup or entities, page titles without the site name, and long
 * definitions split into a tooltip summary and a body.
 */
import { SUMMARY_MAX } from '../glossary/schema';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Drops every `<…>` tag, as `/<[^>]*>/g` would, in one pass: the regular
 * expression rescans the rest of the text from every `<` that is never
 * closed, so a 10 MB run of `<` took hours.
 */
function stripTags(value: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = value.indexOf('<', from);
    if (open === -1) break;
    const close = value.indexOf('>', open + 1);
    if (close === -1) break; // no tag can close after this point either
    out += `${value.slice(from, open)} `;
    from = close + 1;
  }
  return out + value.slice(from);
}

/** Markup-free text: tags dropped, the common entities decoded, whitespace collapsed. Never HTML. */
export function plainText(value: string): string {
  return stripTags(value)
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
      }
      // Own keys only: "&constructor;" is not an entity (it used to read Object.prototype.constructor).
      const name = code.toLowerCase();
      return Object.hasOwn(ENTITIES, name) ? ENTITIES[name] : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Separators sites put between a page title and the site or section name. */
const TITLE_SEPARATOR = /\s+[\u238a|\u00b7\u2022\u00bb]\s+/;

/** Whitespace collapsed. The clean-ups below take text `plainText` already made plain: decoding it twice would turn a literal "&lt;b&gt;" into a tag and drop it. */
const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

/** "Market Panic Selling ⎊ Area ⎊ Greeks.live" → "Market Panic Selling". */
export function cleanTitle(value: string): string {
  const first = collapse(value).split(TITLE_SEPARATOR).find((part) => part.trim());
  return (first ?? '').trim();
}

/**
 * Drops short labels glued on with a separator: "Action ⎊ Market panic
 * selling is…" and "…market instability. ⎊ Definition" keep only the sentence.
 */
export function cleanDescription(value: string): string {
  const parts = collapse(value)
    .split(/\s*\u238a\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length <= 1) return parts[0] ?? '';
  const isLabel = (p: string) => p.length <= 24 && p.split(/\s+/).length <= 2 && !/[.!?]$/.test(p);
  while (parts.length > 1 && isLabel(parts[0])) parts.shift();
  while (parts.length > 1 && isLabel(parts[parts.length - 1])) parts.pop();
  return parts.join(' ');
}

/**
 * A definition as a summary (what the tooltip shows, at most 240 characters)
 * and a body. Short definitions are the summary; long ones keep their whole
 * sentences that fit as the summary and all of the text as the body, so
 * nothing is lost.
 */
export function splitDefinition(definition: string): { summary: string; body: string } {
  const text = definition.trim();
  if (text.length <= SUMMARY_MAX) return { summary: text, body: '' };
  const sentences = text.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [text];
  let summary = '';
  for (const sentence of sentences) {
    if ((summary + sentence).trim().length > SUMMARY_MAX) break;
    summary += sentence;
  }
  summary = summary.trim();
  if (!summary) {
    const cut = text.slice(0, SUMMARY_MAX - 1);
    const space = cut.lastIndexOf(' ');
    summary = `${(space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}\u2026`;
  }
  return { summary, body: text };
}

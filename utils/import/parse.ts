/**
 * The one entry point of the import pipeline: text in, normalized sets and
 * terms out, with every row or item that could not be read listed with where
 * it is and what is wrong. Pure (no storage, no DOM needed), so the
 * background, the options page and the tests run the same code.
 */
import { failed } from './drafts';
import { extractJsonLdBlocks, hasJsonLdScript } from './json-ld-blocks';
import { checkImportSize } from './limits';
import { parseCsv, readCsvHeader } from './parse-csv';
import { looksLikeJsonLd, parseJsonLd, type JsonLdDocument } from './parse-json-ld';
import { looksLikeTermlightJson, parseTermlightJson } from './parse-termlight-json';
import type { ImportProblem, ImportSource, ParseResult } from './types';

/** "Unexpected token } in JSON at position 120" → where in the text, as line and column. */
function jsonErrorWhere(error: unknown, text: string): { where: string; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  let where = '';
  if (lineCol) where = `line ${lineCol[1]}, column ${lineCol[2]}`;
  else if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    where = `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  return { where, message: message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+/, '') };
}

export function parseGlossaryDocument(text: string, source: ImportSource): ParseResult {
  const tooLarge = checkImportSize(text);
  if (tooLarge) return failed(tooLarge);
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return failed('There is nothing to import: the file is empty.');

  const start = body.trimStart()[0];
  if (start === '{' || start === '[') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      const { where, message } = jsonErrorWhere(error, body);
      return failed(`This looks like JSON but cannot be read${where ? ` at ${where}` : ''}: ${message}. Check for a missing comma, quote or bracket there.`);
    }
    if (looksLikeJsonLd(json)) return parseJsonLd([{ where: '', value: json }], source);
    if (looksLikeTermlightJson(json)) return parseTermlightJson(json, source);
    return failed('This JSON is neither a Termlight glossary nor schema.org JSON-LD: expected "format": "termlight-glossary", a set with "terms", or "@type": "DefinedTermSet".');
  }

  const blocks = extractJsonLdBlocks(body);
  if (blocks.length > 0) {
    const documents: JsonLdDocument[] = [];
    const problems: ImportProblem[] = [];
    for (const block of blocks) {
      try {
        documents.push({ where: blocks.length > 1 ? block.where : '', value: JSON.parse(block.text) });
      } catch (error) {
        const { where, message } = jsonErrorWhere(error, block.text);
        problems.push({ where: block.where, message: `is not valid JSON${where ? ` (${where})` : ''}: ${message}; its terms, if any, cannot be read` });
      }
    }
    return parseJsonLd(documents, source, problems);
  }

  if (readCsvHeader(body)) return parseCsv(body, source);
  const firstLine = body.trimStart().split(/\r?\n|\r/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine) && !/^\s*</.test(firstLine)) {
    return failed(`This looks like CSV, but its first line is not a header naming a "term" and a "definition" column (it reads: ${JSON.stringify(firstLine.slice(0, 60))}). Add a header row such as: term,definition,aliases,set`, 'csv');
  }
  if (/<(?:!doctype html|html|body)\b/i.test(body) || hasJsonLdScript(body)) {
    return failed('This page carries no glossary Termlight can read: it has no schema.org JSON-LD (<script type="application/ld+json">) with a DefinedTermSet or a CollectionPage of Articles.');
  }
  return failed('Termlight cannot tell what kind of file this is. It reads Termlight JSON, CSV with a header row (term,definition,aliases,set), and pages with schema.org JSON-LD glossaries.');
}

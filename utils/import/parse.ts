/**
 * The one entry point of the import pipeline: text in, normalized sets and
 * terms out, with every row or item that could not be read listed with where
 * it is and what is wrong. Pure (no storage, no DOM needed), so the
 * background, the options page and the tests run the same code.
 */
import { failed } from './drafts';
import { extractJsonLdBlocks, hasJsonLdScript } from './json-ld-blocks';
import { checkImportSize, isStackOverflow, nestingProblem } from './limits';
import { parseCsv, readCsvHeader } from './parse-csv';
import { looksLikeJsonLd, parseJsonLd, type JsonLdDocument } from './parse-json-ld';
import { looksLikeTermlightJson, parseTermlightJson } from './parse-termlight-json';
import type { ImportProblem, ImportSource, ParseResult } from './types';
import { errorMessage } from '../error-message';

/** "Unexpected token } in JSON at position 120" → where in the text, as line and column. */
function jsonErrorWhere(error: unknown, text: string): { where: string; message: string } {
  const message = errorMessage(error);
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

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in Excel: "CSV UTF-8 (Comma delimited)") and import it again.';

/**
 * Text that did not come from UTF-8, as `File.text()` decodes it: UTF-16 (a
 * NUL in every other place, its byte order mark as two U+FFFD). Refused
 * whole, saying what to do.
 */
function utf16Problem(body: string): string | null {
  const head = body.replace(/^\uFFFD\uFFFD/, '').slice(0, 200);
  const nulsAt = [0, 0];
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nulsAt[i % 2]++;
  if (head.length < 8 || Math.max(...nulsAt) < 0.7 * Math.floor(head.length / 2)) return null;
  return `This file is UTF-16 text (what some programs call "Unicode text"); Termlight reads UTF-8. ${SAVE_AS_UTF8}`;
}

/**
 * A JSON or CSV file in another encoding (Windows-1252 from a spreadsheet):
 * U+FFFD where a byte is not UTF-8. Refused whole rather than stored as
 * "Caf\u{FFFD} Rate". (A web page is not refused for a stray U+FFFD outside
 * its JSON-LD.)
 */
function notUtf8Problem(body: string): string | null {
  const bad = body.indexOf('\uFFFD');
  if (bad === -1) return null;
  const line = body.slice(0, bad).split('\n').length;
  return `This file is not UTF-8 text: some of its bytes are not characters Termlight can read (the first on line ${line}). ${SAVE_AS_UTF8}`;
}

export function parseGlossaryDocument(text: string, source: ImportSource): ParseResult {
  try {
    return parseDocument(text, source);
  } catch (error) {
    // The depth check below should make this unreachable; if a document still
    // overflows the stack, the user gets a reason, and the worker carries on.
    if (isStackOverflow(error)) return failed('Termlight could not read this file: it is nested too deeply or is too large. Nothing was imported.');
    throw error;
  }
}

function parseDocument(text: string, source: ImportSource): ParseResult {
  const tooLarge = checkImportSize(text);
  if (tooLarge) return failed(tooLarge);
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return failed('There is nothing to import: the file is empty.');
  const utf16 = utf16Problem(body);
  if (utf16) return failed(utf16);

  const start = body.trimStart()[0];
  if (start === '{' || start === '[') {
    const notUtf8 = notUtf8Problem(body);
    if (notUtf8) return failed(notUtf8);
    const tooDeep = nestingProblem(body);
    if (tooDeep) return failed(`This file ${tooDeep}; no glossary needs that, so it was not read.`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      if (isStackOverflow(error)) throw error;
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
      const tooDeep = nestingProblem(block.text);
      if (tooDeep) {
        problems.push({ where: block.where, message: `${tooDeep}; no glossary needs that, so its terms, if any, cannot be read` });
        continue;
      }
      try {
        documents.push({ where: blocks.length > 1 ? block.where : '', value: JSON.parse(block.text) });
      } catch (error) {
        if (isStackOverflow(error)) throw error;
        const { where, message } = jsonErrorWhere(error, block.text);
        problems.push({ where: block.where, message: `is not valid JSON${where ? ` (${where})` : ''}: ${message}; its terms, if any, cannot be read` });
      }
    }
    return parseJsonLd(documents, source, problems);
  }

  if (readCsvHeader(body)) {
    const notUtf8 = notUtf8Problem(body);
    return notUtf8 ? failed(notUtf8, 'csv') : parseCsv(body, source);
  }
  const firstLine = body.trimStart().split(/\r?\n|\r/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine) && !/^\s*</.test(firstLine)) {
    return failed(`This looks like CSV, but its first line is not a header naming a "term" and a "definition" column (it reads: ${JSON.stringify(firstLine.slice(0, 60))}). Add a header row such as: term,definition,aliases,set`, 'csv');
  }
  if (/<(?:!doctype html|html|body)\b/i.test(body) || hasJsonLdScript(body)) {
    return failed('This page carries no glossary Termlight can read: it has no schema.org JSON-LD (<script type="application/ld+json">) with a DefinedTermSet or a CollectionPage of Articles.');
  }
  return failed('Termlight cannot tell what kind of file this is. It reads Termlight JSON, CSV with a header row (term,definition,aliases,set), and pages with schema.org JSON-LD glossaries.');
}

/**
 * schema.org JSON-LD glossaries:
 * - a `DefinedTermSet` with its `hasDefinedTerm` list;
 * - `DefinedTerm`s on their own, grouped by `inDefinedTermSet` (a set node,
 *   its @id or url, or a name);
 * - a `CollectionPage` (or any page) whose `hasPart` lists `Article`s with a
 *   `headline` and a `description`, as glossary sites such as the seed do.
 * Everything else (breadcrumbs, FAQ, organisation) is listed in the notes.
 */
import type { TermSet } from '../glossary/schema';
import { checkTerm, failed, finish, type Draft } from './drafts';
import { namespacedSetId, termIdFor, titleFromSourceName } from './ids';
import { MAX_IMPORT_TERMS, tooManyTermsMessage } from './limits';
import { cleanDescription, cleanTitle, plainText, splitDefinition } from './text';
import type { ImportProblem, ImportSource, ParseResult } from './types';

type Node = Record<string, unknown>;

export interface JsonLdDocument {
  /** Label for messages when a page has several blocks ("JSON-LD block 3"), or '' for one. */
  where: string;
  value: unknown;
}

/** Item types that can carry a term (a name or headline and a description). */
const TERM_TYPES = new Set([
  'DefinedTerm',
  'Article',
  'NewsArticle',
  'BlogPosting',
  'TechArticle',
  'ScholarlyArticle',
  'CreativeWork',
  'WebPage',
  'Thing',
]);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function typesOf(node: Node): string[] {
  return asArray(node['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

const isType = (node: Node, type: string) => typesOf(node).includes(type);

function text(value: unknown): string {
  if (typeof value === 'string') return plainText(value);
  if (isNode(value) && typeof value['@value'] === 'string') return plainText(value['@value']);
  return '';
}

function topNodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(topNodes);
  if (!isNode(value)) return [];
  if (Array.isArray(value['@graph'])) return value['@graph'].flatMap(topNodes);
  return [value];
}

/** Every node by @id and url, so `{"@id": …}` references and `inDefinedTermSet` URLs resolve. */
function indexNodes(value: unknown, index: Map<string, Node>): void {
  if (Array.isArray(value)) {
    for (const item of value) indexNodes(item, index);
    return;
  }
  if (!isNode(value)) return;
  for (const key of ['@id', 'url'] as const) {
    const ref = value[key];
    if (typeof ref === 'string' && Object.keys(value).length > 1 && !index.has(ref)) index.set(ref, value);
  }
  for (const child of Object.values(value)) if (typeof child === 'object') indexNodes(child, index);
}

export function looksLikeJsonLd(json: unknown): boolean {
  return topNodes(json).some((node) => '@context' in node || '@type' in node);
}

function hasTermParts(node: Node): boolean {
  return asArray(node.hasPart).some((part) => isNode(part) && typesOf(part).some((t) => TERM_TYPES.has(t)));
}

export function parseJsonLd(documents: JsonLdDocument[], source: ImportSource, blockProblems: ImportProblem[] = []): ParseResult {
  const problems = [...blockProblems];
  const notes: string[] = [];
  const sets = new Map<string, TermSet>();
  const drafts: Draft[] = [];
  const ignored = new Map<string, number>();
  const index = new Map<string, Node>();
  for (const doc of documents) indexNodes(doc.value, index);
  const consumed = new Set<Node>();
  const resolve = (value: unknown): unknown => {
    if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return index.get(value['@id']) ?? value;
    }
    return value;
  };

  function setFor(rawTitle: string, rawDescription: string): string {
    const id = namespacedSetId(rawTitle, source.origin);
    if (!sets.has(id)) {
      // Set titles and descriptions have limits; a page's may be longer. Shortened, and said so.
      const title = rawTitle.length > 120 ? `${rawTitle.slice(0, 119).trimEnd()}\u2026` : rawTitle;
      const description = rawDescription.length > 1000 ? `${rawDescription.slice(0, 999).trimEnd()}\u2026` : rawDescription;
      if (title !== rawTitle) notes.push(`The set title "${title}" was shortened to 120 characters.`);
      if (description !== rawDescription) notes.push(`The description of "${title}" was shortened to 1,000 characters.`);
      sets.set(id, { id, title, description, origin: source.origin, source: source.name });
    }
    return id;
  }

  function addTerm(rawItem: unknown, where: string, setId: string): void {
    const item = resolve(rawItem);
    if (!isNode(item)) {
      problems.push({ where, message: 'is not a term: expected an object with a name and a description' });
      return;
    }
    consumed.add(item);
    const types = typesOf(item);
    if (types.length > 0 && !types.some((t) => TERM_TYPES.has(t))) {
      notes.push(`${where} is a ${types.join('/')}, not a term; it was left out.`);
      return;
    }
    const nameField = item.name !== undefined || item.headline === undefined ? 'name' : 'headline';
    const name = item.name !== undefined ? cleanTitle(text(item.name)) : text(item.headline);
    const description = cleanDescription(text(item.description));
    const { summary, body } = splitDefinition(description);
    const candidate = {
      id: termIdFor(name),
      term: name,
      aliases: asArray(item.alternateName).map(text).filter(Boolean),
      summary,
      body,
      sets: [setId],
    };
    const checked = checkTerm(candidate, where, { style: 'path', labels: { term: nameField, summary: 'description', aliases: 'alternateName' } }, name);
    if (checked.ok) drafts.push({ where, term: checked.term });
    else problems.push(...checked.problems);
  }

  const looseTerms: Array<{ node: Node; where: string }> = [];
  for (const doc of documents) {
    const prefix = doc.where ? `${doc.where}: ` : '';
    const nodes = topNodes(doc.value);
    nodes.forEach((node, n) => {
      const at = nodes.length > 1 ? `${prefix}@graph[${n}].` : prefix;
      if (isType(node, 'DefinedTermSet')) {
        const setId = setFor(text(node.name) || titleFromSourceName(source.name), cleanDescription(text(node.description)));
        asArray(node.hasDefinedTerm).forEach((item, i) => addTerm(item, `${at}hasDefinedTerm[${i}]`, setId));
      } else if (isType(node, 'DefinedTerm')) {
        looseTerms.push({ node, where: at.replace(/\.$/, '') || 'DefinedTerm' });
      } else if (hasTermParts(node)) {
        const title = cleanTitle(text(node.name) || text(node.headline)) || titleFromSourceName(source.name);
        const setId = setFor(title, cleanDescription(text(node.description)));
        asArray(node.hasPart).forEach((item, i) => addTerm(item, `${at}hasPart[${i}]`, setId));
      } else {
        const type = typesOf(node).join('/') || 'untyped item';
        ignored.set(type, (ignored.get(type) ?? 0) + 1);
      }
    });
  }

  // DefinedTerms listed on their own: grouped by the set they say they are in.
  for (const { node, where } of looseTerms) {
    if (consumed.has(node)) continue;
    const inSet = resolve(node.inDefinedTermSet);
    let setId: string;
    if (isNode(inSet) && text(inSet.name)) setId = setFor(text(inSet.name), cleanDescription(text(inSet.description)));
    else if (typeof inSet === 'string' && inSet.trim()) {
      const target = index.get(inSet);
      const title = target && text(target.name) ? text(target.name) : /^https?:/i.test(inSet) ? decodeURIComponent(inSet.replace(/[/#]+$/, '').replace(/^.*[/#]/, '')) : inSet;
      setId = setFor(title || titleFromSourceName(source.name), target ? cleanDescription(text(target.description)) : '');
    } else setId = setFor(titleFromSourceName(source.name), '');
    addTerm(node, where, setId);
  }

  if (ignored.size) {
    const list = [...ignored].map(([type, count]) => (count > 1 ? `${type} ×${count}` : type)).join(', ');
    notes.push(`Left out JSON-LD that is not a glossary: ${list}.`);
  }
  if (drafts.length === 0 && problems.length === 0) {
    return {
      ...failed('This page has JSON-LD, but no glossary in it: Termlight reads a DefinedTermSet, DefinedTerms, or a CollectionPage whose parts are Articles with a headline and a description.', 'json-ld'),
      notes,
    };
  }
  if (drafts.length + problems.length > MAX_IMPORT_TERMS) return failed(tooManyTermsMessage(drafts.length + problems.length), 'json-ld');
  // A set whose every item was left out is dropped with the items' reasons already reported.
  const used = new Set(drafts.flatMap((d) => d.term.sets));
  return finish('json-ld', [...sets.values()].filter((s) => used.has(s.id) || problems.length > 0), drafts, problems, notes);
}

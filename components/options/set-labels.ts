import type { SetOrigin } from '../../utils/glossary/schema';

export const ORIGIN_LABELS: Record<SetOrigin, string> = {
  bundled: 'Bundled',
  feed: 'Feed',
  imported: 'Imported',
  mine: 'My terms',
};

/** The highlight colour a set has until the user picks one (the underline colour of highlight.css). */
export const DEFAULT_SET_COLOR = '#0070c9';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

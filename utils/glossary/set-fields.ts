/**
 * The bundled fields: groups of bundled sets a page is often about together
 * (`data/set-fields.json`; `ContextGate` says how they count). Imported where
 * context rules are computed (the background), not by the content script,
 * which receives the rules already computed.
 */
import setFieldsFile from '../../data/set-fields.json' with { type: 'json' };
import type { SetField } from '../highlighter/context-gate';

export const SET_FIELDS: readonly SetField[] = setFieldsFile.fields.map((field) => field.sets);

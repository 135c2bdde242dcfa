/**
 * The bundled list of proper names the matcher reads as names, not terms
 * (`data/proper-names.json`; `CompileOptions.properNames` says what it does).
 */
import properNamesFile from '../../data/proper-names.json' with { type: 'json' };

export const PROPER_NAMES: readonly string[] = properNamesFile.names.map((entry) => entry.name);

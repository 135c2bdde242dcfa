export { compileMatcher, type CompiledMatcher, type CompileOptions } from './compile';
export { PROPER_NAMES } from './proper-names';
export { findTerms, type TermMatch } from './match';

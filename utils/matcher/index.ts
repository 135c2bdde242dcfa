export { compileMatcher, type CompiledMatcher, type CompileOptions } from './compile';
export { PLAIN_PHRASES } from './plain-phrases';
export { findTerms, type TermMatch } from './match';

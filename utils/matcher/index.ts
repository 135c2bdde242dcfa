export { compileMatcher, type CompiledMatcher, type CompileOptions } from './compile';
export { findTerms, type TermMatch } from './match';

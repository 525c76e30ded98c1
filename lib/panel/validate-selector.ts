// The one place the panel gets `validateSelector` from. Swap this line for
// `export { validateSelector } from '@/lib/selector';` when the selector engine (issue 3) exports it.
export { validateSelector } from './validate-selector-shim';

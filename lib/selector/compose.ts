import type { Feature } from './features';
import type { Base } from './search';

/** Writes the base and the chosen features as compounds from the outermost ancestor inwards. */
export function render(base: Base, chosen: Feature[]): string {
  const byLevel = new Map<number, Feature[]>();
  for (const feature of chosen) byLevel.set(feature.level, [...(byLevel.get(feature.level) ?? []), feature]);
  const ownParts = byLevel.get(0) ?? [];
  byLevel.delete(0);
  const levels = [...byLevel.keys()].sort((a, b) => b - a);
  const compounds = levels.map((level) => compound(null, byLevel.get(level)!));
  const baseTag = base.feature ? base.feature.tag : base.text;
  compounds.push(compound(baseTag, base.feature ? [base.feature, ...ownParts] : ownParts));
  return compounds.join(' ');
}

/**
 * One compound: tag first, then id, classes, attributes, position. An ancestor's tag is only
 * written when a part needs it (a tag or position part), so that `.nav` stays `.nav`.
 */
export function compound(tag: string | null, parts: Feature[]): string {
  const partTag = parts.find((part) => (part.match.kind === 'tag' || part.match.kind === 'nth') && part.tag)?.tag;
  const writtenTag = tag ?? partTag ?? '';
  const order = (feature: Feature) =>
    feature.match.kind === 'attr' && feature.match.name === 'id' ? 0
      : feature.match.kind === 'class' ? 1 : feature.match.kind === 'attr' ? 2 : 3;
  const simple = parts.filter((part) => part.match.kind !== 'tag').sort((a, b) => order(a) - order(b));
  // A qualified position repeats a class or attribute that may already be written.
  const written: string[] = [];
  for (const part of simple) {
    const text = part.match.kind === 'nth' && part.match.qualifier && written.some((done) => part.text.startsWith(done))
      ? part.text.slice(part.text.indexOf(':nth-child('))
      : part.text;
    if (!written.includes(text)) written.push(text);
  }
  return writtenTag + written.join('');
}

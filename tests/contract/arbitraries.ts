import fc from 'fast-check';
import type { CanonicalActivity } from '@/lib/export/canonical';

// Generators for canonical files: valid ones (ids consistent, selectors portable) and the raw
// material to break them. Shared by the round-trip, schema-equivalence and import fuzz tests.

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
const textArb = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => /\S/.test(text));
const nameArb = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((text) => /\S/.test(text));
const urlArb = fc.webUrl({ validSchemes: ['https', 'http'], withQueryParameters: true }).filter((url) => /^https?:\/\/\S+$/.test(url));
const identArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const compoundArb = fc.tuple(
  fc.option(fc.constantFrom('a', 'button', 'div', 'li', 'form'), { nil: undefined }),
  fc.option(identArb, { nil: undefined }),
  fc.array(identArb, { maxLength: 2 }),
  fc.option(fc.tuple(fc.constantFrom('data-testid', 'name', 'aria-label'), fc.stringMatching(/^[A-Za-z0-9 _-]{1,10}$/)), { nil: undefined }),
  fc.option(fc.tuple(fc.constantFrom('nth-child', 'nth-of-type'), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
).map(([tag, id, classes, attribute, nth]) => {
  let text = tag ?? '';
  if (id) text += `#${id}`;
  for (const name of classes) text += `.${name}`;
  if (attribute) text += `[${attribute[0]}="${attribute[1]}"]`;
  if (nth) text += `:${nth[0]}(${nth[1]})`;
  return text || 'div';
});
export const selectorArb = fc.array(fc.tuple(compoundArb, fc.constantFrom(' ', ' > ')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([compound, combinator], index) => (index === 0 ? compound : `${combinator}${compound}`)).join(''));

const actionArb = fc.oneof(
  fc.constant({ kind: 'click' as const }),
  urlArb.map((href) => ({ kind: 'link' as const, href })),
  fc.constant({ kind: 'submit' as const }),
);

const shortTextArb = fc.string({ maxLength: 20 });
const fingerprintArb = fc.record({
  tag: fc.constantFrom('a', 'button', 'input', 'div'),
  text: shortTextArb,
  attributes: fc.dictionary(fc.constantFrom('href', 'name', 'aria-label', 'data-testid', 'role', 'type', 'alt', 'title'), shortTextArb, { maxKeys: 4 }),
  classes: fc.array(identArb, { maxLength: 3 }),
  ancestors: fc.array(shortTextArb, { maxLength: 3 }),
  neighbours: fc.array(shortTextArb, { maxLength: 3 }),
  position: fc.option(fc.record({ index: fc.integer({ min: 1, max: 9 }), count: fc.integer({ min: 1, max: 9 }) }), { nil: null }),
  box: fc.option(fc.record({ x: fc.integer({ min: -50, max: 2000 }), y: fc.integer({ min: 0, max: 9000 }), width: fc.nat(1500), height: fc.nat(900) }), { nil: null }),
  path: fc.constantFrom('html/body/a', 'html/body/main/ul/li/a'),
});

const scopeArb = fc.record({ kind: fc.constantFrom('exact' as const, 'prefix' as const, 'pattern' as const), value: textArb });

/** A valid canonical file: unique ids, metrics that name existing elements. */
export const canonicalArb: fc.Arbitrary<CanonicalActivity> = fc
  .record({
    id: idArb,
    name: nameArb,
    scopes: fc.array(scopeArb, { maxLength: 3 }),
    pages: fc.uniqueArray(urlArb, { maxLength: 3 }),
    elements: fc.uniqueArray(
      fc.record({
        id: idArb, selector: selectorArb, action: actionArb, label: fc.string({ maxLength: 30 }), pageUrl: urlArb,
        frames: fc.option(fc.array(selectorArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
        posthog: fc.option(selectorArb, { nil: undefined }),
        posthogFilters: fc.option(fc.record({ href: fc.string({ maxLength: 40 }), text: fc.string({ maxLength: 40 }) }, { requiredKeys: [] }), { nil: undefined }),
        fingerprint: fc.option(fingerprintArb, { nil: undefined }),
      }),
      { maxLength: 5, selector: (element) => element.id },
    ),
    metricSeeds: fc.uniqueArray(
      fc.record({ id: idArb, name: nameArb, counting: fc.constantFrom('once' as const, 'every' as const), windowSeconds: fc.option(fc.integer({ min: 1, max: 86_400 }), { nil: undefined }), picks: fc.array(fc.nat(), { maxLength: 4 }) }),
      { maxLength: 4, selector: (metric) => metric.id },
    ),
  })
  .map(({ metricSeeds, elements, ...rest }) => ({
    format: 'goalpost/activity@1' as const,
    ...rest,
    metrics: metricSeeds.map(({ picks, windowSeconds, ...metric }) => ({
      ...metric,
      ...(windowSeconds === undefined ? {} : { windowSeconds }),
      elementIds: [...new Set(picks.filter(() => elements.length > 0).map((pick) => elements[pick % elements.length]!.id))],
    })),
    elements: elements.map(({ frames, posthog, posthogFilters, fingerprint, ...element }) => ({
      ...element,
      ...(frames ? { frames } : {}),
      ...(posthog ? { targetSelectors: { posthog, ...(posthogFilters && Object.keys(posthogFilters).length ? { posthogFilters } : {}) } } : {}),
      ...(fingerprint ? { fingerprint } : {}),
    })),
  }));

/** A valid file with one random change somewhere: a value replaced, a key dropped or added. */
export const mutatedArb = fc.tuple(canonicalArb, fc.nat(), fc.constantFrom('replace', 'drop', 'add'), fc.jsonValue()).map(
  ([file, pick, kind, value]) => mutate(structuredClone(file) as unknown as Json, pick, kind, value as Json),
);

function mutate(root: Json, pick: number, kind: string, value: Json): Json {
  const containers = collect(root);
  const target = containers[pick % containers.length]!;
  const keys = Object.keys(target);
  if (kind === 'add' || keys.length === 0) {
    if (Array.isArray(target)) target.push(value);
    else target[`x${pick % 7}`] = value;
    return root;
  }
  const key = keys[pick % keys.length]!;
  if (Array.isArray(target)) {
    if (kind === 'drop') target.splice(Number(key), 1);
    else target[Number(key)] = value;
  } else if (kind === 'drop') {
    delete target[key];
  } else {
    target[key] = value;
  }
  return root;
}

function collect(value: Json, into: (Json[] | Record<string, Json>)[] = []): (Json[] | Record<string, Json>)[] {
  if (value && typeof value === 'object') {
    into.push(value);
    for (const child of Object.values(value)) collect(child, into);
  }
  return into;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

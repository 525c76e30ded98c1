import * as v from 'valibot';
import { postHogStepFilters, type Activity, type ElementFingerprint, type Metric, type PostHogStepFilters, type TrackedAction, type TrackedElement, type UrlScope } from '@/lib/goals/model';

// The canonical file of PRODUCT.md §4 (`goalpost/activity@1`). Its published twin is
// `schema/goalpost-activity-1.schema.json`; `schema.test.ts` proves both accept the same samples.

export const FORMAT = 'goalpost/activity@1';

/**
 * The canonical document for an activity. Keys are written in one fixed order and lists keep the
 * user's order, so a re-export of an unchanged activity is byte-identical. Timestamps are left out
 * on purpose: they change without the goals changing and would make every re-export diff.
 */
export function toCanonical(activity: Activity): CanonicalActivity {
  return {
    format: FORMAT,
    id: activity.id,
    name: activity.name,
    scopes: activity.scopes.map((scope) => ({ kind: scope.kind, value: scope.value })),
    pages: [...activity.pages],
    metrics: activity.metrics.map(canonicalMetric),
    elements: activity.elements.map(canonicalElement),
  };
}

/** The exact bytes of the canonical file. */
export function serializeCanonical(activity: Activity): string {
  return `${JSON.stringify(toCanonical(activity), null, 2)}\n`;
}

export function canonicalFileName(activity: Activity): string {
  return `${activity.name}.goalpost.json`;
}

function canonicalMetric(metric: Metric): CanonicalMetric {
  return {
    id: metric.id,
    name: metric.name,
    counting: metric.counting,
    ...(metric.windowSeconds === undefined ? {} : { windowSeconds: metric.windowSeconds }),
    elementIds: [...metric.elementIds],
  };
}

function canonicalElement(element: TrackedElement): CanonicalElement {
  return {
    id: element.id,
    selector: element.selector,
    action: canonicalAction(element.action),
    label: element.label,
    pageUrl: element.pageUrl,
    ...(element.frames?.length ? { frames: [...element.frames] } : {}),
    ...(element.shadowHosts?.length ? { shadowHosts: [...element.shadowHosts] } : {}),
    ...(element.targetSelectors?.posthog ? { targetSelectors: canonicalTargetSelectors(element.targetSelectors.posthog, element.targetSelectors.posthogFilters) } : {}),
    ...(element.targetLimits?.posthog ? { targetLimits: { posthog: element.targetLimits.posthog } } : {}),
    ...(element.fingerprint ? { fingerprint: canonicalFingerprint(element.fingerprint) } : {}),
  };
}

/** The PostHog selector and, when it has them, its step filters (issue 12), in a fixed key order. */
export function canonicalTargetSelectors(posthog: string, filters: PostHogStepFilters | undefined): { posthog: string; posthogFilters?: PostHogStepFilters } {
  const posthogFilters = postHogStepFilters(filters);
  return posthogFilters ? { posthog, posthogFilters } : { posthog };
}

/** Fixed key order (byte-identical re-exports); capped like the schema, so an export always re-imports. */
function canonicalFingerprint(fingerprint: ElementFingerprint): ElementFingerprint {
  const text = (value: string) => [...value].slice(0, FINGERPRINT_TEXT_MAX).join('');
  const box = fingerprint.box;
  return {
    tag: text(fingerprint.tag),
    text: text(fingerprint.text),
    attributes: Object.fromEntries(Object.entries(fingerprint.attributes).slice(0, FINGERPRINT_LIST_MAX).map(([name, value]) => [text(name), text(value)])),
    classes: fingerprint.classes.slice(0, FINGERPRINT_LIST_MAX).map(text),
    ancestors: fingerprint.ancestors.slice(0, FINGERPRINT_LIST_MAX).map(text),
    neighbours: fingerprint.neighbours.slice(0, FINGERPRINT_LIST_MAX).map(text),
    position: fingerprint.position ? { index: fingerprint.position.index, count: fingerprint.position.count } : null,
    box: box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null,
    path: text(fingerprint.path),
    ...(fingerprint.media ? { media: text(fingerprint.media) } : {}),
  };
}

function canonicalAction(action: TrackedAction): TrackedAction {
  return action.kind === 'link' ? { kind: 'link', href: action.href } : { kind: action.kind };
}

// Runtime validator. Every rule here has its twin in the JSON Schema file; rules JSON Schema cannot
// express (references between ids) live in import.ts#checkReferences.
// JSON Schema counts characters as code points, String#length as UTF-16 units: count like the schema.
const maxChars = (max: number) =>
  v.check((text: string) => [...text].length <= max, `must be at most ${max} characters`);

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, “_” or “-”'));
const Text = v.pipe(v.string(), v.minLength(1, 'must not be empty'), maxChars(500), v.regex(/\S/, 'must not be blank'));
const WebUrl = v.pipe(v.string(), maxChars(4096), v.regex(/^https?:\/\/\S+$/, 'must be an http(s) URL without spaces'));
const Selector = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  maxChars(2000),
  // PRODUCT.md §2: tracking runtimes cannot use escaped characters.
  v.regex(/^[^\\]*$/, 'must not contain a backslash escape'),
);

const ScopeSchema = v.strictObject({
  kind: v.picklist(['exact', 'prefix', 'pattern'], 'must be "exact", "prefix" or "pattern"'),
  value: v.pipe(v.string(), v.minLength(1, 'must not be empty'), maxChars(4096)),
});

const ActionSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('click') }),
  v.strictObject({ kind: v.literal('link'), href: v.pipe(v.string(), v.minLength(1, 'must not be empty'), maxChars(4096)) }),
  v.strictObject({ kind: v.literal('submit') }),
], 'must have kind "click", "link" or "submit"');

const MetricSchema = v.strictObject({
  id: Id,
  name: Text,
  counting: v.picklist(['once', 'every'], 'must be "once" or "every"'),
  windowSeconds: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(86_400, 'must be at most 86400 (one day)'))),
  elementIds: v.array(Id),
});

const FINGERPRINT_TEXT_MAX = 500;
const FINGERPRINT_LIST_MAX = 20;
const FingerprintText = v.pipe(v.string(), maxChars(FINGERPRINT_TEXT_MAX));
const FingerprintList = v.pipe(v.array(FingerprintText), v.maxLength(FINGERPRINT_LIST_MAX, `must have at most ${FINGERPRINT_LIST_MAX} items`));
const Coordinate = v.pipe(v.number(), v.finite('must be a finite number'));

/**
 * A JSON object, never an array: valibot's `record` takes an array for an object (and outputs a
 * copy), and its object schemas take `[]` when every key is optional (an empty array has no
 * unknown key); the JSON Schema's "type": "object" refuses both.
 */
const JsonObject = (message: string) => v.custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), message);

/** A strict object whose keys are all optional: `JsonObject` first, so `[]` is refused as the JSON Schema does. */
function optionalKeysObject<const Entries extends v.ObjectEntries>(entries: Entries) {
  return v.pipe(JsonObject('must be an object'), v.strictObject(entries));
}

/** What identifies the element besides its selector (issue 14); used to find it again after a redesign. */
const FingerprintSchema = v.strictObject({
  tag: FingerprintText,
  text: FingerprintText,
  attributes: v.pipe(
    JsonObject('must be an object of attribute names and values'),
    v.record(v.string(), FingerprintText),
    v.check((attributes) => Object.keys(attributes).length <= FINGERPRINT_LIST_MAX, `must have at most ${FINGERPRINT_LIST_MAX} attributes`),
  ),
  classes: FingerprintList,
  ancestors: FingerprintList,
  neighbours: FingerprintList,
  position: v.nullable(v.strictObject({ index: v.pipe(v.number(), v.integer(), v.minValue(1)), count: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
  box: v.nullable(v.strictObject({ x: Coordinate, y: Coordinate, width: v.pipe(Coordinate, v.minValue(0)), height: v.pipe(Coordinate, v.minValue(0)) })),
  path: FingerprintText,
  media: v.optional(FingerprintText),
});

const ElementSchema = v.strictObject({
  id: Id,
  selector: Selector,
  action: ActionSchema,
  label: v.pipe(v.string(), maxChars(500)),
  pageUrl: WebUrl,
  frames: v.optional(v.array(Selector)),
  shadowHosts: v.optional(v.array(Selector)),
  /** Selectors that one export target uses instead of `selector` (issue 12: PostHog's own matcher). */
  targetSelectors: v.optional(optionalKeysObject({
    posthog: v.optional(Selector),
    /** The step's `href` / `text` filters PostHog matches beside that selector (issue 12), exact values of the recorded chain. */
    posthogFilters: v.optional(optionalKeysObject({
      href: v.optional(v.pipe(v.string(), maxChars(2048))),
      text: v.optional(v.pipe(v.string(), maxChars(1024))),
    })),
  })),
  /** Why a target cannot count the element, found on its page (issue 12), in words. */
  targetLimits: v.optional(optionalKeysObject({ posthog: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), maxChars(500))) })),
  fingerprint: v.optional(FingerprintSchema),
});

export const CanonicalSchema = v.strictObject({
  format: v.literal(FORMAT, `must be "${FORMAT}"`),
  id: Id,
  name: Text,
  scopes: v.array(ScopeSchema),
  pages: v.array(WebUrl),
  metrics: v.array(MetricSchema),
  elements: v.array(ElementSchema),
});

export type CanonicalActivity = v.InferOutput<typeof CanonicalSchema>;
export type CanonicalMetric = v.InferOutput<typeof MetricSchema>;
export type CanonicalElement = v.InferOutput<typeof ElementSchema>;
export type CanonicalScope = UrlScope;

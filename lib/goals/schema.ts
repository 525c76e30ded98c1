import * as v from 'valibot';
import type { Activity, Workspace } from './model';

// The stored workspace passes these schemas before anything trusts it (STYLE.md: typed
// boundaries). Objects are "loose": a field added by a newer Goalpost survives a rewrite by this one.

const UrlScopeSchema = v.looseObject({
  kind: v.picklist(['exact', 'prefix', 'pattern']),
  value: v.string(),
});

const TrackedActionSchema = v.variant('kind', [
  v.looseObject({ kind: v.literal('click') }),
  v.looseObject({ kind: v.literal('link'), href: v.string() }),
  v.looseObject({ kind: v.literal('submit') }),
]);

/** Shared with the canonical format (lib/export/canonical.ts), which is stricter about the rest. */
export const FingerprintSchema = v.looseObject({
  tag: v.string(),
  text: v.string(),
  attributes: v.record(v.string(), v.string()),
  classes: v.array(v.string()),
  ancestors: v.array(v.string()),
  neighbours: v.array(v.string()),
  position: v.nullable(v.looseObject({ index: v.number(), count: v.number() })),
  box: v.nullable(v.looseObject({ x: v.number(), y: v.number(), width: v.number(), height: v.number() })),
  path: v.string(),
  media: v.optional(v.string()),
});

const TrackedElementSchema = v.looseObject({
  id: v.string(),
  createdAt: v.number(),
  selector: v.pipe(v.string(), v.minLength(1, 'an element has an empty selector')),
  action: TrackedActionSchema,
  label: v.string(),
  pageUrl: v.string(),
  frames: v.optional(v.array(v.string())),
  shadowHosts: v.optional(v.array(v.string())),
  origin: v.optional(v.picklist(['picked', 'typed', 'edited'])),
  fingerprint: v.optional(FingerprintSchema),
  targetSelectors: v.optional(v.looseObject({
    posthog: v.optional(v.string()),
    posthogFilters: v.optional(v.looseObject({ href: v.optional(v.string()), text: v.optional(v.string()) })),
  })),
  targetLimits: v.optional(v.looseObject({ posthog: v.optional(v.string()) })),
  container: v.optional(v.looseObject({ width: v.number(), height: v.number(), actionables: v.number() })),
});

const MetricSchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  counting: v.picklist(['once', 'every']),
  windowSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  elementIds: v.array(v.string()),
});

export const ActivitySchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  scopes: v.array(UrlScopeSchema),
  pages: v.array(v.string()),
  elements: v.array(TrackedElementSchema),
  metrics: v.array(MetricSchema),
  createdAt: v.number(),
  updatedAt: v.number(),
});

/** Only the envelope: each activity is checked on its own, so one bad activity does not sink the rest. */
const WorkspaceEnvelopeSchema = v.looseObject({
  activities: v.array(v.unknown()),
  currentActivityId: v.nullable(v.string()),
});

export const QuarantinedValueSchema = v.looseObject({
  id: v.string(),
  quarantinedAt: v.number(),
  source: v.picklist(['workspace', 'activity', 'quarantine']),
  reason: v.string(),
  value: v.unknown(),
});

/**
 * Splits a stored value into the workspace the app can trust and what it must set aside. Nothing is
 * dropped: every part that fails its schema comes back in `quarantined`, with the reason.
 */
export function parseWorkspace(raw: unknown, now: number, newId: () => string): ParsedWorkspace {
  if (raw === null || raw === undefined) return { workspace: emptyWorkspace(), quarantined: [] };
  const envelope = v.safeParse(WorkspaceEnvelopeSchema, raw);
  if (!envelope.success) {
    const reason = `The saved workspace is unreadable (${v.summarize(envelope.issues)}).`;
    return { workspace: emptyWorkspace(), quarantined: [{ id: newId(), quarantinedAt: now, source: 'workspace', reason, value: raw }] };
  }
  const activities: Activity[] = [];
  const quarantined: QuarantinedValue[] = [];
  for (const item of envelope.output.activities) {
    const parsed = v.safeParse(ActivitySchema, item);
    if (parsed.success) {
      activities.push(parsed.output as Activity);
      continue;
    }
    const name = typeof (item as { name?: unknown })?.name === 'string' ? `“${(item as { name: string }).name}”` : 'An activity';
    quarantined.push({ id: newId(), quarantinedAt: now, source: 'activity', reason: `${name} is unreadable (${v.summarize(parsed.issues)}).`, value: item });
  }
  const current = envelope.output.currentActivityId;
  const currentActivityId = activities.some((activity) => activity.id === current) ? current : (activities.at(-1)?.id ?? null);
  return { workspace: { ...envelope.output, activities, currentActivityId }, quarantined };
}

/** The quarantine list itself, kept even when it is damaged (then it quarantines its old self). */
export function parseQuarantine(raw: unknown, now: number, newId: () => string): QuarantinedValue[] {
  if (raw === null || raw === undefined) return [];
  const parsed = v.safeParse(v.array(QuarantinedValueSchema), raw);
  if (parsed.success) return parsed.output as QuarantinedValue[];
  return [{ id: newId(), quarantinedAt: now, source: 'quarantine', reason: 'The list of set-aside values was itself unreadable.', value: raw }];
}

export function emptyWorkspace(): Workspace {
  return { activities: [], currentActivityId: null };
}

export interface ParsedWorkspace {
  workspace: Workspace;
  quarantined: QuarantinedValue[];
}

/** A stored value that failed its schema, kept verbatim so the user can download it. */
export interface QuarantinedValue {
  id: string;
  quarantinedAt: number;
  source: 'workspace' | 'activity' | 'quarantine';
  reason: string;
  value: unknown;
}

// Once-per-visitor memory for the runtime (issue 13): first-party `localStorage`, no cookies. The
// visitor id exists only once a once-per-visitor metric converted, and travels only with such a
// conversion. Where storage is refused (privacy modes, sandboxed frames, a full quota) it lasts as
// long as the page.

const VISITOR_KEY = 'goalpost:visitor';
/** Followed by the activity id; the value lists the metric ids converted, separated by spaces (ids have none). */
const COUNTED_PREFIX = 'goalpost:counted:';

export function visitorMemory(activityId: string, storage: Storage | null, random: () => string = randomId): VisitorMemory {
  const kept: Record<string, string> = {};
  const read = (key: string): string | undefined => {
    try {
      return storage!.getItem(key) || kept[key];
    } catch {
      return kept[key];
    }
  };
  const write = (key: string, value: string) => {
    kept[key] = value;
    try {
      storage!.setItem(key, value);
    } catch {
      // Refused or full: kept for this page only.
    }
  };
  const key = COUNTED_PREFIX + activityId;
  // Read each time: another tab of the same site may have converted meanwhile.
  const counted = (metricId: string) => (read(key) || '').split(' ').indexOf(metricId) >= 0;
  return {
    counted,
    remember(metricId) {
      if (!counted(metricId)) write(key, `${read(key) || ''} ${metricId}`.trim());
    },
    visitorId() {
      let id = read(VISITOR_KEY);
      if (!id) write(VISITOR_KEY, (id = random()));
      return id;
    },
  };
}

/** 128 random bits in hex. `crypto.randomUUID` exists only on https pages; this works on http too. */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join('');
}

export interface VisitorMemory {
  counted(metricId: string): boolean;
  remember(metricId: string): void;
  /** The visitor's random id, created on first use. */
  visitorId(): string;
}

import type { Activity } from '@/lib/goals/model';
import { exportLimits, type LimitTarget } from '@/lib/export/limits';

/** What a target will not count as Goalpost does, shown before its export or send button (issue 12). */
export function TargetLimits({ activity, target }: { activity: Activity; target: LimitTarget }) {
  const limits = exportLimits(activity)[target];
  if (limits.length === 0) return null;
  return (
    <ul class="limits" data-testid={`limits-${target}`} aria-label="Limits of this target">
      {limits.map((limit) => <li key={limit}>{limit}</li>)}
    </ul>
  );
}

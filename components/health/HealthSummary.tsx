import type { Activity } from '@/lib/goals/model';
import { attentionCount, summaryText } from '@/lib/health/goals';
import { useHealthCheck } from '../hooks/useHealth';
import type { Send } from '../hooks/useOperations';
import './health.css';

/**
 * The activity-level health line (PRODUCT.md §5, issue 14): "3 of 14 goals need attention on this
 * page". Mounting it runs the page's health check; the rows show the details (RepairNote).
 */
export function HealthSummary({ activity, tabId, pageUrl, send }: { activity: Activity | undefined; tabId: number | undefined; pageUrl: string | undefined; send: Send }) {
  const health = useHealthCheck(activity, tabId, pageUrl, send);
  if (health.status !== 'ok') return null;
  const broken = attentionCount(health.report);
  return (
    <p class={`health-summary ${broken > 0 ? 'attention' : 'fine'}`} role="status" data-testid="health-summary" data-attention={broken}>
      {summaryText(health.report)}
    </p>
  );
}

import { useState } from 'preact/hooks';
import { originPattern } from '@/lib/panel/target-tab';
import type { PageMatchState } from './hooks/usePageMatches';

/** Says why match counts are missing or old, and how to fix it when the user can. */
export function PageAccessNotice({ page, pageUrl, hasElements }: { page: PageMatchState; pageUrl: string | undefined; hasElements: boolean }) {
  const [refused, setRefused] = useState(false);
  if (page.status === 'no-page') {
    return hasElements ? <p class="status" data-testid="page-access" data-state="no-page">Open a web page (http or https) to see live match counts.</p> : null;
  }
  if (page.status === 'stale') {
    return <p class="status" data-testid="page-access" data-state="stale">Counts may be out of date: the page is loading or did not answer.</p>;
  }
  if (page.status !== 'no-access') return null;
  const allow = async () => {
    if (!pageUrl) return;
    // Straight from the click, before any other await: Firefox only allows the request in a user gesture.
    setRefused(!(await browser.permissions.request({ origins: [originPattern(pageUrl)] })));
  };
  return (
    <div class="notice" data-testid="page-access" data-state="no-access" role="status">
      <p>
        Goalpost cannot see this page, so match counts and highlights are unavailable. Click the Goalpost
        toolbar button while on the page, or allow Goalpost on this site.
      </p>
      {pageUrl && <button type="button" data-testid="allow-site" onClick={allow}>Allow on this site</button>}
      {refused && <p class="error" role="alert">Access was not granted; counts stay unavailable on this site.</p>}
    </div>
  );
}

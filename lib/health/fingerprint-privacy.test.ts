import { describe, expect, it } from 'vitest';
import { serializeCanonical } from '@/lib/export/canonical';
import { toAdobeTargetActivity } from '@/lib/export/adobe-target';
import { toGtmContainer } from '@/lib/export/gtm';
import { toPostHogActions } from '@/lib/export/posthog';
import { twoMetricActivity } from '@/lib/export/test-data';
import { fingerprintOf } from '@/lib/selector';

// Issue 14: the fingerprint is stored with the element and exported in the canonical file (and so
// in the webhook, which posts that file), but never sent to a backend that did not ask for it.
describe('where a fingerprint goes', () => {
  const marker = 'Fingerprint-only words 7f3e';
  const activity = twoMetricActivity();
  document.body.innerHTML = `<nav aria-label="${marker}"><p>${marker}</p><a href="/x">${marker}</a></nav>`;
  const fingerprint = fingerprintOf(document.querySelector('a')!);
  const withFingerprints = { ...activity, elements: activity.elements.map((element) => ({ ...element, fingerprint })) };

  it('is in the canonical file (which the webhook sends)', () => {
    expect(serializeCanonical(withFingerprints)).toContain(marker);
  });

  it('is in none of the PostHog, GTM and Adobe Target payloads', () => {
    for (const payload of [toPostHogActions(withFingerprints), toGtmContainer(withFingerprints), toAdobeTargetActivity(withFingerprints)]) {
      expect(JSON.stringify(payload)).not.toContain(marker);
    }
  });
});

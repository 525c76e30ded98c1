import { describe, expect, it } from 'vitest';
import { fromExtensionPage } from './background';

describe('export messages', () => {
  it('are accepted from the extension’s own pages only', () => {
    expect(fromExtensionPage({ url: 'chrome-extension://test-extension-id/sidepanel.html' })).toBe(true);
    expect(fromExtensionPage({ url: 'https://shop.example/' })).toBe(false);
    expect(fromExtensionPage({ url: 'https://evil.example/chrome-extension://test-extension-id/' })).toBe(false);
    expect(fromExtensionPage({})).toBe(false);
  });
});

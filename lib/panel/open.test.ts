import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { openPanelOnActionClick } from './open';

type Listener = (tab: { id: number; windowId: number }) => void;

describe('openPanelOnActionClick', () => {
  let clicked: Listener | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.action.onClicked, 'addListener').mockImplementation((listener) => {
      clicked = listener as unknown as Listener;
    });
  });

  it('opens Chrome’s side panel for the window the button was clicked in', () => {
    const open = vi.fn(async () => undefined);
    Object.assign(browser, { sidePanel: { open } });
    const onOpened = vi.fn();
    openPanelOnActionClick(onOpened);
    clicked!({ id: 7, windowId: 3 });
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    expect(onOpened).toHaveBeenCalledWith({ id: 7, windowId: 3 });
    Object.assign(browser, { sidePanel: undefined });
  });

  it('opens Firefox’s sidebar when there is no side panel API', () => {
    const open = vi.fn(async () => undefined);
    Object.assign(browser, { sidePanel: undefined, sidebarAction: { open } });
    openPanelOnActionClick(() => undefined);
    clicked!({ id: 7, windowId: 3 });
    expect(open).toHaveBeenCalledOnce();
  });
});

import { existsSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { bundleRuntime } from './scripts/runtime-bundle';

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 64: 'icon/64.png', 96: 'icon/96.png', 128: 'icon/128.png' };

// Firefox is built as MV3 (not WXT's MV2 default) so both browsers share one manifest shape,
// including `optional_host_permissions`, which MV2 has no place for (see README "Why MV3 on Firefox").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.GOALPOST_OUT_DIR ?? '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Goalpost',
    description:
      'Click elements on any page to define click-tracking goal metrics, and export them to your tracking backend.',
    // No `tabs` (Chrome's install prompt: "Read your browsing history"): the panel only needs the URL
    // of the tab it works on, which `activeTab` (a toolbar click or the shortcut there) and a
    // per-site host permission give (issue 15; README "Permissions, and why").
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Asked for per site when the user starts the picker there, and per host when a webhook is set.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // PNGs rendered from assets/icon/*.svg by `npm run icons` (scripts/render-icons.ts).
    icons: ICONS,
    action: { default_title: 'Open Goalpost', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // The picker's frame, laid over the page while picking (lib/picker/overlay.ts). Chromium serves it
    // only at a per-session dynamic URL, so no page can probe a fixed URL to learn that Goalpost is
    // installed (issue 15). Firefox has no `use_dynamic_url` (it warns about the key): its
    // moz-extension:// URLs carry a random per-install UUID instead. Either way a frame loaded
    // outside a pick shows and reports nothing (lib/picker/frame-token.ts).
    web_accessible_resources: [{
      resources: ['picker-frame.html'],
      matches: ['<all_urls>'],
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    }],
    commands: {
      'toggle-picker': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Start or stop picking elements on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'goalpost@goalpost.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // The sources zip (for the add-on stores' review) without test screenshots and benchmark results.
  zip: { excludeSources: ['tests/e2e/artifacts/**', 'tests/bench/results/**'] },
  webExt: {
    // `npm run dev` opens a browser with Goalpost loaded. Chromium refuses to start as root without
    // --no-sandbox (containers, CI machines), and Debian names its Firefox `firefox-esr`.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    binaries: !existsSync('/usr/bin/firefox') && existsSync('/usr/bin/firefox-esr') ? { firefox: '/usr/bin/firefox-esr' } : {},
  },
  hooks: {
    // The site runtime (issue 13) ships inside the extension too: the export dialog puts it into the
    // copy-ready script tag. Not web-accessible: only the extension's own pages read it.
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: 'goalpost-runtime.js', contents: (await bundleRuntime()).standalone });
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});

import { storage } from '#imports';
import type { TestSessions } from './session';

// Test sessions live in `storage.session` (issue 13): they outlive Chrome's service worker between page
// loads and the panel being closed, and are gone with the browser session, as a test should be.
// The background is their only writer (lib/test-mode/background.ts); the panel reads and watches.
// Content scripts cannot read `storage.session` (Chrome's default access level): they ask the background.

export const testSessionsItem = storage.defineItem<TestSessions>('session:testMode', { fallback: {}, version: 1 });

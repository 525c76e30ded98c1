import { describe, expect, it } from 'vitest';
import { tokenWarning, webhookMessage } from './webhook';

describe('webhook', () => {
  it('warns before a token travels over plain http, except to this computer', () => {
    expect(tokenWarning('http://hooks.example.com/x', 'secret')).toBe(
      'The token would travel unencrypted to hooks.example.com over http://; use https:// if the receiver supports it.',
    );
    expect(tokenWarning('https://hooks.example.com/x', 'secret')).toBeUndefined();
    expect(tokenWarning('http://127.0.0.1:8080/x', 'secret')).toBeUndefined();
    expect(tokenWarning('http://hooks.example.com/x', '  ')).toBeUndefined();
  });

  it.each([
    [{ kind: 'http' as const, status: 403, detail: '' }, 'hooks.example.com answered HTTP 403. The token may not post here: check its rights, then retry from the outbox.'],
    [{ kind: 'http' as const, status: 404, detail: 'no route' }, 'hooks.example.com answered HTTP 404: no route. Check the URL, then retry from the outbox.'],
    [{ kind: 'http' as const, status: 302, detail: '' }, 'hooks.example.com answered HTTP 302. The export is kept in the outbox.'],
    [{ kind: 'network' as const, message: 'Failed to fetch' }, 'Could not reach hooks.example.com (Failed to fetch). Check the URL and that Goalpost may access this site, then retry from the outbox.'],
  ])('explains %j', (failure, message) => {
    expect(webhookMessage(failure, new URL('https://hooks.example.com/goalpost'))).toBe(message);
  });
});

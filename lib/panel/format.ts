// How the panel words URLs and counts; kept here so every view says them the same way.

/** `shop.example/checkout?step=2`: the URL without scheme and hash, as rows and notices show it. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

export function matchesText(count: number): string {
  return plural(count, 'match', 'matches');
}

/** `1 action`, `2 actions`, `0 actions`: never "action(s)" (issue 15). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

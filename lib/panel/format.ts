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
  return count === 1 ? '1 match' : `${count} matches`;
}

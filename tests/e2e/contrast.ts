import type { Page } from 'puppeteer-core';

// WCAG 2.x contrast of every piece of text a page shows (issue 15: ≥ 4.5:1 in light and dark,
// "compute it in a test"). The page reports each text's colour and the backgrounds behind it,
// nearest first; the ratio is computed here, compositing any translucent layer.

export interface Rgba { r: number; g: number; b: number; a: number }

export interface TextSample {
  /** What the text says (cut), and where: for the failure message. */
  text: string;
  where: string;
  color: string;
  /** Background colours from the element up to the root, nearest first. */
  backgrounds: string[];
}

/** `rgb(…)`, `rgba(…)` or `color(srgb r g b / a)` as computed styles give them; `null` for anything else. */
export function parseColor(value: string): Rgba | null {
  const numbers = (text: string) => text.split(/[\s,/]+/).filter(Boolean).map(Number);
  let match = /^rgba?\(([^)]*)\)$/.exec(value.trim());
  if (match) {
    const [r, g, b, a = 1] = numbers(match[1]!);
    return { r: r!, g: g!, b: b!, a };
  }
  match = /^color\(srgb ([^)]*)\)$/.exec(value.trim());
  if (match) {
    const [r, g, b, a = 1] = numbers(match[1]!);
    return { r: r! * 255, g: g! * 255, b: b! * 255, a };
  }
  if (value.trim() === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  return null;
}

/** `top` drawn over `bottom` (both straight alpha). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

export function luminance({ r, g, b }: Rgba): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The ratio of one sample: backgrounds composited from the root up, then the text over them. */
export function sampleRatio(sample: TextSample, canvas: Rgba): number {
  let background = canvas;
  for (const layer of [...sample.backgrounds].reverse()) {
    const color = parseColor(layer);
    if (color) background = over(color, background);
  }
  const text = parseColor(sample.color) ?? { r: 0, g: 0, b: 0, a: 1 };
  return contrastRatio(over(text, background), background);
}

/** Every visible text of the page (or of `root`), with its colours. */
export function collectText(page: Page, root = 'body'): Promise<TextSample[]> {
  return page.evaluate((rootSelector) => {
    const samples: { text: string; where: string; color: string; backgrounds: string[] }[] = [];
    const start = document.querySelector(rootSelector);
    if (!start) return samples;
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || seen.has(element) || !(node.nodeValue ?? '').trim()) continue;
      seen.add(element);
      if (element.closest('script, style, template, option, [hidden]')) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const backgrounds: string[] = [];
      for (let each: Element | null = element; each; each = each.parentElement) backgrounds.push(getComputedStyle(each).backgroundColor);
      const tag = element.localName + (element.getAttribute('data-testid') ? `[data-testid=${element.getAttribute('data-testid')}]` : element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : '');
      samples.push({ text: (node.nodeValue ?? '').trim().slice(0, 40), where: tag, color: getComputedStyle(element).color, backgrounds });
    }
    return samples;
  }, root);
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';

/*
 * The built web app stays fast to start: the JavaScript index.html loads before the first
 * page (its script and module preloads) fits in 300 KB gzipped, and the charting library
 * comes only with the pages that draw charts. Reads web/dist, as built by `npm test`.
 */

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const INITIAL_BUDGET = 300 * 1024;

function initialScripts(): string[] {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  return sources.map((match) => match[1]!);
}

describe('the web bundle', () => {
  it('loads at most 300 KB of gzipped JavaScript before the first page', () => {
    const scripts = initialScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(dist, src))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(INITIAL_BUDGET);
  });

  it('keeps the charting library out of the initial JavaScript', () => {
    for (const src of initialScripts()) {
      expect(readFileSync(path.join(dist, src), 'utf8')).not.toContain('recharts-wrapper');
    }
  });
});

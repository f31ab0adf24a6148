import { isIP } from 'node:net';

/**
 * Express's `trust proxy` setting: which reverse proxies in front of the app may say, in
 * X-Forwarded-For, who the client is. Off by default: the address is the socket's peer,
 * and a client cannot forge its way past the rate limits or into the audit trail under
 * another address. Set TRUST_PROXY only when a proxy you run sits in front (docs/security.md).
 *
 * - `false`: trust nobody (unset, `false`, `0`, `off`);
 * - a number of hops (`1`): trust that many proxies nearest the app;
 * - addresses, subnets or Express's names (`loopback`, `linklocal`, `uniquelocal`), comma-separated;
 * - `true`: trust every hop — only when nothing can reach the app but through the proxy.
 */
export type TrustProxy = boolean | number | readonly string[];

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Reads TRUST_PROXY; pushes one sentence onto `problems` when it is unusable. */
export function parseTrustProxy(value: string | undefined, problems: string[]): TrustProxy {
  if (value === undefined) return false;
  const text = value.trim().toLowerCase();
  if (['', 'false', '0', 'off', 'no'].includes(text)) return false;
  if (['true', 'yes', 'on'].includes(text)) return true;
  if (/^\d+$/.test(text)) {
    if (Number(text) <= MAX_HOPS) return Number(text);
    problems.push(`TRUST_PROXY as a number of proxies must be from 0 to ${MAX_HOPS} (got "${value}")`);
    return false;
  }
  const entries = text.split(',').map((entry) => entry.trim()).filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrSubnet(entry));
  if (entries.length === 0 || wrong.length > 0) {
    problems.push(
      `TRUST_PROXY must be false, true, a number of proxies, or proxy addresses and subnets separated by commas ` +
        `(e.g. "loopback" or "10.0.0.0/8"); not understood: ${wrong.map((entry) => `"${entry}"`).join(', ') || `"${value}"`}`,
    );
    return false;
  }
  return entries;
}

/** The value Express's `app.set('trust proxy', …)` takes. */
export function expressTrustProxy(setting: TrustProxy): boolean | number | string {
  return typeof setting === 'boolean' || typeof setting === 'number' ? setting : setting.join(',');
}

import { describe, expect, it } from '@jest/globals';
import { AppConfigError, loadAppConfig } from '@escalation-insights/server';

/* TRUST_PROXY, read with the rest of the environment at start-up (docs/security.md, "Behind a reverse proxy"). */

const quiet = () => undefined;
const trustProxy = (value: string | undefined) => loadAppConfig(value === undefined ? {} : { TRUST_PROXY: value }, quiet).security.trustProxy;

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told to', () => {
    expect(trustProxy(undefined)).toBe(false);
    for (const off of ['', 'false', '0', 'off', 'no']) expect([off, trustProxy(off)]).toEqual([off, false]);
  });

  it('takes a number of hops, addresses and subnets, or Express’s names', () => {
    expect(trustProxy('1')).toBe(1);
    expect(trustProxy('true')).toBe(true);
    expect(trustProxy('loopback')).toEqual(['loopback']);
    expect(trustProxy(' 10.0.0.0/8, 172.16.0.5 ,fd00::/8, uniquelocal')).toEqual(['10.0.0.0/8', '172.16.0.5', 'fd00::/8', 'uniquelocal']);
  });

  it('refuses what it cannot understand, saying which part and what it takes, so the server does not start half-protected', () => {
    for (const [value, part] of [['10.0.0.0/33', '10.0.0.0/33'], ['proxy.internal', 'proxy.internal'], ['loopback, 300.1.1.1', '300.1.1.1'], ['11', '11']]) {
      expect(() => trustProxy(value)).toThrow(AppConfigError);
      expect(() => trustProxy(value)).toThrow(new RegExp(`TRUST_PROXY.*${part!.replace(/\./g, '\\.')}`));
    }
  });
});

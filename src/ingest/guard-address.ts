import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** True for addresses on the public internet (ipaddr.js range "unicast"); false for loopback, private, link-local, etc. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

/**
 * A `lookup` for sockets that refuses non-public addresses. It runs at connect time, so a host
 * that resolves to a private address (or is re-pointed there after a first check) is still refused.
 */
export const publicOnlyLookup: LookupFunction = guardedLookup([]);

/**
 * The same guard with some non-public addresses let through (`VERITY_ALLOW_ADDRESSES`: a
 * newsroom's own intranet CMS, say), every other one still refused.
 */
export function guardedLookup(allowed: readonly string[]): LookupFunction {
  const allow = new Set(allowed);
  return (hostname, options, callback) => lookupPublic(hostname, options, callback, allow);
}

function lookupPublic(
  hostname: string,
  options: dns.LookupOptions,
  callback: Parameters<LookupFunction>[2],
  allow: Set<string>,
): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as dns.LookupAddress[];
    const blocked = list.find((entry) => !isPublicAddress(entry.address) && !allow.has(entry.address));
    if (blocked) {
      const refusal = Object.assign(
        new Error(
          `${hostname} resolves to ${blocked.address}, a private, loopback or link-local address; ` +
            'allow such addresses with --allow-private-urls or VERITY_ALLOW_PRIVATE_URLS=1',
        ),
        { code: 'EPRIVATEADDRESS' },
      );
      return callback(refusal, '', 0);
    }
    if ((options as dns.LookupOptions).all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

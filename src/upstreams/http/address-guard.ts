import { BlockList, isIP } from 'node:net';

/**
 * Which addresses an outbound call to a caller-chosen URL (a webhook receiver) may reach: public unicast only.
 * Private, loopback, link-local (the cloud metadata service 169.254.169.254), CGNAT, documentation, multicast and
 * reserved ranges are refused, and so are IPv6 ULA, loopback, link-local and the forms that embed an IPv4 address
 * (mapped, NAT64, 6to4, Teredo), which could smuggle a private one.
 */
// Two lists: Node checks an IPv4 address against IPv6 rules through its mapped form, so ::ffff:0:0/96 in one list
// would refuse every IPv4 address.
const REFUSED_V4 = new BlockList();
const REFUSED_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  REFUSED_V4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  REFUSED_V6.addSubnet(network, prefix, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export interface AddressPolicy {
  /** the sandbox and tests only: 127.0.0.0/8 and ::1 are allowed */
  allowLoopback: boolean;
}

/** The reason an address is refused, or undefined when it may be reached. */
export function refusedAddressReason(address: string, policy: AddressPolicy): string | undefined {
  const family = isIP(address);
  if (family === 0) {
    return 'not an IP address';
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  // IPv6 rules first: ::ffff:127.0.0.1 is refused as a mapped address even where loopback is allowed.
  if (family === 6 && REFUSED_V6.check(address, type)) {
    return 'private, link-local or reserved address';
  }
  if (LOOPBACK.check(address, type)) {
    return policy.allowLoopback ? undefined : 'loopback address';
  }
  return family === 4 && REFUSED_V4.check(address, type)
    ? 'private, link-local or reserved address'
    : undefined;
}

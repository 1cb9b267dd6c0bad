import { refusedAddressReason } from './address-guard';

const strict = { allowLoopback: false };
const sandbox = { allowLoopback: true };

describe('refusedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback address'],
    ['127.8.9.10', 'loopback address'],
    ['::1', 'loopback address'],
    ['10.1.2.3', 'private, link-local or reserved address'],
    ['172.20.0.1', 'private, link-local or reserved address'],
    ['192.168.1.1', 'private, link-local or reserved address'],
    ['169.254.169.254', 'private, link-local or reserved address'],
    ['100.64.0.1', 'private, link-local or reserved address'],
    ['0.0.0.0', 'private, link-local or reserved address'],
    ['224.0.0.1', 'private, link-local or reserved address'],
    ['fd00::1', 'private, link-local or reserved address'],
    ['fe80::1', 'private, link-local or reserved address'],
    ['::ffff:127.0.0.1', 'private, link-local or reserved address'],
    ['::ffff:10.0.0.1', 'private, link-local or reserved address'],
    ['64:ff9b::a00:1', 'private, link-local or reserved address'],
    ['::', 'private, link-local or reserved address'],
    ['not-an-ip', 'not an IP address'],
  ])('refuses %s without the loopback setting', (address, reason) => {
    expect(refusedAddressReason(address, strict)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111'])('allows the public address %s', (address) => {
    expect(refusedAddressReason(address, strict)).toBeUndefined();
  });

  it('allows loopback only with the sandbox setting, and still refuses private and metadata addresses', () => {
    expect([
      refusedAddressReason('127.0.0.1', sandbox),
      refusedAddressReason('::1', sandbox),
      refusedAddressReason('10.0.0.1', sandbox),
      refusedAddressReason('169.254.169.254', sandbox),
    ]).toEqual([
      undefined,
      undefined,
      'private, link-local or reserved address',
      'private, link-local or reserved address',
    ]);
  });
});

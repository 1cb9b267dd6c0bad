/*
 * The one support module of the e2e specs: keys, sandbox access and faults, resource checks and builders, Street
 * Manager fixtures, settings, the fault server, the local token issuer and the test clock. Test-only Nest modules
 * (probes) are imported from ./probes directly; booting, processes, Redis and log capture live in ../helpers.
 */
export * from './eventually';
export * from './fault-server';
export * from './keys';
export * from './local-issuer';
export * from './resources';
export * from './sandbox';
export * from './settings';
export * from './street-manager';
export * from './test-clock';

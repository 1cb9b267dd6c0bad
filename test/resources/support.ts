import { DEFAULT_SANDBOX_KEYS } from '../../src/config/auth.config';
import {
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
} from '../../src/upstreams/street-manager/street-manager-endpoints';
import type { BootedApp } from '../helpers/boot-app';

/** The sandbox demo subscriptions (src/auth/subscriptions/sandbox-subscriptions.ts). */
export const KEY = {
  /** every permission, no organisation: acts as the default credential, promoter 7374 */
  demo: { 'Ocp-Apim-Subscription-Key': DEFAULT_SANDBOX_KEYS.demo },
  /** promoter 7374 (Northern Gas Networks): read + promoter writes */
  promoter: { 'Ocp-Apim-Subscription-Key': DEFAULT_SANDBOX_KEYS.promoter },
  /** highway authority 4720 (Leeds City Council): read + authority writes */
  authority: { 'Ocp-Apim-Subscription-Key': DEFAULT_SANDBOX_KEYS.authority },
};

/** The embedded sandbox the booted app talks to (for fault injection). */
export function sandboxUrl(booted: BootedApp): string {
  const endpoints = booted.app.get<StreetManagerEndpoints>(STREET_MANAGER_ENDPOINTS);
  if (!endpoints.sandbox) {
    throw new Error('the app is not running against a sandbox');
  }
  return endpoints.sandbox.url;
}

export async function setFault(booted: BootedApp, rule: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${sandboxUrl(booted)}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (res.status !== 200) {
    throw new Error(`fault rule refused: ${res.status}`);
  }
}

export async function clearFaults(booted: BootedApp): Promise<void> {
  await fetch(`${sandboxUrl(booted)}/__admin/faults`, { method: 'DELETE' });
}

/** `YYYY-MM-DD`, `days` from today (UTC). */
export function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

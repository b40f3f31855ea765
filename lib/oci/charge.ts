/** Always Free: $0.00. Anything else: flagged, with an estimate for a whole month. */
export type Charge =
  { costsMoney: false; note?: string } | { costsMoney: true; monthlyUsd: number; reason: string };

export type Assessed<T> = T & { charge: Charge };

export type Meter = { label: string; used: number; limit: number; unit: string };

export type Assessment<T> = { assessed: Assessed<T>[]; meters: Meter[] };

export const free: Charge = { costsMoney: false };
export const bytesPerGb = 1024 ** 3;
export const round = (value: number) => Math.round(value * 1000) / 1000;
export const byAge = <T extends { createdAt: string }>(items: T[]) =>
  [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));

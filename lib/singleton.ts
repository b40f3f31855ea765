/**
 * One instance per process, kept on `globalThis` so that Next.js dev reloads and the several
 * bundles of one server share it. The cast is the only one needed to type the global store.
 */
type Store = Record<string, unknown>;

function store(): Store {
  const holder = globalThis as typeof globalThis & { __foundrySingletons?: Store };
  holder.__foundrySingletons ??= {};
  return holder.__foundrySingletons;
}

export function singleton<T>(key: string, create: () => T): T {
  const all = store();
  if (!(key in all)) all[key] = create();
  return all[key] as T;
}

export function resetSingleton(key: string): void {
  delete store()[key];
}

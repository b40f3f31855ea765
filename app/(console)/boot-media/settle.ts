import { isDomainError } from "@/lib/errors";

export type Settled<T> = { ok: true; value: T } | { ok: false; message: string };

/** A domain error becomes a message the page shows in place; anything else still throws. */
export async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (isDomainError(error)) return { ok: false, message: error.message };
    throw error;
  }
}

import { singleton } from "@/lib/singleton";

/** Runs tasks one at a time per key, in arrival order; different keys run side by side. */
export type KeyedQueue = { run<T>(key: string, task: () => Promise<T>): Promise<T> };

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

/** The process's queue, so that every writer for one repository and branch takes turns. */
export function processQueue(): KeyedQueue {
  return singleton("gitops-queue", createKeyedQueue);
}

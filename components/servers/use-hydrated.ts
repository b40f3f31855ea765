"use client";

import { useEffect, useState } from "react";

/** False until React runs in the browser: forms stay disabled until their handlers exist. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/**
 * A server booting the console's media ("booted from media"). The boot-media work records these
 * in lib/bootmedia; until it exports them, timelines have none and simply skip the step.
 */
export type BootEvent = { at: string; detail: string };

export async function bootEventsFor(_server: string): Promise<BootEvent[]> {
  return [];
}

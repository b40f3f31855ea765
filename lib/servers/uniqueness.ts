import type { FieldIssues } from "@/lib/errors";
import { DuplicateError } from "./errors";
import type { Inventory } from "./inventory";
import type { ServerSpec } from "./schema";

/** Refuses a name, MAC or IP that another server in the repository already has. */
export function assertUnique(spec: ServerSpec, inventory: Inventory, self?: string): void {
  const fields: FieldIssues = {};
  const add = (field: string, message: string) => (fields[field] ??= []).push(message);
  if (self === undefined && inventory.servers.has(spec.name)) {
    add("name", `a server named ${spec.name} is already registered`);
  }
  spec.interfaces.forEach((item, index) => {
    const holder = inventory.macs.get(item.mac);
    if (holder !== undefined && holder !== self)
      add(`interfaces.${index}.mac`, `${item.mac} is already registered to ${holder}`);
    if (item.mode === "static") {
      const owner = inventory.addresses.get(item.address);
      if (owner !== undefined && owner !== self)
        add(`interfaces.${index}.address`, `${item.address} is already used by ${owner}`);
    }
  });
  const messages = Object.values(fields).flat();
  if (messages.length > 0) throw new DuplicateError(messages.join("; "), fields);
}

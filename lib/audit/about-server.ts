/**
 * The audit rows about one server: their target is its name, or starts with it and a space
 * ("rack1-node3 (52:54:00:12:34:56)"). A Prisma `where` fragment.
 */
export function aboutServer(name: string) {
  return { OR: [{ target: name }, { target: { startsWith: `${name} ` } }] };
}

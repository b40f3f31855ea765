// The PostgreSQL schema is derived from the canonical SQLite one: only the datasource provider
// differs, and the generated client goes to a folder named after the provider.
export const canonicalSchemaPath = "prisma/schema.prisma";
export const postgresqlSchemaPath = "prisma/postgresql/schema.prisma";

const header =
  "// GENERATED from prisma/schema.prisma by `npm run prisma:generate`. Do not edit.\n\n";

export function derivePostgresqlSchema(canonical) {
  const replacements = [
    [/provider = "sqlite"/g, 'provider = "postgresql"'],
    [
      /output\s+=\s+"\.\.\/lib\/generated\/prisma\/sqlite"/g,
      'output   = "../../lib/generated/prisma/postgresql"',
    ],
  ];
  let derived = canonical;
  for (const [pattern, replacement] of replacements) {
    const matches = derived.match(pattern);
    if (matches?.length !== 1) {
      throw new Error(`prisma/schema.prisma must contain exactly one ${pattern}`);
    }
    derived = derived.replace(pattern, replacement);
  }
  return header + derived;
}

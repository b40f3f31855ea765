export declare const canonicalSchemaPath: string;
export declare const postgresqlSchemaPath: string;
export declare function derivePostgresqlSchema(canonical: string): string;

import { z } from "zod";

/** A setting that may be unset: blank or whitespace reads as unset, anything else trimmed. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

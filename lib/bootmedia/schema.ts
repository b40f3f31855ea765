import { z } from "zod";
import { architectures, serverNameSchema, type Architecture } from "@/lib/servers/schema";

/** The zod schemas shared by the boot media forms, route handlers, CLI and verbs. */
export const mediaFormats = ["iso", "usb"] as const;
export type MediaFormat = (typeof mediaFormats)[number];

/**
 * Boot media spoke Debian's arm64 before they used Tinkerbell's aarch64, and their links and
 * file names still do (media-arch-name.ts): people type it, so it is read as aarch64.
 */
export const architectureSchema = z
  .enum([...architectures, "arm64"], { error: "must be x86_64 or aarch64 (arm64)" })
  .transform((arch): Architecture => (arch === "arm64" ? "aarch64" : arch));
export const mediaFormatSchema = z.enum(mediaFormats, { error: "must be iso or usb" });

export const mediaKindSchema = z.object({
  arch: architectureSchema.default("x86_64"),
  format: mediaFormatSchema.default("iso"),
});
export type MediaKind = z.output<typeof mediaKindSchema>;

export const serverMediaInputSchema = mediaKindSchema.extend({ server: serverNameSchema });
export type ServerMediaInput = z.output<typeof serverMediaInputSchema>;

export const macSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$/, "must be a MAC address")
  .transform((value) => value.replaceAll("-", ":"));

export const ipv4Schema = z.ipv4({ error: "must be an IPv4 address" });

/** The opaque ids the console hands out: tokens' row ids and download tickets. */
export const idSchema = z
  .string({ error: "is required" })
  .regex(/^[A-Za-z0-9_-]{10,64}$/, "is not a valid id");

import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Boot media" };

export default function BootMediaPage() {
  return (
    <>
      <PageHeader title="Boot media">iPXE images that boot a server into Tinkerbell.</PageHeader>
      <EmptyState title="Boot media downloads are not available yet">
        This page will offer generic and per-server iPXE media as a hybrid ISO or a USB image, for
        BIOS and UEFI, with the SHA-256 of each download and the live enrollment tokens.
      </EmptyState>
    </>
  );
}

import type { Metadata } from "next";
import { OperatorOnly } from "@/components/servers/operator-only";
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/page-header";
import { registerServerAction } from "../actions";

export const metadata: Metadata = { title: "Register a server" };

export default function RegisterServerPage() {
  return (
    <>
      <PageHeader title="Register a server">
        Becomes a Hardware file in Git; you see the exact diff before anything is committed.
      </PageHeader>
      <OperatorOnly>
        <ServerForm action={registerServerAction} />
      </OperatorOnly>
    </>
  );
}

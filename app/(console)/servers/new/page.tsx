import type { Metadata } from "next";
import { OperatorOnly } from "@/components/servers/operator-only";
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/page-header";
import { registerServerAction } from "../actions";
import { currentActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Register a server" };

export default async function RegisterServerPage() {
  await currentActor();
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

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OperatorOnly } from "@/components/servers/operator-only";
import { ServerForm } from "@/components/servers/server-form";
import { PageHeader } from "@/components/ui/page-header";
import { serverParts } from "@/lib/runtime/servers";
import { getServer } from "@/lib/servers/get-server";
import { editServerAction } from "../../actions";
import { currentActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Edit server" };

export default async function EditServerPage({ params }: { params: Promise<{ name: string }> }) {
  const actor = await currentActor();
  const detail = await getServer({ actor, input: { name: (await params).name } }, serverParts());
  if (!detail) notFound();
  const {
    path: _path,
    allowWorkflow: _allow,
    state: _state,
    workflow: _workflow,
    ...spec
  } = detail.server;
  return (
    <>
      <PageHeader title={`Edit ${detail.server.name}`}>
        Only the fields below change in its Hardware file; comments and other fields stay.
      </PageHeader>
      <OperatorOnly>
        <ServerForm action={editServerAction} initial={spec} />
      </OperatorOnly>
    </>
  );
}

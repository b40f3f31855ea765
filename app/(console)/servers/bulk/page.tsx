import type { Metadata } from "next";
import { BulkForm } from "@/components/servers/bulk-form";
import { OperatorOnly } from "@/components/servers/operator-only";
import { PageHeader } from "@/components/ui/page-header";
import { bulkRegisterAction } from "../actions";
import { currentActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Bulk register" };

export default async function BulkRegisterPage() {
  await currentActor();
  return (
    <>
      <PageHeader title="Bulk register">
        Every valid row becomes a Hardware file in one commit; invalid rows are listed with their
        problems.
      </PageHeader>
      <OperatorOnly>
        <BulkForm action={bulkRegisterAction} />
      </OperatorOnly>
    </>
  );
}

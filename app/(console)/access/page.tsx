import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { listPeople } from "@/lib/auth/list-people";
import { env } from "@/lib/settings/env";
import { RecheckButton } from "./recheck-button";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Access" };

export default async function AccessPage() {
  const actor = await currentActor();
  const people = await listPeople();
  const { auth } = env();
  return (
    <>
      <PageHeader title="Access">
        Who has signed in and with which role. Roles come from GitHub (settings FOUNDRY_ADMINS,
        FOUNDRY_OPERATORS, FOUNDRY_VIEWERS, FOUNDRY_ALLOWED) and are checked again every{" "}
        {Math.round(auth.recheckSeconds / 60)} minutes.
      </PageHeader>
      {auth.mode === "github" && hasRole(actor, "admin") ? (
        <div className="mb-4">
          <RecheckButton />
        </div>
      ) : null}
      <ScrollRegion label="People and their roles">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Login
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Name
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Role
              </th>
              <th scope="col" className="py-2 font-medium">
                Active sessions
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id} className="border-b border-zinc-100 dark:border-zinc-900">
                <td className="py-2 pr-4 font-mono">{person.login}</td>
                <td className="py-2 pr-4">{person.name}</td>
                <td className="py-2 pr-4">{person.role ?? "none"}</td>
                <td className="py-2">{person.sessions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

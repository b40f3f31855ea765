import { decommissionServer } from "@/lib/servers/decommission";
import { editServer } from "@/lib/servers/edit";
import { verbRoute } from "../verb-route";

export const PUT = verbRoute(editServer, (name) => ({ name }));
export const DELETE = verbRoute(decommissionServer, (name) => ({ name }));

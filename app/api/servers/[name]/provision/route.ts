import { provisionServer } from "@/lib/servers/provision";
import { verbRoute } from "../../verb-route";

export const POST = verbRoute(provisionServer, (name) => ({ name }));

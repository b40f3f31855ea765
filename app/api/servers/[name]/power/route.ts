import { powerServer } from "@/lib/servers/power";
import { verbRoute } from "../../verb-route";

export const POST = verbRoute(powerServer, (name) => ({ name }));

import { reprovisionServer } from "@/lib/servers/reprovision";
import { verbRoute } from "../../verb-route";

export const POST = verbRoute(reprovisionServer, (name) => ({ name }));

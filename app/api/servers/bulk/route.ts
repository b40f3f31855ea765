import { bulkRegisterServers } from "@/lib/servers/bulk-register";
import { verbRoute } from "../verb-route";

export const POST = verbRoute(bulkRegisterServers);

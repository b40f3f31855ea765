import { registerServer } from "@/lib/servers/register";
import { verbRoute } from "./verb-route";

export const POST = verbRoute(registerServer);

// Prints N free loopback TCP ports, one a line, all held until every one is known (no repeats).
import { createServer } from "node:net";

const count = Number(process.argv[2] ?? 1);
const servers = [];
for (let i = 0; i < count; i += 1) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
}
console.log(servers.map((server) => server.address().port).join("\n"));
await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));

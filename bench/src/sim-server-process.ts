// The sim server in its own process, so that the simulated model's CPU time does not share the
// benchmarked client's event loop (a real provider runs elsewhere too). Prints `{"url": ...}`
// once listening; closes the server and exits on SIGTERM or when stdin closes.
import { startSimServer } from "./sim-server.js";

const server = await startSimServer({ latencyMs: Number(process.argv[2] ?? 0) });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();

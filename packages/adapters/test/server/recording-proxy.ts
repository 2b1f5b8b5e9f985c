import { createServer, request as forward, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";

/** One HTTP request as it arrived over the wire. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or undefined when there is none. */
  readonly body: Record<string, unknown> | undefined;
}

export interface RecordingProxy {
  /** Base URL for clients, with `/v1` like the server's. */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
}

const running: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

/**
 * A loopback proxy in front of `targetURL` that records every request it receives (the model
 * server has no recording hook of its own), then forwards it unchanged. Closed after the test.
 */
export async function startRecordingProxy(targetURL: string): Promise<RecordingProxy> {
  const target = new URL(targetURL);
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const path = incoming.url ?? "/";
      const method = incoming.method ?? "GET";
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
      requests.push({ method, path, headers: incoming.headers, body });
      const upstream = forward(
        { host: target.hostname, port: target.port, method, path, headers: incoming.headers },
        (response) => {
          outgoing.writeHead(response.statusCode ?? 502, response.headers);
          response.pipe(outgoing);
        },
      );
      upstream.on("error", () => outgoing.destroy());
      upstream.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  running.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, requests };
}

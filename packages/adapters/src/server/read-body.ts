import type { IncomingMessage } from "node:http";

export type ReadBodyResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: "too-large" | "aborted" };

/** Reads a request body, giving up once it exceeds `maxBytes`. */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<ReadBodyResult> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    return Promise.resolve({ ok: false, reason: "too-large" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.off("data", onData);
        resolve({ ok: false, reason: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => resolve({ ok: true, text: Buffer.concat(chunks).toString("utf8") }));
    request.on("error", () => resolve({ ok: false, reason: "aborted" }));
    request.on("close", () => {
      if (!request.complete) resolve({ ok: false, reason: "aborted" });
    });
  });
}

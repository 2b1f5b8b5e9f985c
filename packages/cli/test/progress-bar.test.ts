import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ProgressBar } from "../src/io/progress-bar.js";

function capture(): { stream: PassThrough & { columns: number }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { columns: 80 });
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe("ProgressBar", () => {
  it("draws in place on a terminal and ends its line when done", () => {
    const { stream, text } = capture();
    const bar = new ProgressBar(stream, true);
    bar.update("baseline", 0, 4);
    bar.update("baseline", 4, 4, "mean 0.750");
    bar.update("final", 2, 4);
    bar.done();
    const output = text();
    expect(output).toContain("\r\u001b[2Kbaseline   [------------------------] 0/4");
    expect(output).toContain("baseline   [########################] 4/4 mean 0.750");
    // A new phase starts on a new line; done() ends the last one.
    expect(output.endsWith("4/4 mean 0.750\n\r\u001b[2Kfinal      [############------------] 2/4\n")).toBe(
      true,
    );
  });

  it("writes nothing when stderr is not a terminal", () => {
    const { stream, text } = capture();
    const bar = new ProgressBar(stream, false);
    bar.update("trial", 1, 10);
    bar.done();
    expect(text()).toBe("");
  });
});

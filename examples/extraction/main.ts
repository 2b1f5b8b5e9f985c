// Meeting emails → a typed record, compiled with MetaPrompt (failure-driven rewrites that read
// the metric's per-field feedback). Run: pnpm exec tsx examples/extraction/main.ts
import { join } from "node:path";
import { resolveModel } from "@lathe/adapters";
import { loadJsonl, withSettings } from "@lathe/core";
import { MetaPrompt } from "@lathe/optimizers";
import { runExample } from "../shared/run-example.js";
import { ExtractMeeting, extractMeeting, type Meeting, meetingScore } from "./program.js";

const data = join(import.meta.dirname, "data");
const [trainset, valset, testset] = await Promise.all(
  ["train", "dev", "test"].map((split) =>
    loadJsonl(join(data, `${split}.jsonl`), { signature: ExtractMeeting }),
  ),
);

const { program } = await runExample({
  name: "extraction",
  program: extractMeeting,
  optimizer: new MetaPrompt({ numRounds: 5 }),
  trainset: trainset!,
  valset: valset!,
  testset: testset!,
  metric: meetingScore,
});

const email =
  "Hi all, I am writing on behalf of Ana Silva. Let's meet next Friday to review the budget. Invited: Luca Okafor and Mina Sato. Cc: Nils Keller (FYI only). Best, Tom Berg";
// Typed end to end: `meeting.attendees` is a string[], `meeting.date` a validated YYYY-MM-DD string.
const meeting: Meeting = await withSettings({ lm: resolveModel("sim/small") }, () =>
  program.call({ email, sent_date: "2024-05-06" }),
);
console.log(`\nCompiled instructions:\n  ${program.instructions}`);
console.log(`\nExtracted from a new email: ${JSON.stringify(meeting)}`);

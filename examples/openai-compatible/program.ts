import { Predict } from "@lathe/core";
import { Triage } from "../triage/program.js";

// The ticket-triage signature, reused: this example is about the backend, not the task. Real
// models understand these tickets too, so the same program compiles against a real provider.
export { Triage, triageExact } from "../triage/program.js";

export const router = new Predict(Triage);

export * from "./ax/index.js";
export * from "./models/index.js";
export * from "./openai/index.js";
export * from "./server/index.js";
export * from "./sim/index.js";

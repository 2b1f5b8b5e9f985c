export type { Fault, FaultKind } from "./fault.js";
export type { ModelResolver, ModelServerOptions } from "./model-server-options.js";
export type { ServerStats } from "./server-stats.js";
export { type ModelServer, startModelServer } from "./start-model-server.js";
export { type SimServerOptions, startSimServer } from "./start-sim-server.js";

import { runInPathScope } from "../modules/path-scope.js";
import { type Settings, withSettings } from "../settings/settings.js";

/**
 * Runs `fn` the way `module.call` runs `forward`: with the module's predictor paths in scope
 * (unless it is already part of a running program), under optional extra settings.
 */
export function runAsProgram<T>(
  module: object,
  settings: Settings | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  const run = () => runInPathScope(module, fn);
  return settings ? withSettings(settings, run) : run();
}

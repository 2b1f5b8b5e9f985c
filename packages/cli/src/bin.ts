#!/usr/bin/env node
import { runCli } from "./cli.js";

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// Idle keep-alive sockets must not hold a finished command open.
setTimeout(() => process.exit(code), 2000).unref();

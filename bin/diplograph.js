#!/usr/bin/env node
// The `diplograph` command. The sources are TypeScript run through tsx, so that
// `npx diplograph` works straight after `npm install`, with no build step to forget.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");

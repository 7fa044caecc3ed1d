#!/usr/bin/env node
// The `sanxiang` command. The server runs from its TypeScript sources through tsx's loader (see
// docs/adr/0001-stack.md): no compile step stands between a checkout and a running server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));

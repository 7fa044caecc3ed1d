#!/usr/bin/env node
// `npm run dev`: the API server restarting on source changes (tsx watch) and the console from
// Vite's dev server with hot reload (http://localhost:5173/console/, proxying /api to :3000).
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'src/dev-server.ts'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--config', 'console/vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });

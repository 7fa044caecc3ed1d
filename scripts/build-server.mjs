// Bundles the server (src/main.ts) into dist/sanxiang.js; packages stay external (node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  outfile: 'dist/sanxiang.js',
  logLevel: 'warning',
});

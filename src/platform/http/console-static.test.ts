import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { consoleStatic } from './console-static.js';

async function appServing(dir: string) {
  const app = Fastify();
  await app.register(consoleStatic, { dir });
  await app.ready();
  return app;
}

describe('console static files', () => {
  it('serves the single-page app: deep links get index.html, hashed assets are cached for a year', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanxiang-console-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>控制台</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    const app = await appServing(dir);
    try {
      for (const url of ['/console/', '/console', '/console/users', '/console/users/42']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('控制台');
        expect(res.headers['cache-control']).toBe('no-cache');
      }
      expect((await app.inject({ method: 'HEAD', url: '/console/users' })).statusCode).toBe(200);
      const asset = await app.inject({ method: 'GET', url: '/console/assets/app-1234.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await app.inject({ method: 'GET', url: '/console/assets/missing-9.js' })).statusCode).toBe(404);
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains how to build it when it has not been built', async () => {
    const app = await appServing(path.join(os.tmpdir(), 'sanxiang-no-such-console'));
    const res = await app.inject({ method: 'GET', url: '/console/users' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await app.close();
  });
});

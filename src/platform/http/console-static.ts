import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Serves the built console (a single-page app) at /console/: hashed assets are cached for a year,
 * index.html never, and any other path under /console/ answers index.html so deep links work.
 */
export async function consoleStatic(app: FastifyInstance, opts: { dir: string }): Promise<void> {
  const indexFile = path.join(opts.dir, 'index.html');
  await app.register(
    async (scope) => {
      if (!fs.existsSync(indexFile)) {
        const notBuilt = (_request: unknown, reply: FastifyReply) =>
          reply.status(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
        scope.get('/', notBuilt);
        scope.get('/*', notBuilt);
        return;
      }
      await scope.register(fastifyStatic, {
        root: opts.dir,
        wildcard: true,
        index: false,
        setHeaders(res, filePath: string) {
          res.header(
            'cache-control',
            filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
      const sendIndex = (_request: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
      scope.get('/', sendIndex);
      scope.setNotFoundHandler((request, reply) => {
        if ((request.method !== 'GET' && request.method !== 'HEAD') || path.extname(request.url.split('?')[0] ?? '') !== '') {
          return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
        }
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      });
    },
    { prefix: '/console' },
  );
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>控制台尚未构建</title>
<body style="font-family:sans-serif;padding:2em"><h1>控制台尚未构建</h1><p>请在项目目录运行 <code>npm run build</code>(<code>npm start</code> 会自动构建)。</p></body></html>`;

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { verifierKeyText } from '../crypto/signers.js';
import { invalid, notFound } from '../errors.js';
import { entrySourceOf } from '../events/record-event.js';
import type { AppContext } from '../http/context.js';
import { ErrorSchema, Page, PageQuery } from '../http/schemas.js';
import { consistencyProofBetween, inclusionProofAt } from './checkpoints.js';
import { entryBytes } from './entry.js';
import { leafHash } from './merkle.js';
import { latestCheckpoint, ledgerSize, listCheckpoints } from './repository.js';

const b64 = (hashes: readonly Buffer[]) => hashes.map((h) => h.toString('base64'));
const errors = { 400: ErrorSchema, 404: ErrorSchema };

/**
 * The public read API of the ledger. Public on purpose: checkpoints, keys and proofs reveal hashes
 * only, and anyone (a citizen, the justice bureau, a witness) must be able to check them.
 */
export async function ledgerRoutes(fastify: FastifyInstance, ctx: AppContext): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.db.kysely;

  app.get(
    '/api/ledger/checkpoint',
    {
      schema: {
        tags: ['ledger'],
        summary: '最新签名检查点(C2SP signed note)',
        produces: ['text/plain'],
        response: { 200: Type.String(), 404: ErrorSchema },
      },
    },
    async (_request, reply) => {
      const latest = await latestCheckpoint(db);
      if (!latest) throw notFound('no_checkpoint', '尚无检查点');
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(latest.note);
    },
  );

  app.get(
    '/api/ledger/keys',
    {
      schema: {
        tags: ['ledger'],
        summary: '检查点签名公钥',
        response: {
          200: Type.Object({
            origin: Type.String(),
            keys: Type.Array(
              Type.Object({ name: Type.String(), algorithm: Type.String(), keyId: Type.String(), verifierKey: Type.String() }),
            ),
          }),
        },
      },
    },
    async () => ({
      origin: ctx.ledger.origin,
      keys: ctx.ledger.signers.map((s) => ({
        name: s.name,
        algorithm: s.algorithm,
        keyId: s.keyId.toString('hex'),
        verifierKey: verifierKeyText(s),
      })),
    }),
  );

  app.get(
    '/api/ledger/entries/:index',
    {
      schema: {
        tags: ['ledger'],
        summary: '账本条目(哈希与元数据)',
        params: Type.Object({ index: Type.Integer({ minimum: 0 }) }),
        response: { 200: Type.Object({ index: Type.Integer(), entry: Type.String(), leafHash: Type.String() }), ...errors },
      },
    },
    async (request) => {
      const row = await db.selectFrom('events').selectAll().where('ledger_index', '=', request.params.index).executeTakeFirst();
      if (!row) throw notFound('entry_not_found', '没有这个账本条目');
      const entry = entryBytes(entrySourceOf({ ...row, ledger_index: request.params.index }));
      return { index: request.params.index, entry: entry.toString('utf8'), leafHash: leafHash(entry).toString('base64') };
    },
  );

  app.get(
    '/api/ledger/proof/inclusion',
    {
      schema: {
        tags: ['ledger'],
        summary: '包含证明(RFC 6962)',
        querystring: Type.Object(
          { index: Type.Integer({ minimum: 0 }), size: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ index: Type.Integer(), size: Type.Integer(), hashes: Type.Array(Type.String()) }), ...errors },
      },
    },
    async (request) => {
      const { index, size } = request.query;
      if (size > (await ledgerSize(db))) throw invalid('size_beyond_ledger', '树大小超过账本当前条目数');
      if (index >= size) throw invalid('index_beyond_size', '条目序号必须小于树大小');
      return { index, size, hashes: b64(await inclusionProofAt(db, index, size)) };
    },
  );

  app.get(
    '/api/ledger/proof/consistency',
    {
      schema: {
        tags: ['ledger'],
        summary: '一致性证明(RFC 6962)',
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ from: Type.Integer(), to: Type.Integer(), hashes: Type.Array(Type.String()) }), ...errors },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      if (from > to) throw invalid('from_after_to', 'from 不能大于 to');
      if (to > (await ledgerSize(db))) throw invalid('size_beyond_ledger', '树大小超过账本当前条目数');
      return { from, to, hashes: b64(await consistencyProofBetween(db, from, to)) };
    },
  );

  app.get(
    '/api/ledger/checkpoints',
    {
      schema: {
        tags: ['ledger'],
        summary: '检查点历史',
        querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
        response: {
          200: Page(Type.Object({ size: Type.Integer(), rootHash: Type.String(), note: Type.String(), createdAt: Type.String() })),
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      return { ...(await listCheckpoints(db, (page - 1) * pageSize, pageSize)), page, pageSize };
    },
  );
}

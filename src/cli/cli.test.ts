import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleCapture } from '../../test/support/console-capture.js';
import { describeEachDialect } from '../../test/support/databases.js';
import { makeUnit } from '../../test/support/factories.js';
import { verifyPassword } from '../platform/auth/password.js';
import { runUserCommand } from './user-command.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/sanxiang.mjs');

describe('sanxiang CLI process', () => {
  it('lists every configuration problem and exits 1', async () => {
    const failure = await run('node', [bin, 'migrate'], { env: { ...process.env, PORT: 'x', SANXIANG_DATABASE_URL: 'oracle://db' } }).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    const stderr = String((failure as { stderr: string }).stderr);
    expect(stderr).toContain('PORT=x');
    expect(stderr).toContain('SANXIANG_DATABASE_URL');
  });

  it('prints help', async () => {
    const { stdout } = await run('node', [bin, 'help']);
    expect(stdout).toContain('sanxiang serve');
    expect(stdout).toContain('user reset-password');
  });
});

describeEachDialect('sanxiang user', (ctx) => {
  let unitName: string;
  const { output, capture } = consoleCapture();
  beforeAll(async () => {
    const root = await makeUnit(ctx.db.kysely);
    unitName = (await makeUnit(ctx.db.kysely, { parentId: root.id, name: '劳动关系科' })).name;
  });

  it('creates a user by unit name with a printed one-time password, then resets it', async () => {
    capture();
    const code = await runUserCommand(ctx.db.kysely, [
      'create',
      '--username',
      'wang',
      '--name',
      '王五',
      '--unit',
      unitName,
      '--role',
      'officer',
      '--role',
      'unit_head',
    ]);
    expect(code).toBe(0);
    const printed = output.join('\n').match(/初始密码.*:(\S+)$/m)?.[1] ?? '';
    const user = await ctx.db.kysely.selectFrom('users').selectAll().where('username', '=', 'wang').executeTakeFirstOrThrow();
    expect(await verifyPassword(printed, user.password_hash)).toBe(true);
    expect(user.must_change_password).toBe(1);
    const roles = await ctx.db.kysely.selectFrom('user_roles').select('role').where('user_id', '=', user.id).orderBy('role').execute();
    expect(roles.map((r) => r.role)).toEqual(['officer', 'unit_head']);

    output.length = 0;
    expect(await runUserCommand(ctx.db.kysely, ['reset-password', 'WANG'])).toBe(0);
    const temporary = output.join('\n').match(/临时密码.*:(\S+)$/m)?.[1] ?? '';
    const after = await ctx.db.kysely.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(await verifyPassword(temporary, after.password_hash)).toBe(true);
    expect(await verifyPassword(printed, after.password_hash)).toBe(false);
    const events = await ctx.db.kysely
      .selectFrom('events')
      .select(['type', 'actor_name'])
      .where('subject_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { type: 'user.created', actor_name: 'system:cli' },
      { type: 'user.password_reset', actor_name: 'system:cli' },
    ]);
  });

  it.each([
    [['create', '--username', 'lisi'], /缺少参数/],
    [['create', '--username', 'lisi', '--name', '李四', '--unit', '不存在科', '--role', 'officer'], /找不到机构/],
    [['create', '--username', 'lisi', '--name', '李四', '--unit', 'UNIT', '--role', 'emperor'], /未知角色/],
    [['create', '--username', 'lisi', '--name', '李四', '--unit', 'UNIT', '--role', 'officer', '--password', 'weak'], /密码不符合要求/],
    [['reset-password', 'nobody'], /用户不存在/],
    [['create', '--username', 'zs', '--name', '李四', '--unit', 'UNIT', '--role', 'officer'], /用户名须以小写字母开头/],
  ])('refuses %j with exit 1 and a reason', async (args, message) => {
    capture();
    const code = await runUserCommand(
      ctx.db.kysely,
      args.map((a) => (a === 'UNIT' ? unitName : a)),
    );
    expect(code).toBe(1);
    expect(output.join('\n')).toMatch(message);
    expect(await ctx.db.kysely.selectFrom('users').select('id').where('username', '=', 'lisi').execute()).toEqual([]);
  });
});

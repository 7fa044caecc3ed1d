import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { findUserByUsername, insertUser, listPublicUnits, setTemporaryPassword } from '../modules/org/index.js';
import { systemActor } from '../platform/auth/actor.js';
import { generatePassword } from '../platform/auth/password.js';
import { isRole, ROLE_CODES } from '../platform/auth/roles.js';
import type { Database } from '../platform/db/schema.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/errors.js';

/** `sanxiang user create …` and `sanxiang user reset-password <username>`. */
export async function runUserCommand(db: Kysely<Database>, args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  const actor = systemActor('cli');
  try {
    if (sub === 'create') {
      const { values } = parseArgs({
        args: [...rest],
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          unit: { type: 'string' },
          role: { type: 'string', multiple: true },
          password: { type: 'string' },
        },
      });
      const missing = (['username', 'name', 'unit', 'role'] as const).filter((k) => values[k] === undefined);
      if (missing.length > 0) {
        console.error(`缺少参数:${missing.map((m) => `--${m}`).join(' ')}`);
        return 1;
      }
      const roles = values.role ?? [];
      const bad = roles.filter((r) => !isRole(r));
      if (bad.length > 0) {
        console.error(`未知角色:${bad.join(', ')}(可选:${ROLE_CODES.join(', ')})`);
        return 1;
      }
      const units = await listPublicUnits(db);
      const unit = units.find((u) => u.id === values.unit || u.name === values.unit);
      if (!unit) {
        console.error(`找不到机构:${values.unit ?? ''}`);
        return 1;
      }
      const password = values.password ?? generatePassword();
      const user = await inTransaction(db, (trx) =>
        insertUser(
          trx,
          actor,
          { username: values.username ?? '', displayName: values.name ?? '', unitId: unit.id, roles: roles.filter(isRole), password },
          true,
        ),
      );
      console.log(`已创建用户 ${user.username}(${user.displayName},${unit.name})`);
      if (values.password === undefined) console.log(`初始密码(只显示这一次,首次登录须修改):${password}`);
      return 0;
    }
    if (sub === 'reset-password') {
      const username = rest[0];
      if (!username) {
        console.error('用法:sanxiang user reset-password <用户名>');
        return 1;
      }
      const user = await findUserByUsername(db, username.toLowerCase());
      if (!user) {
        console.error(`用户不存在:${username}`);
        return 1;
      }
      const { temporaryPassword } = await inTransaction(db, (trx) => setTemporaryPassword(trx, actor, user.id));
      console.log(`已重置 ${user.username} 的密码,临时密码(只显示这一次,登录后须修改):${temporaryPassword}`);
      return 0;
    }
    console.error('用法:sanxiang user create … | sanxiang user reset-password <用户名>');
    return 1;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`${error.message}(${error.code})`);
      return 1;
    }
    throw error;
  }
}

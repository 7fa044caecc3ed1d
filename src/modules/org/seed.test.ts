import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/databases.js';
import { verifyPassword } from '../../platform/auth/password.js';
import { bootstrapProduction, DEMO_PASSWORD, seedDemo } from './seed.js';

describeEachDialect('demo seed and first production start', (ctx) => {
  it('bootstraps an empty production database with one admin who must change the random password', async () => {
    const created = await bootstrapProduction(ctx.db.kysely, '某县人力资源和社会保障局');
    expect(created?.username).toBe('admin');
    const admin = await ctx.db.kysely.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(admin.must_change_password).toBe(1);
    expect(await verifyPassword(created?.password ?? '', admin.password_hash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, admin.password_hash)).toBe(false);
    const root = await ctx.db.kysely.selectFrom('units').selectAll().where('parent_id', 'is', null).executeTakeFirstOrThrow();
    expect(root.name).toBe('某县人力资源和社会保障局');
    // Never a second time, and the demo seed refuses a database that is in use.
    expect(await bootstrapProduction(ctx.db.kysely, 'x')).toBeUndefined();
    expect(await seedDemo(ctx.db.kysely)).toBe(false);
    const users = await ctx.db.kysely.selectFrom('users').select('username').execute();
    expect(users.map((u) => u.username)).toEqual(['admin']);
  });
});

describeEachDialect('demo seed on an empty database', (ctx) => {
  it('creates the bureau, its eleven units and the eight demo accounts, once', async () => {
    expect(await seedDemo(ctx.db.kysely)).toBe(true);
    const units = await ctx.db.kysely.selectFrom('units').select(['name', 'kind', 'parent_id']).execute();
    expect(units).toHaveLength(12);
    expect(units.filter((u) => u.parent_id === null).map((u) => u.name)).toEqual(['石嘴山市人力资源和社会保障局']);
    expect(units.map((u) => u.name)).toEqual(expect.arrayContaining(['办公室', '政策法规科', '劳动保障监察监督局', '担保中心']));
    const users = await ctx.db.kysely
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select(['users.username', 'units.name as unit', 'users.password_hash', 'users.must_change_password'])
      .orderBy('users.username')
      .execute();
    expect(users.map((u) => u.username)).toEqual([
      'admin',
      'archivist',
      'leader',
      'officer1',
      'officer2',
      'reviewer',
      'supervisor',
      'unithead',
    ]);
    expect(users.find((u) => u.username === 'officer1')?.unit).toBe('劳动保障监察监督局');
    expect(users.find((u) => u.username === 'reviewer')?.unit).toBe('政策法规科');
    expect(users.every((u) => u.must_change_password === 0)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, users[0]?.password_hash ?? '')).toBe(true);
    const roles = await ctx.db.kysely
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['username', 'role'])
      .execute();
    expect(roles).toEqual(
      expect.arrayContaining([
        { username: 'reviewer', role: 'legal_reviewer' },
        { username: 'supervisor', role: 'supervisor' },
      ]),
    );
    expect(await seedDemo(ctx.db.kysely)).toBe(false);
    expect(await ctx.db.kysely.selectFrom('units').select('id').execute()).toHaveLength(12);
  });
});

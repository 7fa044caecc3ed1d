import { Type } from 'typebox';
import { ROLE_CODES } from '../../platform/auth/roles.js';
import { PageQuery } from '../../platform/http/schemas.js';
import { UNIT_KINDS } from './units-service.js';
import { USER_STATUSES, USERNAME_PATTERN } from './users-service.js';

const RoleCode = Type.Union(ROLE_CODES.map((r) => Type.Literal(r)));
const UserStatus = Type.Union(USER_STATUSES.map((s) => Type.Literal(s)));
const UnitKind = Type.Union(UNIT_KINDS.map((k) => Type.Literal(k)));
const Username = Type.String({ pattern: USERNAME_PATTERN.source, description: '小写字母开头,3–32位小写字母、数字、_ . -' });
const Password = Type.String({ minLength: 1, maxLength: 128 });

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  roles: Type.Array(Type.String()),
  status: Type.String(),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const UnitSchema = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: Type.String(),
  path: Type.String(),
  depth: Type.Integer(),
  sortOrder: Type.Integer(),
});

export const MeSchema = Type.Object({
  user: UserSchema,
  previousLoginAt: Type.Union([Type.String(), Type.Null()]),
  unit: Type.Object({ id: Type.String(), name: Type.String(), path: Type.String() }),
  roles: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
});

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Password },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });

export const ListUsersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64 })),
    unitId: Type.Optional(Type.String({ maxLength: 64 })),
    role: Type.Optional(RoleCode),
    status: Type.Optional(UserStatus),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: Type.String({ minLength: 1, maxLength: 64 }),
    unitId: Type.String({ minLength: 1, maxLength: 64 }),
    roles: Type.Array(RoleCode, { minItems: 1, uniqueItems: true }),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    unitId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    roles: Type.Optional(Type.Array(RoleCode, { minItems: 1, uniqueItems: true })),
    status: Type.Optional(UserStatus),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CreateUnitBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    parentId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: UnitKind,
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
  },
  { additionalProperties: false },
);

export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const EventSchema = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  occurredAt: Type.String(),
  type: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.String(),
  actorType: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  ledgerIndex: Type.Union([Type.Integer(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const ListEventsQuery = Type.Object(
  {
    type: Type.Optional(Type.String({ maxLength: 64 })),
    actorId: Type.Optional(Type.String({ maxLength: 64 })),
    subjectType: Type.Optional(Type.String({ maxLength: 64 })),
    subjectId: Type.Optional(Type.String({ maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const RoleSchema = Type.Object({ code: Type.String(), label: Type.String(), description: Type.String() });

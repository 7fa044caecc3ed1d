import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.js';
import { EVIDENCE_KINDS, SENSITIVITIES } from './metadata.js';

const Nullable = () => Type.Union([Type.String(), Type.Null()]);

export const EvidenceSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  filename: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  sha256: Type.String(),
  sm3: Type.String(),
  sensitivity: Type.String(),
  recordedAt: Type.String(),
  device: Nullable(),
  officers: Nullable(),
  place: Nullable(),
  caseId: Nullable(),
  stepId: Nullable(),
  description: Nullable(),
  unitId: Type.String(),
  unitName: Type.String(),
  uploadedBy: Type.Object({ id: Type.String(), displayName: Type.String() }),
  uploadedAt: Type.String(),
  ledgerIndex: Type.Union([Type.Integer(), Type.Null()]),
});

export const ListEvidenceQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(Type.Union(EVIDENCE_KINDS.map((k) => Type.Literal(k)))),
    sensitivity: Type.Optional(Type.Union(SENSITIVITIES.map((s) => Type.Literal(s)))),
    caseId: Type.Optional(Type.String({ maxLength: 64 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const AccessBody = Type.Object(
  { purpose: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '调阅事由' })) },
  { additionalProperties: false },
);

export const AccessGrantSchema = Type.Object({ grant: Type.String(), expiresAt: Type.String(), contentUrl: Type.String() });

// Lenient on purpose: a missing grant is answered 403 like a bad one, and cache-busting extras are ignored.
export const ContentQuery = Type.Object({ grant: Type.Optional(Type.String({ maxLength: 1000 })) });

export const AccessLogEntrySchema = Type.Object({
  id: Type.String(),
  occurredAt: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  purpose: Type.Union([Type.String(), Type.Null()]),
});

export const AccessLogQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

import type { Actor } from '../../platform/auth/actor.js';
import { hasAnyRole, inScope, type PolicySet, readScope } from '../../platform/auth/policy.js';

/**
 * Who may do what with the archives (归档). The 档案管理员 checks and accepts case files, appends
 * supplements, exports them and proposes and carries out 销毁清单; a 局领导 approves a 销毁清单 (with the
 * 同级档案部门's consent on record). Legal holds are set by the archivist or a leader. Leaders, the
 * justice bureau's supervisors and 法规科 read everything; a unit head reads the files of the unit.
 */
export const archivesPolicy = {
  'archive.read': (actor: Actor) => hasAnyRole(actor, ['archivist', 'leader', 'supervisor', 'legal_reviewer', 'admin', 'unit_head']),
  'archive.accept': (actor: Actor) => hasAnyRole(actor, ['archivist']),
  'archive.export': (actor: Actor) => hasAnyRole(actor, ['archivist', 'leader', 'supervisor']),
  'archive.hold': (actor: Actor) => hasAnyRole(actor, ['archivist', 'leader']),
  'archive.dispose': (actor: Actor) => hasAnyRole(actor, ['archivist']),
  'archive.approve_disposal': (actor: Actor) => hasAnyRole(actor, ['leader']),
  // 案卷评查: 法规科 keeps the 评查标准, runs the rounds and scores; leaders and the justice bureau read the
  // results, a unit head those of the unit's files.
  'archive.evaluation_read': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer', 'leader', 'supervisor', 'unit_head']),
  'archive.evaluate': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer']),
  'archive.evaluation_sheet': (actor: Actor) => hasAnyRole(actor, ['legal_reviewer']),
} satisfies PolicySet;

export type ArchivesAction = keyof typeof archivesPolicy;

export const can = (actor: Actor, action: ArchivesAction): boolean => archivesPolicy[action](actor);

/** May the actor do `action` on a file of a unit with this path? */
export const canIn = (actor: Actor, action: ArchivesAction, unitPath: string): boolean =>
  can(actor, action) && inScope(readScope(actor), unitPath);

// The org module's public face: other modules and the app import from here only.

export { login, logout, resolveSession } from './auth-service.js';
export { orgPolicy } from './policy.js';
export { orgRoutes } from './routes.js';
export { bootstrapProduction, DEMO_AGENCY, DEMO_PASSWORD, seedDemo } from './seed.js';
export { registerSessionHook } from './session-hook.js';
export { loadUnitNames, type UnitNames } from './unit-names.js';
export { listPublicUnits, type UnitView } from './units-service.js';
export { actorOfUsername } from './user-actor.js';
export { displayNamesOf, findUserByUsername } from './users-repository.js';
export { getUser, insertUser, setTemporaryPassword, type UserView } from './users-service.js';

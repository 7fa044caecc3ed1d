// The officers module's public face: other modules and the app import from here only.

export {
  type FieldOfficer,
  legalQualificationOfUser,
  type OfficerOnDate,
  officerOfUser,
  officersOfField,
  officersOnDate,
} from './lookup-service.js';
export { officersPolicy } from './policy.js';
export { type CertificateCheck, listPublicRoster, type PublicRoster, verifyCertificate } from './public-service.js';
export { officersRoutes } from './routes.js';
export { seedOfficersDemo } from './seed.js';
export { certificateValidOn, shanghaiToday } from './validity.js';

import type { Template } from '../template.js';
import type { DocumentType } from '../types.js';
import { caseFileCatalogue, caseFileCover, caseFileNotes } from './case-file.js';
import { handlingDecision, penaltyDecision } from './decisions.js';
import { caseTransfer, paymentReminder } from './enforcement.js';
import { closingApproval, filingApproval, serviceReceipt } from './forms.js';
import { evidencePreservationNotice, inquiryNotice, rectificationOrder } from './notices.js';
import { onTheSpotDecision } from './on-the-spot.js';
import { hearingNotice, penaltyPriorNotice } from './penalty-notices.js';
import { hearingRecord, inquiryRecord, inspectionRecord } from './records.js';
import { reviewOpinion } from './review-opinion.js';

/** Every document type's template. */
export const TEMPLATES: Readonly<Record<DocumentType, Template>> = {
  filing_approval: filingApproval,
  inquiry_notice: inquiryNotice,
  inquiry_record: inquiryRecord,
  inspection_record: inspectionRecord,
  evidence_preservation_notice: evidencePreservationNotice,
  rectification_order: rectificationOrder,
  penalty_prior_notice: penaltyPriorNotice,
  hearing_notice: hearingNotice,
  hearing_record: hearingRecord,
  penalty_decision: penaltyDecision,
  handling_decision: handlingDecision,
  on_the_spot_decision: onTheSpotDecision,
  service_receipt: serviceReceipt,
  payment_reminder: paymentReminder,
  case_transfer: caseTransfer,
  closing_approval: closingApproval,
  review_opinion: reviewOpinion,
  case_file_cover: caseFileCover,
  case_file_catalogue: caseFileCatalogue,
  case_file_notes: caseFileNotes,
};

/** One 法制审核 per case decision. State and round move; the rounds themselves never change once concluded. */
export interface ReviewsTable {
  id: string;
  case_id: string;
  case_no: string;
  case_title: string;
  unit_id: string;
  unit_path: string;
  /** A ReviewState. */
  state: string;
  /** The 法制审核人员 who took it (null while waiting in the section's queue). */
  reviewer_id: string | null;
  round_no: number;
  /** 审核期限 of the current round (null while the holiday schedule of its year is not entered). */
  due_on: string | null;
  extended: number;
  /** The 集体讨论 that settled a disagreement, as JSON. */
  settlement: string | null;
  created_at: string;
  updated_at: string;
}

/** A submission and what became of it: the frozen package, the unit's attestation, the opinion. */
export interface ReviewRoundsTable {
  id: string;
  review_id: string;
  round_no: number;
  /** The submission package as canonical JSON, and its SHA-256. */
  package: string;
  package_sha256: string;
  /** Who attested the materials true, accurate and complete, when, in what words (JSON). */
  attestation: string;
  /** The unit's answer to each problem of the previous round (JSON), from round 2 on. */
  answers: string | null;
  submitted_at: string;
  submitted_by: string;
  /** A Conclusion, once the reviewer concluded. */
  conclusion: string | null;
  /** The checklist, problems and note (JSON), with the pre-check results seen. */
  opinion: string | null;
  opinion_document_id: string | null;
  concluded_at: string | null;
  concluded_by: string | null;
}

/** 法律顾问 consulted on a round: the question and, when it comes, the reply. */
export interface ReviewConsultationsTable {
  id: string;
  review_id: string;
  round_no: number;
  adviser: string;
  question: string;
  asked_at: string;
  asked_by: string;
  reply: string | null;
  replied_at: string | null;
  recorded_by: string | null;
}

export interface ReviewsTables {
  reviews: ReviewsTable;
  review_rounds: ReviewRoundsTable;
  review_consultations: ReviewConsultationsTable;
}

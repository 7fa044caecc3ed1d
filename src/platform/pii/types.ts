// The shapes shared by the recognizers, findPii and redact. Pure types: the console's redaction editor
// imports them too.

export const PII_KINDS = [
  'resident_id',
  'uscc',
  'bank_card',
  'email',
  'mobile',
  'landline',
  'address_detail',
  'party_name',
  'person_name',
] as const;

/** Also the overlap priority: an earlier kind wins over a later one covering the same characters. */
export type PiiKind = (typeof PII_KINDS)[number];

export type Confidence = 'high' | 'medium' | 'low';

/** How a natural person's name is shown: 张某某 / 张某 (surname kept), 某某某 (hidden), or unchanged. */
export type NamePolicy = 'surname' | 'hide' | 'full';

export interface Finding {
  readonly kind: PiiKind;
  /** UTF-16 code-unit offsets into the analysed text (JavaScript string indices), end exclusive. */
  readonly start: number;
  readonly end: number;
  /** text.slice(start, end) of the analysed text; redact() refuses a finding whose text no longer matches. */
  readonly text: string;
  readonly confidence: Confidence;
  /** What the published text shows instead; equal to `text` when the finding is kept. */
  readonly replacement: string;
  /** Why it was found, in Chinese for the editor. */
  readonly reason: string;
  /**
   * Public information (an organisation's USCC or address, the agency's own account, a legal
   * representative's name): highlighted for the reviewer but left unconfirmed by default.
   */
  readonly keep: boolean;
}

/** A finding as the reviewer left it: only confirmed findings are applied. */
export interface ReviewedFinding extends Pick<Finding, 'kind' | 'start' | 'end' | 'text' | 'replacement'> {
  readonly confirmed: boolean;
}

export interface PiiOptions {
  /**
   * Public strings that are never redacted, e.g. the agency's fine-collection account, its public
   * telephone, an organisation's registered address. Compared without spaces and dashes; a finding
   * is kept when one entry contains it.
   */
  readonly keep?: readonly string[];
  /** Organisations' USCCs stay public (default true): GB 32100 codes are published on gsxt. */
  readonly organizationsPublic?: boolean;
  /** Organisations (party names) whose addresses are public; see address.ts for how an address is attributed. */
  readonly keepAddressesOf?: readonly string[];
  /** Natural-person parties' names from the case data. */
  readonly parties?: readonly string[];
  /** Other natural persons' names from the case data (complainants, witnesses, workers). */
  readonly names?: readonly string[];
  /** How natural-person parties are shown (default 'surname': 张某某). */
  readonly partyPolicy?: NamePolicy;
  /** How other natural persons are shown (default 'surname': 张某); 'full' is not offered (浙江办法 §7 requires hiding). */
  readonly othersPolicy?: Exclude<NamePolicy, 'full'>;
  /** Names after 法定代表人/负责人 stay public (default true): 人社部令第29号 publishes them. */
  readonly legalRepresentativesPublic?: boolean;
}

/** A recognizer's raw match before keep rules and overlap resolution. */
export interface Candidate {
  readonly kind: PiiKind;
  readonly start: number;
  readonly end: number;
  readonly confidence: Confidence;
  readonly replacement: string;
  readonly reason: string;
  readonly keep?: boolean;
}

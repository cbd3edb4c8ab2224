// A watch-list match kept for review (docs/screening.md, "Match review") as the review reads it and the
// API shows it (the ScreeningCandidate type of src/modules/screening/screening.graphql): the candidate
// with the organization it is about, instants as ISO 8601 text. What `tiersight export` writes of it is
// ScreeningCandidateRecord (src/domain/format.ts).
import type { CandidateStatus } from './format.ts';

export type { CandidateStatus };

export interface ScreeningCandidate {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationCountry: string | null;
  source: string;
  listEntryId: string;
  entryName: string;
  program: string | null;
  matchedName: string;
  matchedEntryName: string;
  /** 0 to 1: the name score weighed with country and identifiers. */
  score: number;
  explanation: string[];
  evidenceUrl: string | null;
  observedAt: string | null;
  status: CandidateStatus;
  createdAt: string;
  decidedAt: string | null;
  decidedByUserId: string | null;
  note: string | null;
  delistedAt: string | null;
}

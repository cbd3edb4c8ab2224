// Screening candidates read a page at a time, best score first and by id among equal scores: a cursor
// is the score and id of the last candidate a page held (src/domain/cursor.ts).
import { encodeCursor, optionalCursor } from '../../domain/cursor.ts';

export interface CandidatePlace {
  score: number;
  id: string;
}

export const candidateCursor = ({ score, id }: CandidatePlace): string => encodeCursor([score, id]);

export const candidatePlace = (after: string | null | undefined): CandidatePlace | null =>
  optionalCursor(after, ([score, id, ...rest]) =>
    typeof score === 'number' && Number.isFinite(score) && typeof id === 'string' && rest.length === 0
      ? { score, id }
      : null,
  );

// Reviewing screening candidates for one request: arguments checked, decisions by the token's user.
import type { Viewer } from '../../auth/policy.ts';
import { badInput, notFound } from '../../domain/errors.ts';
import { optionalTextArgument } from '../../domain/optional-text.ts';
import { wholeNumberArgument } from '../../domain/whole-number.ts';
import { candidatePlace } from './candidate-pages.ts';
import type { CandidateStatus, ScreeningCandidate } from '../../domain/screening.ts';
import type { ScreeningReviewRepository } from './screening-review-repository.ts';

const MAX_FIRST = 500;
const MAX_NOTE = 2000;

export class ScreeningReviewService {
  constructor(
    private readonly repository: ScreeningReviewRepository,
    private readonly viewer: Viewer,
    private readonly now: Date,
  ) {}

  candidates(
    status: CandidateStatus | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<ScreeningCandidate[]> {
    const limit = wholeNumberArgument('first', first ?? 100, 1, MAX_FIRST);
    return this.repository.candidates(status ?? 'PENDING', limit, candidatePlace(after));
  }

  async decide(
    id: string,
    status: 'CONFIRMED' | 'REJECTED',
    note: string | null | undefined,
  ): Promise<ScreeningCandidate> {
    const text = optionalTextArgument('note', note, MAX_NOTE, 'multi-line');
    const decided = await this.repository.decide({
      id,
      status,
      note: text,
      userId: this.viewer.userId,
      organizationId: this.viewer.organizationId,
      at: this.now,
    });
    if (decided) return decided;
    const existing = await this.repository.candidate(id);
    if (!existing) throw notFound('Screening candidate', id);
    throw badInput(
      `Screening candidate ${id} is already ${existing.status}; only a PENDING one can be decided.`,
    );
  }
}

import type { OrganizationsContext } from '../organizations/context.ts';
import type { ScreeningReviewService } from './screening-review-service.ts';

export interface ScreeningContext extends OrganizationsContext {
  screeningReview: ScreeningReviewService;
}

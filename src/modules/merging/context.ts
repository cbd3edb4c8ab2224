import type { BaseContext } from '../../api/context.ts';
import type { MergeService } from './merge-service.ts';

export interface MergingContext extends BaseContext {
  merges: MergeService;
}

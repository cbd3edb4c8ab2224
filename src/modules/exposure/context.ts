import type { DisclosuresContext } from '../disclosures/context.ts';
import type { ExposureService } from './exposure-service.ts';

/** Disclosed indicators resolve their disclosure through the disclosures module's loaders. */
export interface ExposureContext extends DisclosuresContext {
  analysis: ExposureService;
}

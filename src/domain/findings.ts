// Findings: what a MONITOR (an NGO, auditor or researcher such as Electronics Watch or DanWatch) found
// at an organization, recorded through the API as a public risk indicator of its own (specification,
// section 13). Imported indicators come from the operator's lists; a finding names the monitor that
// recorded it, and only that monitor withdraws it. The rules of what a monitor sends. No I/O.
import { badInput } from './errors.ts';
import { checkInstant, checkText, checkUrl } from './field-checks.ts';
import { storedTopics, type RiskKind, type RiskTopic, type Severity } from './format.ts';
import type { Organization } from './model.ts';
import { quote } from './quote.ts';

/** What a monitor's own work finds: a report it published, or a finding of an audit it made. */
export const FINDING_KINDS = ['REPORT', 'AUDIT_FINDING'] as const satisfies readonly RiskKind[];
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_LIMITS = { source: 300, description: 4_000, url: 2_000 } as const;

export interface FindingSubmission {
  kind: FindingKind;
  severity: Severity;
  source: string;
  topics?: readonly RiskTopic[] | null | undefined;
  description?: string | null | undefined;
  evidenceUrl?: string | null | undefined;
  observedAt?: string | null | undefined;
}

/** A finding's content as stored: texts trimmed, the instant as UTC ISO 8601. */
export interface FindingContent {
  kind: FindingKind;
  severity: Severity;
  source: string;
  /** Each once, in RISK_TOPICS order (storedTopics); empty: not classified. */
  topics: RiskTopic[];
  description: string | null;
  evidenceUrl: string | null;
  observedAt: string | null;
}

/** A recorded finding, with the organization it is about. */
export interface Finding extends FindingContent {
  id: string;
  organization: Organization;
  recordedAt: string;
  recordedByUserId: string;
  withdrawnAt: string | null;
  /** When its texts were erased (redactFinding), and by which user (token `sub`); null before. */
  redactedAt: string | null;
  redactedByUserId: string | null;
}

/**
 * A redacted finding's texts: the source empty (it is required), the description and evidence URL
 * gone. What is left names nobody and keeps the record's sense for an `asOf` before its withdrawal:
 * kind, severity, when it was observed, recorded and withdrawn, and which monitor stated it.
 */
export const REDACTED_FINDING_TEXTS = {
  source: '',
  description: null,
  evidenceUrl: null,
} as const satisfies Partial<FindingContent>;

/**
 * The content of `submitted` as stored, or BAD_USER_INPUT listing every problem, each naming the field
 * (`input.<name>`) and its value. `observedAt` may not lie after `now`: a finding says what was seen.
 */
export function checkFinding(submitted: FindingSubmission, now: Date): FindingContent {
  const problems: string[] = [];
  // One line: it is shown beside the indicator, in CSV cells and read out by screen readers.
  const source = checkText(
    problems,
    'input.source',
    submitted.source,
    FINDING_LIMITS.source,
    true,
    'one-line',
  )?.trim();
  const description = checkText(
    problems,
    'input.description',
    submitted.description,
    FINDING_LIMITS.description,
    false,
    'multi-line',
  );
  const evidenceUrl = checkUrl(
    problems,
    'input.evidenceUrl',
    submitted.evidenceUrl,
    FINDING_LIMITS.url,
    'one-line',
  );
  const observed = checkInstant(problems, 'input.observedAt', submitted.observedAt);
  if (observed !== null && observed > now)
    problems.push(`input.observedAt must not be in the future, got ${quote(submitted.observedAt)}`);
  if (problems.length > 0) throw badInput(`Invalid finding: ${problems.join('; ')}`);
  return {
    kind: submitted.kind,
    severity: submitted.severity,
    source: source ?? '',
    // GraphQL's enum refused any other word; a topic named twice is the same topic.
    topics: storedTopics(submitted.topics ?? []),
    description,
    evidenceUrl,
    observedAt: observed === null ? null : observed.toISOString(),
  };
}

// What visible disclosures say about an organization in an exposure (specification, section 2, rule 8,
// last point): open or overdue corrective actions of severity HIGH or CRITICAL, and evidence that has
// all expired. Derived at the exposure's instant from the disclosures that rule 8 let through; kept
// apart from the public risk indicators so that an analyst can tell "a public report says" from "the
// supplier told us".
import { versionAt, type CorrectiveAction, type Disclosure, type StoredVersion } from './disclosures.ts';
import { quotedText } from './erased-text.ts';
import { isEvidence, issuedBy } from './evidence-validity.ts';
import { KINDS_WITH_ACTIONS, type DisclosureKind, type Severity } from './format.ts';
import { bySeverity } from './severity.ts';
import { byText, byWords } from './text-order.ts';

const DISCLOSED_INDICATOR_KINDS = ['OPEN_ACTION', 'OVERDUE_ACTION', 'EXPIRED_EVIDENCE'] as const;
export type DisclosedIndicatorKind = (typeof DISCLOSED_INDICATOR_KINDS)[number];

/** The severities of an action that make it an indicator. */
const FLAGGED: readonly Severity[] = ['HIGH', 'CRITICAL'];

const EXPIRED_EVIDENCE_TEXT = 'every visible certificate and audit report expired';

interface IndicatorBase {
  severity: Severity;
  /** The disclosure it comes from: the evidence reference. */
  disclosureId: string;
  /** The version of it that says so (the one in effect at the instant asked for). */
  version: number;
  /** The exposure's asOf (null for now), at which the disclosure is shown. */
  asOf: Date | null;
  description: string;
}

/** An open or overdue severe action. */
interface ActionIndicator extends IndicatorBase {
  kind: 'OPEN_ACTION' | 'OVERDUE_ACTION';
  action: CorrectiveAction;
}

/** Every visible audit report and certificate expired; the disclosure is the one that expired last. */
interface ExpiredEvidenceIndicator extends IndicatorBase {
  kind: 'EXPIRED_EVIDENCE';
  action: null;
  /** When it expired: since then no audit report or certificate has been valid. */
  expiredAt: string;
}

export type DisclosedIndicator = ActionIndicator | ExpiredEvidenceIndicator;

/**
 * A disclosed indicator as exposure answers it: with the disclosure it comes from, shown as the
 * statement that decided rule 8 for it read it (the version the indicator comes from).
 */
export type EvidencedIndicator = DisclosedIndicator & { disclosure: Disclosure };

/** A disclosure that rule 8 let through, as the version in effect at the exposure's instant. */
export interface VisibleEvidence {
  organizationId: string;
  disclosureId: string;
  kind: DisclosureKind;
  version: StoredVersion;
}

/** The disclosed indicators of one organization from its visible disclosures, most severe first. */
export function disclosedIndicators(
  evidence: readonly VisibleEvidence[],
  at: Date,
  asOf: Date | null,
): DisclosedIndicator[] {
  const indicators: DisclosedIndicator[] = [];
  for (const item of evidence) {
    if (!KINDS_WITH_ACTIONS.includes(item.kind)) continue;
    for (const action of versionAt(item.version, at).actions) {
      if (!FLAGGED.includes(action.severity) || action.status === 'CLOSED') continue;
      indicators.push({
        kind: action.overdue ? 'OVERDUE_ACTION' : 'OPEN_ACTION',
        severity: action.severity,
        disclosureId: item.disclosureId,
        version: item.version.version,
        asOf,
        action,
        description: quotedText(action.finding),
      });
    }
  }
  const dated = evidence.filter((e) => isEvidence(e.kind) && issuedBy(e.version, at));
  const ended = dated.flatMap((item) => {
    const until = item.version.validUntil;
    return until !== null && new Date(until) < at ? [{ item, expiredAt: until }] : [];
  });
  if (ended.length > 0 && ended.length === dated.length) {
    // The last to end: since then none has been valid. Of several that ended at once, the one of the
    // smallest id, whatever order the statement read them in.
    const latest = ended.reduce((last, e) =>
      e.expiredAt > last.expiredAt ||
      (e.expiredAt === last.expiredAt && byText(e.item.disclosureId, last.item.disclosureId) < 0)
        ? e
        : last,
    );
    indicators.push({
      kind: 'EXPIRED_EVIDENCE',
      severity: 'MEDIUM',
      disclosureId: latest.item.disclosureId,
      version: latest.item.version.version,
      asOf,
      action: null,
      expiredAt: latest.expiredAt,
      description: EXPIRED_EVIDENCE_TEXT,
    });
  }
  return indicators.sort(
    (a, b) =>
      bySeverity(a, b) ||
      DISCLOSED_INDICATOR_KINDS.indexOf(b.kind) - DISCLOSED_INDICATOR_KINDS.indexOf(a.kind) ||
      byWords(a.disclosureId, b.disclosureId),
  );
}

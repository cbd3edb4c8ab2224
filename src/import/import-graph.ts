// An import in two passes over the data: validate everything, and only when nothing is wrong, write
// in batches. Organizations are written before what refers to them; a file that lists them later is
// read once more for the rest.
import type { ImportRepository } from '../graph/repositories/import-repository.ts';
import type { LinkRecord, OrganizationRecord, RiskRecord, ShareRecord } from '../domain/format.ts';
import { SECTIONS, type ItemSource, type Section } from './read-records.ts';
import { CHECKERS, validate, type ValidationResult } from './validate.ts';

export interface ImportProgress {
  /** A new phase starts ('validating', 'writing'); `total` records when known. */
  phase(name: string, total?: number): void;
  /** Records done so far in the current phase. */
  advance(done: number): void;
  finish(): void;
}

const silent: ImportProgress = { phase() {}, advance() {}, finish() {} };

export type ImportOutcome =
  | { ok: false; validation: ValidationResult }
  | { ok: true; validation: ValidationResult; written: Record<Section, number>; seconds: number };

export interface ImportOptions {
  /** Empty the database first; references then resolve against the file only. */
  reset?: boolean;
  batchSize?: number;
  progress?: ImportProgress;
  maxProblems?: number;
  /**
   * The import's instant: the recording time of every record that does not state an earlier one, and
   * the latest one a file may state (default: when the import starts).
   */
  importedAt?: Date;
}

export async function importGraph(
  source: ItemSource,
  repository: ImportRepository,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const started = performance.now();
  const progress = options.progress ?? silent;
  const importedAt = options.importedAt ?? new Date();
  progress.phase('validating');
  const counted: ItemSource = async function* () {
    let seen = 0;
    for await (const item of source()) {
      if (item.kind === 'record') progress.advance(++seen);
      yield item;
    }
  };
  const validation = await validate(counted, {
    existing: options.reset ? null : repository,
    importedAt,
    ...(options.maxProblems ? { maxProblems: options.maxProblems } : {}),
  });
  progress.finish();
  if (validation.problemCount > 0) return { ok: false, validation };

  if (options.reset) await repository.deleteAllData();
  const total = SECTIONS.reduce((sum, s) => sum + validation.counts[s], 0);
  progress.phase('writing', total);
  const writer = new BatchWriter(repository, options.batchSize ?? 5_000, progress, importedAt);
  const orgsFirst = validation.sectionOrder.indexOf('organizations') <= 0;
  const passes: Section[][] = orgsFirst ? [[...SECTIONS]] : [['organizations'], ['links', 'shares', 'risks']];
  for (const sections of passes) await writer.pass(source, new Set(sections));
  progress.finish();
  return { ok: true, validation, written: writer.written, seconds: (performance.now() - started) / 1000 };
}

type AnyRecord = OrganizationRecord | LinkRecord | ShareRecord | RiskRecord;

/**
 * Collects records into batches and writes them one at a time, in file order. While one batch is
 * being written the next one is parsed, so parsing and Neo4j's work overlap; writes never run
 * concurrently (parallel batches that touch the same organizations would deadlock and retry).
 */
class BatchWriter {
  readonly written: Record<Section, number> = { organizations: 0, links: 0, shares: 0, risks: 0 };
  private batch: AnyRecord[] = [];
  private batchSection: Section | null = null;
  private done = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly repository: ImportRepository,
    private readonly batchSize: number,
    private readonly progress: ImportProgress,
    private readonly importedAt: Date,
  ) {}

  async pass(source: ItemSource, sections: Set<Section>): Promise<void> {
    for await (const item of source()) {
      if (item.kind !== 'record' || !sections.has(item.section)) continue;
      const { record } = CHECKERS[item.section](item.value);
      if (record === null) throw new Error(`${item.section}[${item.index}] changed since it was validated`);
      if (item.section !== this.batchSection) await this.flush();
      this.batchSection = item.section;
      this.batch.push(record);
      if (this.batch.length >= this.batchSize) await this.flush();
    }
    await this.flush();
    await this.inFlight;
  }

  /** Starts writing the current batch once the previous write is done; returns when it has started. */
  private async flush(): Promise<void> {
    const section = this.batchSection;
    if (section === null || this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    await this.inFlight;
    this.inFlight = this.write(section, batch);
    // An error surfaces at the next flush or at the end of the pass; mark it handled meanwhile.
    this.inFlight.catch(() => {});
  }

  private async write(section: Section, batch: AnyRecord[]): Promise<void> {
    switch (section) {
      case 'organizations':
        await this.repository.upsertOrganizations(batch as OrganizationRecord[]);
        break;
      case 'links':
        await this.repository.upsertLinks(batch as LinkRecord[], this.importedAt);
        break;
      case 'shares':
        await this.repository.upsertShares(batch as ShareRecord[], this.importedAt);
        break;
      case 'risks':
        await this.repository.upsertRisks(batch as RiskRecord[], this.importedAt);
        break;
    }
    this.written[section] += batch.length;
    this.done += batch.length;
    this.progress.advance(this.done);
  }
}

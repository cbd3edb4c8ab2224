// What reading a tiersight/v1 file yields, whichever reader reads it (read-records.ts, outline-items.ts).

export const SECTIONS = [
  'organizations',
  'links',
  'shares',
  'risks',
  'disclosures',
  'accessRequests',
  'merges',
  'screeningCandidates',
] as const;
export type Section = (typeof SECTIONS)[number];

/** A count per section, all zero. */
export const sectionCounts = (): Record<Section, number> => ({
  organizations: 0,
  links: 0,
  shares: 0,
  risks: 0,
  disclosures: 0,
  accessRequests: 0,
  merges: 0,
  screeningCandidates: 0,
});

/**
 * Why a section's key given a second time is refused (with its records unread): JSON leaves repeated
 * keys undefined, and reading on would number the records of both from 0, so that a problem named
 * `organizations[0]` could mean either.
 */
export const SECTION_TWICE = 'appears a second time: give each section once';

export type FileItem =
  | { kind: 'record'; section: Section; index: number; value: unknown }
  | { kind: 'format'; value: unknown }
  /** A top-level key that is not part of the format, or a section that is not an array. */
  | { kind: 'unexpected'; key: string; reason: string }
  /** A record nested too deeply to be read (the rest of it is skipped). */
  | { kind: 'unreadable'; section: Section; index: number; id?: string; reason: string };

/**
 * How deeply a record may nest (the record itself is level 1; tiersight/v1 needs 2). Checking values
 * nested 100,000 levels deep would overflow the stack; a bound keeps them from being built at all.
 */
export const MAX_RECORD_DEPTH = 32;

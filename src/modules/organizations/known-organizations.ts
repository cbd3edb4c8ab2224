/**
 * Remembers for a few seconds that a token's organization exists, so that a dashboard's burst of
 * requests pays for that check once instead of once per request. An organization deleted meanwhile
 * (import --reset, or a merge through another replica) keeps its tokens working for at most `ttlMs`;
 * what they can see is still decided by the traversal, which finds nothing for a viewer that no longer
 * exists. A merge through this process forgets the merged organization at once.
 */
export class KnownOrganizations {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 50_000,
  ) {}

  has(id: string, now = Date.now()): boolean {
    return (this.until.get(id) ?? 0) > now;
  }

  forget(id: string): void {
    this.until.delete(id);
  }

  remember(id: string, now = Date.now()): void {
    // Bounded without bookkeeping: forgetting everything only costs one lookup per organization.
    if (this.until.size >= this.maxEntries) this.until.clear();
    this.until.set(id, now + this.ttlMs);
  }
}

// Example operations for GraphiQL's first tabs, one per user group of the README: analysts asking
// depth questions, dashboards drawing tier-n suppliers, and monitors/researchers tracing exposure and
// recording what they found.

interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

const ANALYST_EXAMPLE = `# Analysts: my supply chain tier by tier (specification, section 2), how far risk is from me, and
# where to start due diligence (docs/risk-model.md).
query AnalystChain($maxDepth: Int = 10) {
  me { organization { id name } roles }
  supplyChain(maxDepth: $maxDepth) {
    root { name }
    depth
    tiers { tier organizations { id name type country } }
  }
  exposure(maxDepth: $maxDepth) {
    closestTier
    findings { tier severity organization { name } indicators { kind source } }
    blindSpots { name }
  }
  riskAssessment(maxDepth: $maxDepth) {
    organizations(first: 5) { sharedRank score tier organization { name } }
    actions { kind text organization { id name } }
  }
}
`;

const DASHBOARD_EXAMPLE = `# Dashboards: counts per tier and the links to draw between tiers. Try asOf: "2013-06-01".
query DashboardData($asOf: DateTime, $product: String) {
  supplyChain(maxDepth: 10, asOf: $asOf, product: $product) {
    depth
    summary { tier organizations byType { type count } byCountry { country count } }
    links { id supplier { id } customer { id } products validFrom validTo provenance }
  }
}
`;

const MONITOR_EXAMPLE = `# Monitors and researchers: the roots shared with me (visibility rule 2), then a root's chain, its
# exposure, which of my chains hold one factory, and the way to it. A monitor's own chain is empty:
# name a root.
# Sign in as nl-electronics-watch and use rootId "us-dell" (docs/analyst-guide.md, Researchers).
query MonitorView($rootId: ID = "us-dell", $factory: ID = "cn-hipro-dongguan") {
  me { organization { name type } roots { id name } }
  supplyChain(rootId: $rootId, maxDepth: 3) {
    tiers { tier organizations { name city country risks { kind severity source evidenceUrl } } }
  }
  exposure(rootId: $rootId) {
    findings { tier severity organization { name } path { name } indicators { source description } }
  }
  chainsReaching(organizationId: $factory) { root { name } tier }
  reachesFactory: paths(toId: $factory, rootId: $rootId, limit: 1) { organizations { name } }
}
`;

const MONITOR_FINDING_EXAMPLE = `# Monitors recording a finding: a public risk indicator about an organization you may see (here a
# factory in Dell's chain), which everyone who sees it sees, naming your organization; withdrawFinding
# takes it back, redactFinding then erases its texts for everyone (an asOf before included),
# findingsRecorded lists yours (any role). Recording needs a monitor's supplier_admin:
# npx tiersight token --org nl-electronics-watch --role supplier_admin
mutation MonitorRecordsFinding($organizationId: ID = "cn-hipro-dongguan", $idempotencyKey: String) {
  recordFinding(
    input: {
      organizationId: $organizationId
      kind: REPORT
      severity: HIGH
      source: "Electronics Watch compliance report, 2026-11 (illustrative)"
      description: "Excessive overtime in the peak season"
      observedAt: "2026-11-02"
    }
    idempotencyKey: $idempotencyKey
  ) {
    id kind severity source recordedAt
    organization { name }
  }
}
`;

export const authorizationHeaders = (token: string | null): string =>
  token === null
    ? JSON.stringify(
        {
          Authorization:
            'Bearer <paste the output of `npx tiersight token --org se-region-stockholm --role analyst`>',
        },
        null,
        2,
      )
    : JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2);

export function exampleTabs(token: string | null): ExampleTab[] {
  const headers = authorizationHeaders(token);
  return [
    { query: ANALYST_EXAMPLE, headers },
    { query: DASHBOARD_EXAMPLE, headers, variables: '{ "asOf": null, "product": null }' },
    { query: MONITOR_EXAMPLE, headers },
    { query: MONITOR_FINDING_EXAMPLE, headers },
  ];
}

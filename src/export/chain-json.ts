// JSON for scripts: the whole export with every risk indicator and disclosed indicator in full, under a
// format name of its own (it is not a tiersight/v1 file: it holds one viewer's view, and `tiersight
// import` refuses it).
import type { ChainExport } from './chain-export.ts';

const CHAIN_JSON_FORMAT = 'tiersight-chain/v1';

export function chainToJson(chain: ChainExport): string {
  const document = {
    format: CHAIN_JSON_FORMAT,
    viewer: chain.viewerId,
    root: chain.rootId,
    maxDepth: chain.maxDepth,
    asOf: chain.asOf,
    product: chain.product,
    exportedAt: chain.exportedAt,
    organizations: chain.nodes.map(({ organization, tier, risks, disclosed }) => ({
      ...organization,
      tier,
      // A finding's monitor as its identity card, as RiskIndicator.recordedBy answers it: the record
      // read holds only those fields (the others unread, not absent) and an internal marker.
      risks: risks.map(({ recordedBy, ...risk }) => ({
        ...risk,
        recordedBy: recordedBy && {
          id: recordedBy.id,
          name: recordedBy.name,
          type: recordedBy.type,
          country: recordedBy.country,
        },
      })),
      disclosedIndicators: disclosed.map(({ indicator, disclosedBy }) => ({
        kind: indicator.kind,
        severity: indicator.severity,
        description: indicator.description,
        disclosureId: indicator.disclosureId,
        version: indicator.version,
        disclosedBy,
        action: indicator.action,
        expiredAt: indicator.kind === 'EXPIRED_EVIDENCE' ? indicator.expiredAt : null,
      })),
    })),
    links: chain.links.map(({ supplierId, customerId, ...link }) => ({
      ...link,
      supplier: supplierId,
      customer: customerId,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

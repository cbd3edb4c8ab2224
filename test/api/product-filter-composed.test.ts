// A product filter against products as imports store them: a file exported on a Mac writes
// "bärbara datorer" decomposed (a + combining diaeresis), and the buyer types it composed. The two
// are one text (canonically equivalent) and show alike in the page's suggestions, but the walk compared
// them as code units and found no laptop chain at all: a Swedish buyer concluded she had none.
import { beforeEach, describe, expect, it } from 'vitest';
import { useApi } from '../support/harness.ts';
import { loadGraph } from '../support/database.ts';
import { graph } from '../support/graph-builder.ts';

const t = useApi();
const COMPOSED = 'b\u00e4rbara datorer';
const DECOMPOSED = 'ba\u0308rbara datorer';
const EARLY = '2020-01-01T00:00:00Z';

const CHAIN = `query($product: String) { supplyChain(maxDepth: 3, product: $product) { tiers { tier organizations { id } } links { id } } }`;
const RISK = `query($product: String) { riskAssessment(maxDepth: 3, product: $product) { organizations { organization { id } } } }`;

describe('a product typed composed finds links stored decomposed, and the other way round', () => {
  beforeEach(async () => {
    await loadGraph(
      t.db,
      graph()
        .org('buyer', 'PURCHASER')
        .org('reseller', 'RESELLER')
        .org('maker', 'MANUFACTURER')
        .link('reseller', 'buyer', { id: 'l-resale', products: [DECOMPOSED], recordedAt: EARLY })
        .link('maker', 'reseller', { id: 'l-make', products: [COMPOSED], recordedAt: EARLY })
        .share('reseller', 'buyer', { id: 'reseller-sourcing' })
        .build(),
    );
  });

  it.each([
    ['composed', COMPOSED],
    ['decomposed', DECOMPOSED],
  ])('supplyChain and riskAssessment with the product %s walk both links', async (_, product) => {
    const chain = await t.api.query('buyer', CHAIN, { product });
    expect(chain.errors).toBeUndefined();
    expect(chain.data).toEqual({
      supplyChain: {
        tiers: [
          { tier: 1, organizations: [{ id: 'reseller' }] },
          { tier: 2, organizations: [{ id: 'maker' }] },
        ],
        links: [{ id: 'l-make' }, { id: 'l-resale' }],
      },
    });
    const risk = await t.api.query('buyer', RISK, { product });
    expect(risk.errors).toBeUndefined();
    const ranked = (risk.data!['riskAssessment'] as { organizations: { organization: { id: string } }[] })
      .organizations;
    expect(ranked.map((o) => o.organization.id).sort()).toEqual(['maker', 'reseller']);
  });

  it('another product is still another', async () => {
    const chain = await t.api.query('buyer', CHAIN, { product: 'barbara datorer' });
    expect(chain.data).toEqual({ supplyChain: { tiers: [], links: [] } });
  });
});

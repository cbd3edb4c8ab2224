// An import refuses "a share covering another organization's link" (contract, section 5). It checked
// the shares of the file, but a link record that moves a stored link to another customer left a
// stored share of the former customer listing it: the database then held such a share, and the
// backup `tiersight export` wrote of it was refused by `tiersight import`. The link record is now
// refused naming the share, unless the file restates that share too. Likewise a disclosure's subject
// is its owner or a supplier of it (a link, any dates, in the file or the database): moving away the
// last link from the subject to the owner left a stored disclosure whose backup was refused, and a
// disclosure of the file was checked against the link the same file moved away.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/import/validate.ts';
import { graph } from '../support/graph-builder.ts';
import { loadGraph, openTestDatabase, type TestDatabase } from '../support/database.ts';
import { dumpGraph } from '../support/graph-dump.ts';
import { fileImporter, linkRecord } from '../support/import-files.ts';

let db: TestDatabase;
const importRecords = fileImporter('import-moved-link', () => db);

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await loadGraph(
    db,
    graph()
      .org('buyer', 'PURCHASER')
      .org('reseller', 'RESELLER')
      .org('other', 'RESELLER')
      .org('brand', 'BRAND')
      .link('reseller', 'buyer', { id: 'l-sale' })
      .link('brand', 'reseller', { id: 'l-brand' })
      .link('brand', 'reseller', { id: 'l-brand-2' })
      .link('brand', 'other', { id: 'l-other' })
      .share('reseller', 'buyer', { id: 's-listed', linkIds: ['l-brand'] })
      .share('reseller', 'buyer', { id: 's-all', linkIds: null })
      .org('factory', 'FACTORY')
      .org('mill', 'FACTORY')
      .link('factory', 'brand', { id: 'l-factory-old', validTo: '2020-01-01' })
      .link('factory', 'brand', { id: 'l-factory' })
      .link('mill', 'brand', { id: 'l-mill' })
      .disclosure('brand', 'factory', { id: 'd-factory' })
      .build(),
  );
});

describe('an import that moves a stored link to another customer', () => {
  it('is refused when a stored share of the former customer lists the link, and writes nothing', async () => {
    const before = await dumpGraph(db.driver);
    const { ok, validation } = await importRecords({ links: [linkRecord('l-brand', 'brand', 'other')] });
    expect(validation.problems.map(formatProblem)).toEqual([
      `links[0] (id "l-brand"): customer "other" is not the customer "reseller" whose share "s-listed" ` +
        `lists the link: a share covers only its owner's own sourcing; keep the customer, or restate ` +
        `that share in the file without the link`,
    ]);
    expect(ok).toBe(false);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('goes ahead when the file restates the share without the link', async () => {
    const outcome = await importRecords({
      links: [linkRecord('l-brand', 'brand', 'other')],
      shares: [{ id: 's-listed', owner: 'reseller', recipient: 'buyer', linkIds: ['l-brand-2'] }],
    });
    expect(outcome.validation.problems.map(formatProblem)).toEqual([]);
    expect(outcome.ok).toBe(true);
  });

  it('goes ahead when only a share of every link (linkIds null) covered it, or no share did', async () => {
    const outcome = await importRecords({
      links: [linkRecord('l-other', 'brand', 'reseller'), linkRecord('l-sale', 'reseller', 'other')],
    });
    expect(outcome.validation.problems.map(formatProblem)).toEqual([]);
    expect(outcome.ok).toBe(true);
  });
});

describe("an import that moves away the last link from a stored disclosure's subject to its owner", () => {
  const away = [linkRecord('l-factory-old', 'factory', 'other'), linkRecord('l-factory', 'factory', 'other')];

  it('is refused naming the disclosure, and writes nothing', async () => {
    const before = await dumpGraph(db.driver);
    const { ok, validation } = await importRecords({ links: away });
    expect(validation.problems.map(formatProblem)).toEqual([
      `links[1] (id "l-factory"): it was the last link from "factory" to "brand", and disclosure "d-factory" ` +
        `of "brand" is about "factory": a disclosure's subject is its owner or a supplier of it; keep a link ` +
        `from "factory" to "brand" in the file (one that ended will do)`,
    ]);
    expect(ok).toBe(false);
    expect(await dumpGraph(db.driver)).toEqual(before);
  });

  it('goes ahead while another link from the subject to the owner stays, in the store or the file', async () => {
    const one = await importRecords({ links: [linkRecord('l-factory', 'factory', 'other')] });
    expect(one.validation.problems.map(formatProblem)).toEqual([]);
    const both = await importRecords({ links: [...away, linkRecord('l-factory-new', 'factory', 'brand')] });
    expect(both.validation.problems.map(formatProblem)).toEqual([]);
    expect(both.ok).toBe(true);
  });

  it('refuses a disclosure of the file about the supplier of a link the same file moves away', async () => {
    const { ok, validation } = await importRecords({
      links: [linkRecord('l-mill', 'mill', 'other')],
      disclosures: graph().disclosure('brand', 'mill', { id: 'd-mill' }).build().disclosures ?? [],
    });
    expect(validation.problems.map(formatProblem)).toEqual([
      `disclosures[0] (id "d-mill"): subject "mill" must be the owner "brand" or one of its suppliers: no link ` +
        `in the file or the database has "mill" as supplier and "brand" as customer`,
    ]);
    expect(ok).toBe(false);
  });
});

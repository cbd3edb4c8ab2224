// Product names, wherever a client sends them (a declared or amended link, a disclosure, an access
// request, a product filter): one rule, so that a product a client names in one place matches the same
// product named in another. Each is stored trimmed, since a product filter compares names as stored;
// a list keeps each name once; a bad item is named by its index in the list as sent.
import { badInput, refuseProblems } from './errors.ts';
import { characterProblem, type TextCharacters } from './optional-text.ts';
import { quote } from './quote.ts';

/** The longest product name. */
export const MAX_PRODUCT = 200;
/** The most products one link, disclosure or access request names. */
export const MAX_PRODUCTS = 200;

const badName = (field: string, value: unknown) =>
  `${field} must be a non-empty name of at most ${MAX_PRODUCT} characters, got ${quote(value)}`;

/**
 * A list of product names as stored (trimmed, each once), with a problem per bad item or for its size.
 * A name is one line (`characters`: `as-stored` for a backup's list).
 */
export function checkedProducts(
  field: string,
  products: readonly string[] | null | undefined,
  characters: Extract<TextCharacters, 'one-line' | 'as-stored'>,
): { products: string[]; problems: string[] } {
  const problems: string[] = [];
  const kept = new Set<string>();
  (products ?? []).forEach((product, i) => {
    const name = product.trim();
    const problem =
      name === '' || name.length > MAX_PRODUCT
        ? badName(`${field}[${i}]`, product)
        : characterProblem(`${field}[${i}]`, name, characters);
    if (problem === null) kept.add(name);
    else problems.push(problem);
  });
  if (kept.size > MAX_PRODUCTS)
    problems.push(`${field} may list at most ${MAX_PRODUCTS} products, got ${kept.size}`);
  return { products: [...kept], problems };
}

/** checkedProducts, refusing every problem with one BAD_USER_INPUT. */
export function productsArgument(field: string, products: readonly string[] | null | undefined): string[] {
  const checked = checkedProducts(field, products, 'one-line');
  refuseProblems(checked.problems);
  return checked.products;
}

/**
 * A product filter (null for none), trimmed as stored names are: " laptops " finds "laptops"; and
 * composed (NFC), as the statements compare stored names (src/graph/visibility-cypher.ts IN_PRODUCT).
 */
export function productFilter(product: string | null | undefined): string | null {
  if (product === null || product === undefined) return null;
  const name = product.trim();
  if (name === '' || name.length > MAX_PRODUCT) throw badInput(badName('product', product));
  return name.normalize('NFC');
}

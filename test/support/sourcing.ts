// A link declared through the API, as a customer's supplier_admin declares one (declareSupplyLink).
import { ok, type TestApi } from './api.ts';

/** The id of the link `customer` declares from `supplier` for `products`. */
export async function declaredLink(
  api: TestApi,
  customer: string,
  supplier: string,
  products: readonly string[] = ['laptops'],
): Promise<string> {
  const DECLARE = `mutation($supplierId: ID, $products: [String!]) {
    declareSupplyLink(supplierId: $supplierId, products: $products) { id } }`;
  const response = await api.query(customer, DECLARE, { supplierId: supplier, products }, ['supplier_admin']);
  return ok<{ id: string }>(response, 'declareSupplyLink').id;
}

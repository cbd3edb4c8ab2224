export const ROLES = ['analyst', 'supplier_admin', 'platform_admin', 'screening_admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * The GraphQL enum `Role` (ANALYST, SUPPLIER_ADMIN, PLATFORM_ADMIN, SCREENING_ADMIN) and the role each value stands for:
 * the resolver of the enum in src/modules/organizations/module.ts. TypeScript cannot infer the keys
 * Object.fromEntries builds, hence the one assertion; the module's resolver type (generated from the
 * SDL and codegen.yml's enumValues) checks the result.
 */
export const ROLE_ENUM_VALUES = Object.fromEntries(ROLES.map((role) => [role.toUpperCase(), role])) as {
  [R in Role as Uppercase<R>]: R;
};

// The layers of docs/architecture.md, checked on every `npm run lint`: imports point one way,
// app -> modules -> core (api, auth, graph, domain), and nothing in src/ reaches into seed/ or test/;
// within a module, resolvers -> service (or loaders) -> repository, and Cypher is written only in
// repositories and src/graph.
const CORE = '^src/(api|auth|graph|domain)/';
// A module's resolvers (src/modules/*/resolvers/) and the generated resolver types (resolvers/).
const RESOLVERS = '^(src/modules/[^/]+/resolvers/|resolvers/)';
// A repository: the files that hold a module's (or the import's, the export's, the graph's) statements.
const REPOSITORY = '-repository[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two files are one unit in disguise; split out what both need.',
      from: { path: '^(src|resolvers)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'src-not-into-seed-or-test',
      severity: 'error',
      comment: 'seed/ is demo data and test/ is tests: product code reads data files, never imports them.',
      from: { path: '^src/' },
      to: { path: '^(seed|test|bench)/' },
    },
    {
      name: 'src-not-into-web-sources',
      severity: 'error',
      comment:
        'The production image holds the dashboard built (web/dist), not its sources: only the demo warm-up loads one, by a dynamic import in local demo mode.',
      from: { path: '^src/' },
      to: { path: '^web/src/', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'core-not-into-features',
      severity: 'error',
      comment: 'The core (api, auth, graph, domain) knows no module, no composition and no command.',
      from: { path: CORE },
      to: { path: '^src/(modules|app|cli|import|export|generator|runtime)/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds rules and types: no database, no HTTP, no GraphQL server.',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'domain-has-no-io',
      severity: 'error',
      comment:
        'src/domain does no I/O and knows no library of the stack: no driver, no file system, no generated ' +
        'resolver types; of Node, only hashing (node:crypto, for idempotency fingerprints).',
      from: { path: '^src/domain/' },
      to: {
        pathNot: '^(src/domain/|crypto$)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'neo4j-driver-only-in-data-access',
      severity: 'error',
      comment:
        'Cypher runs only from repositories and src/graph: the driver is imported there and where the ' +
        'process makes its one driver (src/runtime/database.ts), so a service cannot send Cypher past the ' +
        'cypher tag.',
      from: { path: '^(src|resolvers)/', pathNot: `(${REPOSITORY}|^src/graph/|^src/runtime/database[.]ts$)` },
      to: { path: '^node_modules/neo4j-driver' },
    },
    {
      name: 'graph-below-api',
      severity: 'error',
      comment: 'The graph executor serves every surface (API, CLI, imports); it does not know the API.',
      from: { path: '^src/graph/' },
      to: { path: '^src/(api|auth)/' },
    },
    {
      name: 'modules-not-into-app',
      severity: 'error',
      comment: 'src/app composes the modules; a module never reaches up into it or into the CLI.',
      from: { path: '^src/modules/' },
      to: { path: '^src/(app|cli)/' },
    },
    {
      name: 'resolvers-not-into-data-access',
      severity: 'error',
      comment:
        'Within a module, resolvers -> service (or loaders) -> repository: a resolver reads arguments and ' +
        'calls its service, never a repository, the executor, the driver or the cypher tag, so that every ' +
        'read passes the checks and policy of a service. Type-only imports count too: a resolver that ' +
        "needs a repository's row type needs that type in src/domain instead.",
      from: { path: RESOLVERS },
      to: { path: [REPOSITORY, '^src/graph/(executor|cypher|driver)[.]ts$'] },
    },
    {
      name: 'repositories-not-into-use-cases',
      severity: 'error',
      comment:
        'A repository holds statements and their decoding and nothing else: it never calls back up into ' +
        'a service or a resolver, and it decides no access (src/auth/policy.ts is for services and ' +
        'graphql-shield; visibility is decided inside the statements).',
      from: { path: REPOSITORY },
      to: { path: ['-service[.]ts$', '(^|/)resolvers/', '^src/auth/policy[.]ts$'] },
    },
    {
      name: 'cypher-tag-only-in-repositories',
      severity: 'error',
      comment:
        'Cypher is written only in repositories (*-repository.ts) and in src/graph (the migrations and ' +
        'the fragments and columns that several repositories share): nothing else imports the cypher ' +
        'tag, not even for a type. The tests and benchmarks (test/, bench/) build statements too, but ' +
        'they are not cruised.',
      from: { pathNot: [REPOSITORY, '^src/graph/'] },
      to: { path: '^src/graph/cypher[.]ts$' },
    },
    {
      name: 'modules-not-into-other-modules-repositories',
      severity: 'error',
      comment:
        "A module never imports another module's repository: a fragment or column that statements of " +
        'more than one module use lives in src/graph/ (visibility-cypher.ts, share-cypher.ts, ' +
        'access-request-cypher.ts, disclosure-columns.ts); a module builds on another through its ' +
        'loaders, services and context, never through its statements.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: `^src/modules/[^/]+/.*${REPOSITORY}`, pathNot: '^src/modules/$1/' },
    },
    {
      name: 'only-cli-and-app-at-the-top',
      severity: 'error',
      comment: 'Nothing below the entry points imports the server composition or a command.',
      from: { path: '^src/', pathNot: '^src/(app|cli)/' },
      to: { path: '^src/(app|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    // node_modules stay in the graph as leaves (not followed), so that rules can name a package.
    exclude: { path: '^db/target' },
  },
};

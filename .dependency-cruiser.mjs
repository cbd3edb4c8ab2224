// The layers of docs/architecture.md, checked on every `npm run lint`: imports point one way,
// app -> modules -> core (api, auth, graph, domain), and nothing in src/ reaches into seed/ or test/.
const CORE = '^src/(api|auth|graph|domain)/';

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
    exclude: { path: '^(node_modules|db/target)' },
  },
};

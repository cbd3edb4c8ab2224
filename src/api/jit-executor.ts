// Operations that clients ask again run compiled by graphql-jit instead of interpreted by graphql-js.
// graphql-js builds a resolve-info object and walks the selection set again for every field of every
// object; a risk assessment of 1,000 organizations is ~45,000 fields, and a 10,000-organization chain
// more, so the interpreter, not Neo4j, was most of their time (an answer shaped like the assessment:
// 116 ms interpreted, 10 ms compiled, on the reference machine). graphql-jit runs the same schema,
// resolvers, scalars and errors. Compiling costs 1-12 ms for this API's queries, which a query text
// asked once never earns back (tests and scripts that inline their values; a client sending a new
// text each time), so a text is compiled the second time it runs and interpreted the first.
//
// Apollo Server 4+ has no executor option; its migration guide points custom executors at the
// `gateway` interface, whose `load` hands Apollo an executor. Parsing, validation (the operation
// limits), plugins and error formatting stay Apollo's.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  execute,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { quote } from '../domain/quote.ts';

/** An operation's plan: not compiled yet after its first run, then jit's query or jit's refusal. */
type Plan = 'interpret' | CompiledQuery | ExecutionResult;

/**
 * Plans by parsed document and operation: Apollo keeps one DocumentNode per distinct query text in its
 * bounded document store, so entries go when Apollo lets the document go (a WeakMap holds no key). A
 * text with a string literal is parsed anew each time (src/api/document-store.ts), so it always runs
 * interpreted: its own plan would tell another organization that it was sent.
 */
function operationPlans(schema: GraphQLSchema) {
  const byDocument = new WeakMap<DocumentNode, Map<string | null, Plan>>();
  return (document: DocumentNode, operationName: string | null): Plan => {
    let operations = byDocument.get(document);
    if (operations === undefined) {
      operations = new Map();
      byDocument.set(document, operations);
    }
    const seen = operations.get(operationName);
    const plan: Plan =
      seen === undefined
        ? 'interpret'
        : seen === 'interpret'
          ? compileQuery(schema, document, operationName ?? undefined)
          : seen;
    operations.set(operationName, plan);
    return plan;
  };
}

/** graphql-js's errors for variables that do not fit their definitions, or null when they all do. */
function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): readonly GraphQLError[] | null {
  const definitions = operation.variableDefinitions ?? [];
  if (definitions.length === 0) return null;
  return getVariableValues(schema, definitions, inputs).errors ?? null;
}

/**
 * graphql-js's error for one of graphql-jit's: jit's own error class has no `extensions` object when
 * the resolver's error has none (Apollo reads `extensions.code` and fails), and it is not graphql-js's
 * class. Locations are copied: graphql-js computes them from AST nodes, which jit does not keep.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions ?? undefined,
  });
  return Object.assign(converted, { locations: error.locations });
}

/** graphql-js's words for an operation it cannot pick out of a document. */
const unresolvedOperation = (name: string | undefined): GraphQLError =>
  new GraphQLError(
    name === undefined
      ? 'Must provide operation name if query contains multiple operations.'
      : `Unknown operation named ${quote(name)}.`,
  );

/** An executor for Apollo's `gateway` option that serves `schema` with compiled operations. */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const planOf = operationPlans(schema);
  const executor: GatewayExecutor = async ({ document, operation, operationName, request, context }) => {
    // Apollo resolved no operation (a name that names none, or no name for several) and hands over the
    // resolved name, null: executed with it, graphql-js would run the document's only operation,
    // mutations included, before Apollo answered 500. graphql-js's own refusal instead, which Apollo
    // answers 400 OPERATION_RESOLUTION_FAILURE, with nothing run.
    if (operation === undefined) return { errors: [unresolvedOperation(request.operationName)] };
    const inputs = request.variables ?? {};
    const plan = planOf(document, operationName);
    if (plan === 'interpret')
      return await execute({
        schema,
        document,
        operationName,
        variableValues: inputs,
        contextValue: context,
      });
    // Variables are checked by graphql-js first, as when interpreted: its errors name the variable and
    // point at its definition, which Apollo turns into BAD_USER_INPUT; jit's own check says less.
    const variables = checkVariables(schema, operation, inputs);
    if (variables !== null) return { errors: variables };
    if (!isCompiledQuery(plan)) return plan;
    const result = await plan.query(undefined, context, inputs);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

// A Neo4j URI as it may be printed: an operator may put `user:password@` in NEO4J_URI (consoles show
// URIs that way), and a log line or an error message must never carry the password.

/** `uri` without the user and password it may hold. */
export const withoutCredentials = (uri: string): string => uri.replace(/\/\/[^@/]*@/, '//');

/**
 * What is wrong with the host, port, path or parameters of a URI whose scheme was checked, or null: no host (a template
 * that expanded to nothing) or a port out of range would otherwise pass start-up and fail in the driver
 * with a stack trace, or be retried for a minute as if Neo4j were only down.
 */
export function hostProblem(uri: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return 'is not a URI (a port must be 1..65535)';
  }
  if (parsed.hostname === '') return 'names no host';
  if (parsed.port === '0') return 'has port 0 (a port must be 1..65535)';
  // The driver refuses parameters on a direct URI with a stack trace, and ignores a path: a database
  // named there would be silently replaced by the server's default one.
  if (parsed.search !== '' && parsed.protocol.startsWith('bolt'))
    return 'has parameters (?…), which only a neo4j:// routing URI takes';
  if (parsed.pathname !== '' && parsed.pathname !== '/')
    return 'has a path (name the database in NEO4J_DATABASE)';
  return null;
}

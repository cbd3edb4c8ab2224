// The settings of every Neo4j the tests start for themselves (test/global-setup.ts and the tests that
// need one of their own): see FOR_TESTS.
/**
 * Tuned for a test run, which differs from production in two ways. Tests empty and refill the
 * database hundreds of times, and Neo4j plans a statement again whenever the statistics it was
 * planned with changed by more than 75 % (every reset) and 10 s have passed: planning a deep
 * unrolled traversal costs up to a second. And the JVM lives for one run: the C2 compiler's faster
 * code does not pay back what compiling it costs. Measured on the first property test of
 * visibility.property.test.ts, 2-core machine: Neo4j's CPU on a fresh JVM 177 s by default, 114 s
 * with the plans kept, 69 s with C1 only too; on a warm JVM 51-82 s, 39 s, 26 s. The same holds for
 * a Neo4j a test starts for itself: test/integration/import-killed.test.ts (two start-ups, a
 * 5,000-organization import interrupted and completed) took 53-56 s of CPU against 85-96 s.
 */
export const FOR_TESTS = {
  settings: {
    'dbms.cypher.min_replan_interval': '1h',
    'dbms.cypher.statistics_divergence_threshold': '1.0',
  },
  jvmOptions: ['-XX:TieredStopAtLevel=1'],
};

// For test/integration/launcher.test.ts: a Node process that starts the bundled Neo4j, prints
// {"pid":<jvm pid>,"uri":...} once it is ready and then stays alive (the JVM's pipes hold the event
// loop) until the test kills it.
import { startBundledNeo4j } from '../../src/db/bundled-neo4j.ts';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: bundled-neo4j-child.ts <data dir>');
const neo4j = await startBundledNeo4j({ dataDir, heap: '512m' });
console.log(JSON.stringify({ pid: neo4j.pid, uri: neo4j.uri }));

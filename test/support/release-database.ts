// A setup file of the db and e2e projects: each test file gives its Neo4j lease back as it ends.
import { afterAll } from 'vitest';
import { releaseDatabase } from './neo4j-uri.ts';

afterAll(releaseDatabase);

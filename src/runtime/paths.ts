import { fileURLToPath } from 'node:url';

/** The checkout's root, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data/', import.meta.url));
/** The demo scenario, a tiersight/v1 file (docs/demo-scenario.md). */
export const DEMO_SCENARIO_PATH = fileURLToPath(new URL('../../seed/demo-scenario.json', import.meta.url));

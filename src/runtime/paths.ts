import { fileURLToPath } from 'node:url';

/** The checkout's root, whatever the working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data/', import.meta.url));

// ESLint 10 looks up the config nearest to each file: for web/ it is the project's config, plus the
// build output (web/dist, git-ignored) left out.
import project from '../eslint.config.js';

export default [{ ignores: ['dist/'] }, ...project];

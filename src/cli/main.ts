/** Entry point used by bin/strata.js. */
export { run as main } from './program.js';

// Injected into the CommonJS bundle of the startup snapshot (scripts/build.mjs): import.meta.url for code
// written as ES modules, the bundle's own file URL. `require` and `__filename` are the CommonJS bundle's.
/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- this text runs as CommonJS, not as a module */
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;

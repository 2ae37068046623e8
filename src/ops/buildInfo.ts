// The package version, for /metrics and /healthz; bundled into dist/ by scripts/build.mjs.
import pkg from '../../package.json' with { type: 'json' };

export const BUILD_VERSION: string = pkg.version;

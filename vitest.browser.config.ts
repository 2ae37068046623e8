import { defineConfig } from 'vitest/config';

// npm run test:browser: the article page in Debian's headless Chromium (installed by .ci/run when missing).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/summaryReporter.ts'],
  },
});

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles here.
  transform: { "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 30000,
  globalSetup: "<rootDir>/tests/global-setup.js",
};

/** Unit and integration tests: domain rules, the local cloud, and the cloud functions on the real store. */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } },
]

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/src/domain', '<rootDir>/cloudfunctions', '<rootDir>/localcloud', '<rootDir>/scripts', '<rootDir>/config'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
    },
    {
      // Native custom components (WXML/WXSS/JS, used via usingComponents), rendered by
      // miniprogram-simulate inside jsdom. Each lives in src/components/native/<name>/ with its test.
      displayName: 'native',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src/components/native'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
    },
  ],
}

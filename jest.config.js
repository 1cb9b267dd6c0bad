/** Unit specs sit beside the code; e2e specs live in test/ and boot the real AppModule. */
const transform = { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] };
module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', rootDir: '.', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'], transform, moduleFileExtensions: ['ts', 'js', 'json'] },
    { displayName: 'e2e', testEnvironment: 'node', rootDir: '.', roots: ['<rootDir>/test'], testMatch: ['**/*.e2e-spec.ts'], transform, moduleFileExtensions: ['ts', 'js', 'json'], testTimeout: 30000 },
  ],
};

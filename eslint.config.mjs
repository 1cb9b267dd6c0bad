// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const OUTBOUND = 'Outbound HTTP goes through src/upstreams/http (UpstreamHttp).';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'src/upstreams/street-manager/generated/**',
      'eslint.config.mjs',
      'jest.config.js',
      'bench/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    settings: {
      // Why: without a TypeScript parser and resolver the import rules never see a .ts import: no-cycle checked nothing.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Why: import-x's resolver crashes on @azure/msal-node's type:module + require-condition exports; it is a leaf.
      'import-x/core-modules': ['@azure/msal-node'],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: 'error',
      'import-x/no-cycle': 'error',
    },
  },
  {
    // Why: configuration is validated once at boot; reading the environment elsewhere bypasses that.
    files: ['src/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/config.' },
      ],
    },
  },
  {
    // Why: every outbound call must pass the guarded core (timeouts, retries, breaker, metrics, redacted logs).
    // Servers may use node:http (createServer, STATUS_CODES); only its request side is restricted.
    files: ['src/**/*.ts'],
    ignores: ['src/upstreams/http/**', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'undici', message: OUTBOUND, allowTypeImports: true },
            ...['http', 'node:http', 'https', 'node:https'].map((name) => ({
              name,
              importNames: ['request', 'get', 'Agent', 'ClientRequest', 'globalAgent'],
              message: OUTBOUND,
            })),
            ...['net', 'node:net', 'tls', 'node:tls'].map((name) => ({
              name,
              importNames: ['connect', 'createConnection'],
              message: OUTBOUND,
            })),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: OUTBOUND },
        { name: 'XMLHttpRequest', message: OUTBOUND },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='fetch'][object.name=/^(globalThis|global|window)$/]",
          message: OUTBOUND,
        },
      ],
    },
  },
  {
    // Why: the upstream clients stand on the guarded core and lower layers only; the sandbox is their test double.
    files: ['src/upstreams/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/upstreams',
              from: './src',
              except: [
                './upstreams',
                './config',
                './common',
                './health',
                './metrics',
                './redis',
                './auth/caller.ts',
              ],
              message:
                'src/upstreams may import only upstreams, config, common, health, metrics, redis and the caller type.',
            },
            {
              target: './src/upstreams/http',
              from: './src/upstreams',
              except: ['./http'],
              message: 'The guarded core knows no particular upstream.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

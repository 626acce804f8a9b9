// Lint: typescript-eslint, React hooks, and the import rule of the house:
// pages → features → shared → domain; a feature uses another feature only through its index.ts;
// domain imports nothing but domain; the app never imports the simulator (mock/), except the offline
// transport, which runs the platform inside the app for trainer demos. No import cycles anywhere.
//
// Taro's own preset (eslint-config-taro 4.2) is written for ESLint 8's eslintrc and typescript-eslint 6,
// which predates the TypeScript this project uses; its React and TypeScript rules are the ones taken
// from typescript-eslint and eslint-plugin-react-hooks below, and its import rules from import-x.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const tsProjects = ['./tsconfig.json'];

/** The layers, most specific first: a file belongs to the first pattern it matches. */
const elements = [
  { type: 'domain', pattern: 'src/domain', mode: 'folder' },
  { type: 'offline', pattern: 'src/shared/api/offlineTransport.ts', mode: 'file' },
  { type: 'shared', pattern: 'src/shared', mode: 'folder' },
  { type: 'feature-api', pattern: 'src/features/*/index.ts', mode: 'file', capture: ['feature'] },
  { type: 'feature', pattern: 'src/features/*', mode: 'folder', capture: ['feature'] },
  { type: 'page', pattern: 'src/pages/*', mode: 'folder', capture: ['page'] },
  // Mini-program subpackages: pages that live (or only re-export a page of src/pages) in a subpackage.
  { type: 'subpackage', pattern: 'src/packages/*/*', mode: 'folder' },
  { type: 'app', pattern: 'src/app.{tsx,config.ts}', mode: 'file' },
  { type: 'mock', pattern: 'mock', mode: 'folder' },
];

const sameFeature = ['feature', { feature: '${from.feature}' }];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'artifacts/**',
      '.data/**',
      '.swc/**',
      'bench/.work/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // CommonJS: configs, jest set-up, Node scripts and the bench.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // index.html's inline script for the static hall: runs before any bundle, on old phones' browsers,
    // so it stays ES5 (var, no arrow functions) and is not transformed by the build.
    files: ['config/hall-shell.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: { 'no-var': 'off', '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/app/**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The offline demo's platform is required right inside a build-time condition, so that webpack
    // leaves it out of online builds (an import would always bundle it).
    files: ['src/shared/api/client.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^\\./offlineTransport$'] }] },
  },
  {
    files: ['tests/**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    // Replies from the platform under test are read as the JSON they are.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Import layering and cycles, for the app and the simulator.
    files: ['src/**/*.{ts,tsx}', 'mock/**/*.ts'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*', 'mock/**/*'],
      'boundaries/ignore': ['**/*.scss'],
      // Re-exports and require() count as much as imports: an index.ts could otherwise leak another feature.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'import/resolver': { typescript: { project: tsProjects, alwaysTryTypes: true } },
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: tsProjects, alwaysTryTypes: true })],
    },
    rules: {
      'boundaries/no-unknown': 'error',
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message:
            '${file.type} must not import this ${dependency.type}: pages → features → shared → domain, another feature only through its index.ts',
          rules: [
            { from: 'domain', allow: ['domain'] },
            { from: 'shared', allow: ['shared', 'offline', 'domain'] },
            { from: 'offline', allow: ['shared', 'domain', 'mock'] },
            // A feature's insides are its own; other features are reached through their index.ts.
            { from: 'feature', allow: [sameFeature, 'feature-api', 'shared', 'domain'] },
            { from: 'feature-api', allow: [sameFeature, 'shared', 'domain'] },
            { from: 'page', allow: ['feature', 'feature-api', 'shared', 'domain'] },
            { from: 'subpackage', allow: ['page', 'feature', 'feature-api', 'shared', 'domain'] },
            { from: 'app', allow: ['page', 'feature', 'feature-api', 'shared', 'domain'] },
            { from: 'mock', allow: ['mock', 'domain'] },
          ],
        },
      ],
      // The rules run anywhere (any shell, Node, the offline demo): no package, no Node module.
      'boundaries/external': ['error', { default: 'allow', rules: [{ from: 'domain', disallow: ['*'] }] }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/first': 'error',
      'import-x/no-mutable-exports': 'error',
    },
  },
  prettier,
);

// Two projects: the platform in Node (real SQLite, real HTTP on loopback) and the screens in jsdom.
const esm = [
  '@tarojs',
  '@stencil',
  'swiper',
  'ssr-window',
  'dom7',
  'tslib',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'nanoid',
  '\\.pnpm',
];

const shared = {
  transform: { '^.+\\.(m?[jt]sx?|cjs)$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@domain/(.*)$': '<rootDir>/src/domain/$1',
    '^@mock/(.*)$': '<rootDir>/mock/$1',
  },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'platform',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/platform/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'app',
      testEnvironment: 'jsdom',
      // Taro's H5 build prefers `name.h5.tsx` over `name.tsx`; resolve the same way here.
      moduleFileExtensions: ['h5.tsx', 'h5.ts', ...shared.moduleFileExtensions],
      testMatch: ['<rootDir>/tests/app/**/*.test.{ts,tsx}'],
      setupFiles: ['<rootDir>/tests/app/setup-env.js'],
      setupFilesAfterEnv: ['@testing-library/jest-dom', '<rootDir>/tests/app/setup-after-env.ts'],
      transformIgnorePatterns: [`/node_modules/(?!(${esm.join('|')})/)`],
      moduleNameMapper: {
        // Before the @/ alias: a page's stylesheet imported by alias is a style, not a module to compile.
        '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
        ...shared.moduleNameMapper,
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/tests/app/taro-shim.js',
        '^lodash-es$': 'lodash',
        '^lodash-es/(.*)$': 'lodash/$1',
        '\\.scss\\.js$': 'identity-obj-proxy',
      },
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        ENABLE_MUTATION_OBSERVER: true,
        __TARO_FRAMEWORK__: 'react',
        DEPRECATED_ADAPTER_COMPONENT: false,
      },
    },
  ],
};

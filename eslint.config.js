// One linter that also formats: ESLint with @stylistic rules; `npm run format` applies them.
import js from '@eslint/js'
import stylistic from '@stylistic/eslint-plugin'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const appOnlyModules = ['vue', 'pinia', 'dexie', 'maplibre-gl', 'echarts', 'vue-i18n', '@/db/*', '@/map/*', '@/stores/*', '@/components/*', '@/views/*']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'dev-dist/**', 'test-results/**', 'bench/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  stylistic.configs.customize({ indent: 2, quotes: 'single', semi: false, braceStyle: '1tbs', arrowParens: true }),
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      '@stylistic/max-statements-per-line': ['error', { max: 2 }],
    },
  },
  {
    // The domain core runs in Node, in workers and in the browser: it must not reach into the app.
    files: ['src/core/**/*.ts', 'src/io/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: appOnlyModules, message: 'core/io/cli stay free of Vue, Pinia, Dexie, MapLibre and the DOM layers.' }] }],
    },
  },
)

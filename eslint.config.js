// Lint keeps the process boundaries without anyone remembering them (see ../shared/STYLE.md):
// shared/ is pure, renderer/ never reaches the main process but through window.hetao, and only
// *.electron.ts adapters import Electron.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'events', 'worker_threads'];
const noNode = [{ group: ['node:*'], message: 'Node APIs belong in electron/ services.' }];
const noElectron = { name: 'electron', message: 'Only *.electron.ts adapters import Electron.' };
const rendererPaths = [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node access.' }))];
const rendererPatterns = [...noNode, { group: ['**/electron/**'], message: 'Reach the main process through window.hetao.' }];
const antdSelect = { name: 'antd', importNames: ['Select'], message: "Use renderer/ui/Select: antd's closing animation keeps Escape from the drawer around it." };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'preview-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in both processes.' }))],
          patterns: [...noNode, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...rendererPaths, antdSelect], patterns: rendererPatterns }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
      // Every UI string comes from the locale files.
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-z\\u3400-\\u9fff]/]', message: 'Put UI text in shared/i18n/locales and use t().' },
        {
          selector: 'JSXAttribute[name.name=/^(title|placeholder|aria-label|alt|label|tip|okText|cancelText)$/] > Literal[value=/[A-Za-z\\u3400-\\u9fff]/]',
          message: 'Put UI text in shared/i18n/locales and use t().',
        },
      ],
    },
  },
  {
    // The one place antd's Select is wrapped.
    files: ['renderer/ui/Select.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }] },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/**/*.electron.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['tests/renderer/**/*.{ts,tsx}', 'tests/e2e/harness/bridge.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);

// Lint rules: ESLint's and typescript-eslint's recommended sets, the type-aware rules that catch lost
// promises and non-exhaustive switches, and the layer boundaries; formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which top-level folders of src/ each layer must not import (imports point down only). Tests and
 * benchmarks may import anything.
 */
const LAYERS = {
  db: {
    forbidden: [
      'ingest',
      'ppk',
      'delivery',
      'pipeline',
      'pilots',
      'tracker-ops',
      'http',
      'commands',
      'bot',
      'cli',
    ],
  },
  ingest: {
    forbidden: ['ppk', 'delivery', 'pipeline', 'pilots', 'tracker-ops', 'http', 'commands', 'bot', 'cli'],
  },
  ppk: { forbidden: ['delivery', 'pipeline', 'pilots', 'tracker-ops', 'http', 'commands', 'bot', 'cli'] },
  delivery: { forbidden: ['pipeline', 'pilots', 'tracker-ops', 'http', 'commands', 'bot', 'cli'] },
  pipeline: { forbidden: ['pilots', 'tracker-ops', 'http', 'commands', 'bot', 'cli'] },
  pilots: { forbidden: ['pipeline', 'tracker-ops', 'http', 'commands', 'bot', 'cli'] },
  'tracker-ops': { forbidden: ['pilots', 'http', 'commands', 'bot', 'cli'] },
  http: { forbidden: ['pipeline', 'tracker-ops', 'commands', 'bot', 'cli'] },
  config: {
    forbidden: [
      'db',
      'ingest',
      'ppk',
      'delivery',
      'pipeline',
      'pilots',
      'tracker-ops',
      'http',
      'commands',
      'bot',
      'cli',
    ],
  },
  commands: { forbidden: ['bot', 'cli'] },
  bot: { forbidden: ['cli'] },
  cli: { forbidden: [] },
};

/** The engine as other layers see it: everything else under src/engine is internal. */
const ENGINE_ENTRY_POINTS = ['index', 'fight/index', 'render/index', 'universe/index'];

/** What the pure engine may import besides itself: types of Discord's API and the schema library. */
const ENGINE_PACKAGES = ['discord-api-types', 'zod'];

/** Files deeper than this under src/ do not exist; one block per depth keeps the `../` counts exact. */
const MAX_DEPTH = 5;

const up = (depth) => '\\.\\./'.repeat(depth);

/** Outside the engine, only its entry points: everything else under src/engine is internal. */
const ENGINE_ENTRY_ONLY = {
  regex: `^(\\./|(\\.\\./)+)engine/(?!(${ENGINE_ENTRY_POINTS.join('|')})\\.ts$)`,
  message: `Import the engine through its entry points (src/engine/{${ENGINE_ENTRY_POINTS.join(',')}}.ts).`,
};

function layerBlocks(layer, { forbidden }) {
  return Array.from({ length: MAX_DEPTH }, (_, index) => {
    const depth = index + 1;
    const patterns = [ENGINE_ENTRY_ONLY];
    if (forbidden.length > 0) {
      patterns.push({
        regex: `^${up(depth)}(${forbidden.join('|')})(/|\\.ts$)`,
        message: `src/${layer} must not import src/{${forbidden.join(',')}}: imports point down the layers (README, Development).`,
      });
    }
    return {
      files: [`src/${layer}/${'*/'.repeat(index)}*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns }] },
    };
  });
}

function engineBlocks() {
  return Array.from({ length: MAX_DEPTH }, (_, index) => {
    const depth = index + 1;
    return {
      files: [`src/engine/${'*/'.repeat(index)}*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^${up(depth)}`,
                message: 'src/engine is pure: it imports nothing outside src/engine.',
              },
              {
                regex: `^(?!\\.|(${ENGINE_PACKAGES.join('|')})(/|$))`,
                message: `src/engine is pure: no I/O libraries (only ${ENGINE_PACKAGES.join(', ')}).`,
              },
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'migrations/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A `default` branch is a decision about the other members; a switch without one must list them all.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      'no-console': 'off',
    },
  },
  {
    // The launcher and the build script run before anything is compiled: plain JavaScript for Node.
    files: ['bin/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Every file outside the engine; the blocks of the layers below add what each may not import.
    files: ['src/**/*.ts'],
    ignores: ['src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_ENTRY_ONLY] }] },
  },
  ...engineBlocks(),
  ...Object.entries(LAYERS).flatMap(([layer, rule]) => layerBlocks(layer, rule)),
);

// @ts-check
/**
 * Lint: typescript-eslint's recommended rules for TypeScript and Astro files, plus the
 * boundaries of the architecture (ARCHITECTURE.md), which the type-check cannot see:
 * - src/lib is the pure core: it imports nothing from above it (components, build, widgets, pages,
 *   layouts, integrations) and nothing from Astro;
 * - widgets do not read the content collections (`astro:content`): lessons pass them props.
 */
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

const above = ['components', 'build', 'widgets', 'pages', 'layouts', 'integrations'].flatMap(
  (dir) => [`../${dir}/*`, `../../${dir}/*`, `../../../${dir}/*`],
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'node_modules/**',
      'bench/node_modules/**',
      'bench/.build/**',
      '.astro/**',
      'public/**',
      '.scratch/**',
      'test-results/**',
    ],
  },
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  {
    rules: {
      // `_name` marks a parameter a signature requires but the body does not use.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: above,
              message: 'src/lib is the pure core: it imports nothing from above it.',
            },
            {
              group: ['astro', 'astro:*', 'astro/*'],
              message: 'src/lib runs in Node and in workers: no Astro imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/widgets/**/*.ts', 'src/widgets/**/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'astro:content',
              message: 'Widgets get lesson data as props; they do not read the collections.',
            },
          ],
        },
      ],
    },
  },
);

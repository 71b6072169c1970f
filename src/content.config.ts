/**
 * The lessons collection: every MDX file in content/lessons, read in file-name order (the numeric
 * prefix is the reading order). The schema ties `activation` to the registry's ids, so a typo in
 * a lesson's frontmatter fails the build instead of shipping a broken page.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { activationIds } from './lib/activations/types.ts';

const lessons = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: './content/lessons',
    // "10-sigmoid.mdx" is served at /lessons/sigmoid/: the prefix orders, the slug names.
    generateId: ({ entry }) => entry.replace(/\.mdx$/, '').replace(/^\d+-/, ''),
  }),
  schema: z.object({
    title: z.string(),
    /** One sentence for the lesson list, social cards and the meta description. */
    description: z.string(),
    /** Reading order; equals the file-name prefix. */
    order: z.number().int().nonnegative(),
    /** The activation drawn as this lesson's small curve on the home page. */
    activation: z.enum(activationIds),
    /** List the whole bibliography after the lesson's own citations (the Conclusion does). */
    fullReferences: z.boolean().default(false),
  }),
});

export const collections = { lessons };

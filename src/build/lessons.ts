/**
 * The lessons in reading order, for navigation (sidebar, previous/next, home page list).
 * Build-time only.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

/** A lesson entry of the content collection. */
export type Lesson = CollectionEntry<'lessons'>;

/** Every lesson, sorted by its `order` field (ties by id, so the order is total). */
export async function lessonsInOrder(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  return all.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** The URL of a lesson page under the configured base path. */
export function lessonHref(id: string): string {
  return `${import.meta.env.BASE_URL}lessons/${id}/`;
}

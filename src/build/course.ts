/**
 * Build-time helpers of the course components: which lesson a page is, its number, and the
 * numbers of its figures and citations. Every number is derived from the lesson's MDX source
 * (`lib/course/mdx-scan.ts`), never counted while rendering, so a number is the same wherever it
 * is printed (a caption, a cross-reference, an exercise link) and follows the page order.
 */
import { lessonsInOrder, lessonHref, type Lesson } from './lessons.ts';
import { citationsInMdx, figureIdsInMdx } from '../lib/course/mdx-scan.ts';
import { fullListOrder, getWork, type WorkId } from '../lib/course/bibliography.ts';

/** A lesson with its place in the course. */
export interface PlacedLesson {
  readonly lesson: Lesson;
  /** 1-based position in reading order: "Lesson 2 of 6", figures "2.x". */
  readonly number: number;
  /** How many lessons there are. */
  readonly total: number;
}

/** The lesson this page shows, found from the page's URL; undefined on other pages (embeds, notebook). */
export async function lessonOfPage(url: URL): Promise<PlacedLesson | undefined> {
  const lessons = await lessonsInOrder();
  const index = lessons.findIndex((l) => lessonHref(l.id) === url.pathname);
  const lesson = lessons[index];
  return lesson ? { lesson, number: index + 1, total: lessons.length } : undefined;
}

/** The label of a figure on a lesson page ("Figure 2.3"), or undefined if the page is not a lesson. */
export async function figureLabel(url: URL, figureId: string): Promise<string | undefined> {
  const placed = await lessonOfPage(url);
  if (!placed) return undefined;
  const index = figureIdsInMdx(placed.lesson.body ?? '').indexOf(figureId);
  if (index < 0) throw new Error(`${placed.lesson.id}: no figure "${figureId}" on this page`);
  return `Figure ${placed.number}.${index + 1}`;
}

/** The label of a figure on the page of the lesson with this id (slug); throws if either is unknown. */
export async function figureLabelIn(lessonId: string, figureId: string): Promise<string> {
  const lessons = await lessonsInOrder();
  const index = lessons.findIndex((l) => l.id === lessonId);
  const lesson = lessons[index];
  if (!lesson) throw new Error(`<FigRef lesson="${lessonId}">: no such lesson`);
  const at = figureIdsInMdx(lesson.body ?? '').indexOf(figureId);
  if (at < 0) throw new Error(`${lessonId}: no figure "${figureId}" on this page`);
  return `Figure ${index + 1}.${at + 1}`;
}

/** The works of a lesson's reference list, numbered: the cited ones, plus all the rest where `all`. */
export function referenceList(lesson: Lesson, all: boolean): WorkId[] {
  const cited = citationsInMdx(lesson.body ?? '');
  for (const id of cited) getWork(id, `${lesson.id}: <Cite>`);
  return all ? fullListOrder(cited as WorkId[]) : (cited as WorkId[]);
}

/** Anchor of a work in a page's reference list. */
export function referenceAnchor(id: string): string {
  return `ref-${id}`;
}

/**
 * The social card of every page: which image a page's Open Graph and Twitter tags point to, and
 * what that image shows. Build-time only (reads the lessons collection). A page's card is found
 * from its path, so a new lesson gets its card without edits, and a page with no card of its own
 * (404, source views) shares the home page's.
 */
import { getActivation, type ActivationId } from '../lib/activations/index.ts';
import { lessonsInOrder } from './lessons.ts';

/** One card: its key (the image is `og/<key>.png` under the base) and what it shows. */
export interface CardSpec {
  readonly key: string;
  /** Short title drawn on the card. */
  readonly title: string;
  readonly description: string;
  /** Activations drawn on the card, the page's own first. */
  readonly ids: readonly ActivationId[];
  /** Text alternative for og:image:alt. */
  readonly alt: string;
}

/** Key of the card that pages without their own use. */
export const defaultCardKey = 'home';

/** Curves drawn beside a lesson's own, so the card shows it against a familiar one. */
function companions(id: ActivationId): ActivationId[] {
  return id === 'relu' ? ['relu', 'sigmoid'] : [id, 'relu'];
}

/** Every card, keyed by page path relative to the base ('' for home, 'lessons/relu/', ...). */
export async function cardsByPath(): Promise<Map<string, CardSpec>> {
  const cards = new Map<string, CardSpec>();
  cards.set('', {
    key: defaultCardKey,
    title: 'Activation functions, computed live',
    description:
      'Sigmoid, tanh, ReLU and their successors: curves, derivatives, vanishing gradients and training runs you can change, in your browser.',
    ids: ['sigmoid', 'tanh', 'relu', 'gelu'],
    alt: 'Activation Notebook: the curves of sigmoid, tanh, ReLU and GELU.',
  });
  cards.set('playground/', {
    key: 'playground',
    title: 'Training playground',
    description:
      'Train a small neural network in your browser and watch its decision boundary, losses, gradients and dead units.',
    ids: ['tanh', 'relu', 'sigmoid'],
    alt: 'Training playground: the curves of tanh, ReLU and sigmoid.',
  });
  cards.set('notebook/', {
    key: 'notebook',
    title: 'Your own activation',
    description:
      'Type an activation as an expression in x, see it and its derivative beside the built-in ones, and train a network with it.',
    ids: ['silu', 'gelu', 'mish'],
    alt: 'Your own activation: the curves of SiLU, GELU and Mish.',
  });
  for (const lesson of await lessonsInOrder()) {
    const ids = companions(lesson.data.activation);
    cards.set(`lessons/${lesson.id}/`, {
      key: `lesson-${lesson.id}`,
      title: lesson.data.title,
      description: lesson.data.description,
      ids,
      alt: `${lesson.data.title}: the curves of ${ids.map((id) => getActivation(id).name).join(' and ')} on one set of axes.`,
    });
  }
  return cards;
}

/** The card for a page path relative to the base, falling back to the home page's. */
export async function cardForPath(path: string): Promise<CardSpec> {
  const cards = await cardsByPath();
  const card = cards.get(path) ?? cards.get('');
  if (card === undefined) throw new Error('the home page card is missing');
  return card;
}

/**
 * Every work the lessons cite, one entry per work. A lesson cites by id (`<Cite id="hochreiter1991" />`),
 * so a typo fails the build instead of printing a dangling number. Pure data plus formatting.
 *
 * Links: only where the address is certain (an arXiv id, a DOI, the publisher's own page). A work
 * without one gets none rather than a guessed URL; a broken citation link is worse than none.
 */
import { listInWords } from '../words.ts';

/** One cited work. */
export interface Work {
  /** Authors as printed: "Hochreiter, S." (family name, initials). */
  readonly authors: readonly string[];
  /** Year of the version cited (for a preprint later published, the preprint's year). */
  readonly year: number;
  readonly title: string;
  /** Journal, proceedings, publisher or report series, with volume and pages where known. */
  readonly venue: string;
  /** A stable address (arXiv, DOI, the publisher's page), only where it is certain. */
  readonly url?: string;
  /** What the work contributes to these lessons, shown after the entry. */
  readonly note?: string;
}

const arxiv = (id: string): string => `https://arxiv.org/abs/${id}`;
const doi = (id: string): string => `https://doi.org/${id}`;

/** The bibliography, keyed by citation id (first author's family name and year, lower case). */
export const works = {
  mcculloch1943: {
    authors: ['McCulloch, W. S.', 'Pitts, W.'],
    year: 1943,
    title: 'A logical calculus of the ideas immanent in nervous activity',
    venue: 'Bulletin of Mathematical Biophysics, 5(4), 115–133',
    url: doi('10.1007/BF02478259'),
    note: 'The threshold neuron.',
  },
  rosenblatt1958: {
    authors: ['Rosenblatt, F.'],
    year: 1958,
    title:
      'The perceptron: a probabilistic model for information storage and organization in the brain',
    venue: 'Psychological Review, 65(6), 386–408',
    url: doi('10.1037/h0042519'),
  },
  fukushima1969: {
    authors: ['Fukushima, K.'],
    year: 1969,
    title: 'Visual feature extraction by a multilayered network of analog threshold elements',
    venue: 'IEEE Transactions on Systems Science and Cybernetics, 5(4), 322–333',
  },
  fukushima1980: {
    authors: ['Fukushima, K.'],
    year: 1980,
    title:
      'Neocognitron: a self-organizing neural network model for a mechanism of pattern recognition unaffected by shift in position',
    venue: 'Biological Cybernetics, 36(4), 193–202',
    url: doi('10.1007/BF00344251'),
  },
  rumelhart1986: {
    authors: ['Rumelhart, D. E.', 'Hinton, G. E.', 'Williams, R. J.'],
    year: 1986,
    title: 'Learning representations by back-propagating errors',
    venue: 'Nature, 323(6088), 533–536',
    url: doi('10.1038/323533a0'),
    note: 'Backpropagation through sigmoid units.',
  },
  cybenko1989: {
    authors: ['Cybenko, G.'],
    year: 1989,
    title: 'Approximation by superpositions of a sigmoidal function',
    venue: 'Mathematics of Control, Signals and Systems, 2(4), 303–314',
    url: doi('10.1007/BF02551274'),
  },
  hornik1991: {
    authors: ['Hornik, K.'],
    year: 1991,
    title: 'Approximation capabilities of multilayer feedforward networks',
    venue: 'Neural Networks, 4(2), 251–257',
    url: doi('10.1016/0893-6080(91)90009-T'),
  },
  hochreiter1991: {
    authors: ['Hochreiter, S.'],
    year: 1991,
    title: 'Untersuchungen zu dynamischen neuronalen Netzen',
    venue: 'Diploma thesis, Institut für Informatik, Technische Universität München',
    note: 'The first analysis of vanishing and exploding gradients (in German).',
  },
  leshno1993: {
    authors: ['Leshno, M.', 'Lin, V. Ya.', 'Pinkus, A.', 'Schocken, S.'],
    year: 1993,
    title:
      'Multilayer feedforward networks with a nonpolynomial activation function can approximate any function',
    venue: 'Neural Networks, 6(6), 861–867',
    url: doi('10.1016/S0893-6080(05)80131-5'),
  },
  bengio1994: {
    authors: ['Bengio, Y.', 'Simard, P.', 'Frasconi, P.'],
    year: 1994,
    title: 'Learning long-term dependencies with gradient descent is difficult',
    venue: 'IEEE Transactions on Neural Networks, 5(2), 157–166',
    url: doi('10.1109/72.279181'),
  },
  hochreiter1997: {
    authors: ['Hochreiter, S.', 'Schmidhuber, J.'],
    year: 1997,
    title: 'Long short-term memory',
    venue: 'Neural Computation, 9(8), 1735–1780',
    url: doi('10.1162/neco.1997.9.8.1735'),
    note: 'The LSTM cell and its sigmoid gates.',
  },
  lecun1998: {
    authors: ['LeCun, Y.', 'Bottou, L.', 'Orr, G. B.', 'Müller, K.-R.'],
    year: 1998,
    title: 'Efficient BackProp',
    venue:
      'In Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science 1524, 9–50. Springer',
    url: doi('10.1007/3-540-49430-8_2'),
  },
  hahnloser2000: {
    authors: [
      'Hahnloser, R. H. R.',
      'Sarpeshkar, R.',
      'Mahowald, M. A.',
      'Douglas, R. J.',
      'Seung, H. S.',
    ],
    year: 2000,
    title:
      'Digital selection and analogue amplification coexist in a cortex-inspired silicon circuit',
    venue: 'Nature, 405(6789), 947–951',
    url: doi('10.1038/35016072'),
  },
  dugas2001: {
    authors: ['Dugas, C.', 'Bengio, Y.', 'Bélisle, F.', 'Nadeau, C.', 'Garcia, R.'],
    year: 2001,
    title: 'Incorporating second-order functional knowledge for better option pricing',
    venue: 'Advances in Neural Information Processing Systems 13 (NIPS 2000), 472–478. MIT Press',
    note: 'Introduces softplus.',
  },
  jarrett2009: {
    authors: ['Jarrett, K.', 'Kavukcuoglu, K.', 'Ranzato, M.', 'LeCun, Y.'],
    year: 2009,
    title: 'What is the best multi-stage architecture for object recognition?',
    venue:
      'Proceedings of the IEEE 12th International Conference on Computer Vision (ICCV), 2146–2153',
  },
  turian2009: {
    authors: ['Turian, J.', 'Bergstra, J.', 'Bengio, Y.'],
    year: 2009,
    title: 'Quadratic features and deep architectures for chunking',
    venue:
      'Proceedings of Human Language Technologies: NAACL 2009, Short Papers, 245–248. Association for Computational Linguistics',
    note: 'Introduces softsign.',
  },
  glorot2010: {
    authors: ['Glorot, X.', 'Bengio, Y.'],
    year: 2010,
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    venue:
      'Proceedings of the 13th International Conference on Artificial Intelligence and Statistics (AISTATS), PMLR 9, 249–256',
  },
  nair2010: {
    authors: ['Nair, V.', 'Hinton, G. E.'],
    year: 2010,
    title: 'Rectified linear units improve restricted Boltzmann machines',
    venue: 'Proceedings of the 27th International Conference on Machine Learning (ICML), 807–814',
  },
  glorot2011: {
    authors: ['Glorot, X.', 'Bordes, A.', 'Bengio, Y.'],
    year: 2011,
    title: 'Deep sparse rectifier neural networks',
    venue:
      'Proceedings of the 14th International Conference on Artificial Intelligence and Statistics (AISTATS), PMLR 15, 315–323',
  },
  krizhevsky2012: {
    authors: ['Krizhevsky, A.', 'Sutskever, I.', 'Hinton, G. E.'],
    year: 2012,
    title: 'ImageNet classification with deep convolutional neural networks',
    venue: 'Advances in Neural Information Processing Systems 25, 1097–1105',
  },
  goodfellow2013: {
    authors: ['Goodfellow, I. J.', 'Warde-Farley, D.', 'Mirza, M.', 'Courville, A.', 'Bengio, Y.'],
    year: 2013,
    title: 'Maxout networks',
    venue:
      'Proceedings of the 30th International Conference on Machine Learning (ICML), PMLR 28(3), 1319–1327',
    url: arxiv('1302.4389'),
  },
  maas2013: {
    authors: ['Maas, A. L.', 'Hannun, A. Y.', 'Ng, A. Y.'],
    year: 2013,
    title: 'Rectifier nonlinearities improve neural network acoustic models',
    venue: 'ICML Workshop on Deep Learning for Audio, Speech and Language Processing',
    note: 'Introduces Leaky ReLU.',
  },
  cho2014: {
    authors: [
      'Cho, K.',
      'van Merriënboer, B.',
      'Gulcehre, C.',
      'Bahdanau, D.',
      'Bougares, F.',
      'Schwenk, H.',
      'Bengio, Y.',
    ],
    year: 2014,
    title:
      'Learning phrase representations using RNN encoder–decoder for statistical machine translation',
    venue:
      'Proceedings of the 2014 Conference on Empirical Methods in Natural Language Processing (EMNLP), 1724–1734',
    url: arxiv('1406.1078'),
    note: 'Introduces the GRU.',
  },
  he2015: {
    authors: ['He, K.', 'Zhang, X.', 'Ren, S.', 'Sun, J.'],
    year: 2015,
    title:
      'Delving deep into rectifiers: surpassing human-level performance on ImageNet classification',
    venue: 'Proceedings of the IEEE International Conference on Computer Vision (ICCV), 1026–1034',
    url: arxiv('1502.01852'),
    note: 'Introduces PReLU and He initialisation.',
  },
  ioffe2015: {
    authors: ['Ioffe, S.', 'Szegedy, C.'],
    year: 2015,
    title:
      'Batch normalization: accelerating deep network training by reducing internal covariate shift',
    venue:
      'Proceedings of the 32nd International Conference on Machine Learning (ICML), PMLR 37, 448–456',
    url: arxiv('1502.03167'),
  },
  clevert2015: {
    authors: ['Clevert, D.-A.', 'Unterthiner, T.', 'Hochreiter, S.'],
    year: 2015,
    title: 'Fast and accurate deep network learning by exponential linear units (ELUs)',
    venue: 'arXiv:1511.07289; published at ICLR 2016',
    url: arxiv('1511.07289'),
  },
  goodfellow2016: {
    authors: ['Goodfellow, I.', 'Bengio, Y.', 'Courville, A.'],
    year: 2016,
    title: 'Deep Learning',
    venue: 'MIT Press',
    url: 'https://www.deeplearningbook.org/',
  },
  hendrycks2016: {
    authors: ['Hendrycks, D.', 'Gimpel, K.'],
    year: 2016,
    title: 'Gaussian error linear units (GELUs)',
    venue: 'arXiv:1606.08415',
    url: arxiv('1606.08415'),
  },
  klambauer2017: {
    authors: ['Klambauer, G.', 'Unterthiner, T.', 'Mayr, A.', 'Hochreiter, S.'],
    year: 2017,
    title: 'Self-normalizing neural networks',
    venue: 'Advances in Neural Information Processing Systems 30 (NeurIPS 2017)',
    url: arxiv('1706.02515'),
    note: 'Introduces SELU and alpha dropout.',
  },
  ramachandran2017: {
    authors: ['Ramachandran, P.', 'Zoph, B.', 'Le, Q. V.'],
    year: 2017,
    title: 'Searching for activation functions',
    venue: 'arXiv:1710.05941; ICLR 2018 Workshop Track',
    url: arxiv('1710.05941'),
    note: 'Names swish.',
  },
  sharma2017: {
    authors: ['Sharma, S.'],
    year: 2017,
    title: 'Activation functions in neural networks',
    venue: 'Towards Data Science (blog post)',
    url: 'https://towardsdatascience.com/activation-functions-neural-networks-1cbd9f8d91d6',
  },
  elfwing2018: {
    authors: ['Elfwing, S.', 'Uchibe, E.', 'Doya, K.'],
    year: 2018,
    title:
      'Sigmoid-weighted linear units for neural network function approximation in reinforcement learning',
    venue: 'Neural Networks, 107, 3–11',
    url: arxiv('1702.03118'),
  },
  devlin2019: {
    authors: ['Devlin, J.', 'Chang, M.-W.', 'Lee, K.', 'Toutanova, K.'],
    year: 2019,
    title: 'BERT: pre-training of deep bidirectional transformers for language understanding',
    venue: 'Proceedings of NAACL-HLT 2019, 4171–4186',
    url: arxiv('1810.04805'),
    note: 'GELU in BERT.',
  },
  radford2019: {
    authors: ['Radford, A.', 'Wu, J.', 'Child, R.', 'Luan, D.', 'Amodei, D.', 'Sutskever, I.'],
    year: 2019,
    title: 'Language models are unsupervised multitask learners',
    venue: 'OpenAI technical report',
    note: 'GPT-2, with the tanh approximation of GELU.',
  },
  howard2019: {
    authors: [
      'Howard, A.',
      'Sandler, M.',
      'Chu, G.',
      'Chen, L.-C.',
      'Chen, B.',
      'Tan, M.',
      'Wang, W.',
      'Zhu, Y.',
      'Pang, R.',
      'Vasudevan, V.',
      'Le, Q. V.',
      'Adam, H.',
    ],
    year: 2019,
    title: 'Searching for MobileNetV3',
    venue: 'Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)',
    url: arxiv('1905.02244'),
    note: 'Introduces hard swish.',
  },
  misra2019: {
    authors: ['Misra, D.'],
    year: 2019,
    title: 'Mish: a self regularized non-monotonic activation function',
    venue: 'arXiv:1908.08681; British Machine Vision Conference (BMVC) 2020',
    url: arxiv('1908.08681'),
  },
  shazeer2020: {
    authors: ['Shazeer, N.'],
    year: 2020,
    title: 'GLU variants improve Transformer',
    venue: 'arXiv:2002.05202',
    url: arxiv('2002.05202'),
    note: 'SwiGLU and GEGLU: gated feed-forward layers.',
  },
  cs231n: {
    authors: ['Karpathy, A.', 'Johnson, J.', 'Li, F.-F.'],
    year: 2016,
    title: 'Neural networks part 1: setting up the architecture',
    venue: 'Course notes, Stanford CS231n: Convolutional Neural Networks for Visual Recognition',
    url: 'https://cs231n.github.io/neural-networks-1/',
  },
  alpaydin1998: {
    authors: ['Alpaydin, E.', 'Kaynak, C.'],
    year: 1998,
    title: 'Optical Recognition of Handwritten Digits [data set]',
    venue: 'UCI Machine Learning Repository; licence CC BY 4.0',
    url: doi('10.24432/C50P49'),
    note: 'The handwritten digits of the real-data lesson (the 1,797-image test set, as scikit-learn ships it).',
  },
} as const satisfies Record<string, Work>;

/** A citation id: a key of {@link works}. */
export type WorkId = keyof typeof works;

/** Every citation id, in the bibliography's order. */
export const workIds = Object.keys(works) as WorkId[];

/** Whether `id` names a work of the bibliography. */
export function isWorkId(id: string): id is WorkId {
  return Object.hasOwn(works, id);
}

/** The work with this id; throws naming the id and the file, so a typo in a lesson fails the build. */
export function getWork(id: string, where = 'citation'): Work {
  if (!isWorkId(id))
    throw new Error(`${where}: unknown work "${id}" (add it to src/lib/course/bibliography.ts)`);
  return works[id];
}

/**
 * Authors in running text: "Hochreiter", "Glorot and Bengio", "Clevert, Unterthiner and
 * Hochreiter"; more than three become "Klambauer et al.".
 */
export function authorsShort(work: Work): string {
  const names = work.authors.map((a) => a.split(',')[0] ?? a);
  if (names.length > 3) return `${names[0]} et al.`;
  return listInWords(names);
}

/** Authors as listed in a reference entry: "A, B and C"; more than six become the first six and "et al.". */
export function authorsLong(work: Work): string {
  if (work.authors.length > 6) return `${work.authors.slice(0, 6).join(', ')} et al.`;
  return listInWords(work.authors);
}

/** One entry as plain text (no link), for previews and titles. */
export function formatWork(work: Work): string {
  return `${authorsLong(work)} (${work.year}). ${work.title}. ${work.venue}.`;
}

/**
 * Orders the works of the full list: first the cited ones, in order of first citation, then the
 * rest alphabetically by first author and year. Numbers of cited works thus agree between the
 * text and a list that also holds uncited works.
 */
export function fullListOrder(cited: readonly WorkId[]): WorkId[] {
  const rest = workIds
    .filter((id) => !cited.includes(id))
    .sort(
      (a, b) =>
        works[a].authors[0]!.localeCompare(works[b].authors[0]!) || works[a].year - works[b].year,
    );
  return [...cited, ...rest];
}

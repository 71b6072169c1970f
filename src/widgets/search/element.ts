/**
 * `<af-search>`: full-text search over the lessons and the glossary with Pagefind's offline index
 * (`<base>pagefind/`, written after every build by src/integrations/pagefind.ts).
 *
 * Lifecycle: nothing loads until the reader types or the page was opened with `?q=` (the
 * header's search form, or a shared link); then Pagefind's script is imported once from the
 * built site and kept. Each query takes a generation number, and a slower, older query that
 * finishes after a newer one is dropped, so the list always matches what is in the box.
 * The page's address is only read, never written: `?q=` comes from a plain form submission.
 */

/** The part of Pagefind's browser API used here (pagefind.js has no types of its own). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindApi {
  options(options: { excerptLength?: number }): Promise<void>;
  search(
    term: string,
  ): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results shown at most; the lessons are few, so this is all of them in practice. */
const maxResults = 10;

/** Pagefind excerpts are HTML with <mark> around the hits: keep the marks, make the rest text. */
function excerptNodes(html: string): Node[] {
  // A <template> parses without running scripts or loading images.
  const template = document.createElement('template');
  template.innerHTML = html;
  const out: Node[] = [];
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

class SearchElement extends HTMLElement {
  private pagefind: Promise<PagefindApi> | undefined;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector('input[type="search"]');
    if (!(form instanceof HTMLFormElement) || !(input instanceof HTMLInputElement)) return;
    this.dataset.live = 'true';
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.timer);
      void this.run(input.value);
    });
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run(input.value), 150);
    });
    const initial = new URLSearchParams(location.search).get('q');
    if (initial !== null && initial.trim() !== '') {
      input.value = initial;
      void this.run(initial);
    }
  }

  /** Imports Pagefind once, from the built site (not bundled: it is written after the build). */
  private load(): Promise<PagefindApi> {
    this.pagefind ??= (async () => {
      const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
      const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
      await api.options({ excerptLength: 24 });
      return api;
    })();
    return this.pagefind;
  }

  private async run(raw: string): Promise<void> {
    const query = raw.trim();
    const generation = ++this.generation;
    const status = this.querySelector('[data-out="status"]');
    const list = this.querySelector('[data-out="results"]');
    if (status === null || list === null) return;
    if (query === '') {
      list.replaceChildren();
      status.textContent = 'Type a word to search the lessons.';
      return;
    }
    this.setAttribute('aria-busy', 'true');
    try {
      const api = await this.load();
      const found = await api.search(query);
      const data = await Promise.all(
        (found?.results ?? []).slice(0, maxResults).map((r) => r.data()),
      );
      if (generation !== this.generation) return;
      list.replaceChildren(...data.map((d) => this.item(d)));
      const n = found?.results.length ?? 0;
      // Pages, not lessons: the glossary is indexed too.
      status.textContent =
        n === 0
          ? `No page mentions “${query}”.`
          : `${n} ${n === 1 ? 'page' : 'pages'} for “${query}”.`;
    } catch (error) {
      if (generation !== this.generation) return;
      list.replaceChildren();
      status.textContent = `Search could not load: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      if (generation === this.generation) this.removeAttribute('aria-busy');
    }
  }

  private item(d: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    const p = document.createElement('p');
    p.append(...excerptNodes(d.excerpt));
    li.append(a, p);
    return li;
  }
}

if (!customElements.get('af-search')) customElements.define('af-search', SearchElement);

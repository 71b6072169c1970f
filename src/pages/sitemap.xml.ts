/**
 * sitemap.xml, generated from the same page list the site builds (home, lessons, playground), with
 * absolute URLs from SITE_URL and BASE_PATH, so it is right wherever the site is deployed.
 */
import type { APIRoute } from 'astro';
import { lessonsInOrder } from '../build/lessons.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const lessons = await lessonsInOrder();
  const paths = ['', 'playground/', 'notebook/', ...lessons.map((l) => `lessons/${l.id}/`)];
  const urls = paths
    .map((p) => `  <url><loc>${new URL(`${base}${p}`, site).href}</loc></url>`)
    .join('\n');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
  return new Response(body, { headers: { 'content-type': 'application/xml' } });
};

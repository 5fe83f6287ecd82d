// The site the page belongs to: its name, tagline, example queries, category labels and home
// article. The server puts them into the page (<script type="application/json" id="site-data">,
// from the content folder's dailydl.yml and the folder itself); when the page was not served
// that way, they are asked of /api/site. Nothing here names a site of its own.

import { getJson } from './api.js';

/** The `category` value of URLs and API calls that selects the notes at the top of the folder. */
export const ROOT_PARAM = '/';
const ROOT_LABEL = '根目录';

let site = {
  title: location.host, subtitle: null, tagline: null, description: null,
  examples: [], categories: [], home: null, language: document.documentElement.lang || 'zh-CN',
};
let labels = new Map();

function adopt(data) {
  if (!data || typeof data.title !== 'string') return;
  site = Object.assign({}, site, data);
  site.examples = Array.isArray(data.examples) ? data.examples.filter((q) => typeof q === 'string') : [];
  site.categories = Array.isArray(data.categories) ? data.categories.filter((c) => c && typeof c.name === 'string') : [];
  labels = new Map(site.categories.map((c) => [c.name, c.label || c.name]));
}

/** Reads the site from the page, else from the API; the page works (unbranded) without either. */
export async function loadSite() {
  const element = document.getElementById('site-data');
  if (element) {
    try {
      adopt(JSON.parse(element.textContent));
      return site;
    } catch (error) {
      // fall through to the API
    }
  }
  try {
    adopt(await getJson('/api/site'));
  } catch (error) {
    // the defaults above: the page still works, only unbranded
  }
  return site;
}

/** The site's settings (after loadSite). */
export function siteInfo() {
  return site;
}

/** The example queries, at most `limit`. */
export function exampleQueries(limit) {
  return site.examples.slice(0, limit);
}

/** The label of a category ("" or "/" is the top of the folder); the folder name when the site gives none. */
export function siteCategoryLabel(name) {
  const key = name === ROOT_PARAM ? '' : String(name || '');
  if (labels.has(key)) return labels.get(key);
  return key === '' ? ROOT_LABEL : key;
}

/** A category as the `category` URL parameter: the top of the folder ("") is "/". */
export function categoryParam(name) {
  return name === '' ? ROOT_PARAM : name;
}

// Videos and social posts in the preview pane: an address alone on its line
// shows as the site shows it, a video's placeholder (a box with a play button
// and its label) or a link card, with NO iframe and nothing requested from
// another host. Which addresses count is plugins/video_embeds/providers.py's
// table, sent by the build as `site.embeds` (hosts, routes and ID patterns as
// JavaScript regular expressions); the markup is embed_markup.py's, rendered by
// the build with a slot for the link, the label and the caption.
import { headerNodes } from './preview-header.js';
import { spaceRules } from './python-space.js';

function whole({ source, flags }) {
  return new RegExp(`^(?:${source})$`, flags);
}

/** {provider, url, portrait} for an address the site embeds, else null (providers.recognise). */
export function recognise(address, embeds) {
  if (!whole(embeds.url_characters).test(address || '')) return null;
  let url;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const authority = address.split('//', 2)[1] ? address.split('//', 2)[1].split(/[/?#]/, 1)[0] : '';
  if (!['http:', 'https:'].includes(url.protocol) || url.port || authority.includes('@')) return null;
  const host = authority.toLowerCase();
  const provider = embeds.providers.find((candidate) => candidate.hosts.includes(host));
  if (!provider) return null;
  const path = address.split('//', 2)[1].slice(authority.length).split(/[?#]/, 1)[0];
  const query = new URLSearchParams(url.search);
  for (const route of provider.routes) {
    const match = whole(route.path).exec(path);
    if (!match) continue;
    if (!provider.player) return { provider, url: address, portrait: false };
    const values = route.id_parameter ? query.getAll(route.id_parameter) : [match.groups && match.groups.id];
    const id = values.length === 1 ? values[0] || '' : '';
    if (!whole(provider.id_pattern).test(id)) return null;
    return { provider, url: address, portrait: route.portrait };
  }
  return null;
}

/** The site's markup for an embed (embed_markup.embed_html): labelled by the link text, else the caption,
 * else the provider's default; the caption shown under it unless it is the label. */
export function embedHtml(doc, embeds, found, label, caption, whitespace) {
  const fold = spaceRules(whitespace).fold;
  const shownLabel = fold(label || '') || fold(caption || '') || found.provider.default_label;
  const shownCaption = fold(caption || '') !== shownLabel ? fold(caption || '') : '';
  const template = embeds.templates[found.provider.key][found.portrait ? 'portrait' : 'landscape'];
  const container = doc.createElement('div');
  container.append(headerNodes(doc, template, embeds.slot_marks, { url: found.url, label: shownLabel, caption: shownCaption }));
  return container.innerHTML;
}

// The preview pane: the article laid out with the site's own stylesheet, its
// header and featured photo from the site's own partials (preview-header.js),
// filled with the form's values as the contract's slots say (site.preview).
import { headerNodes } from './preview-header.js';
import { siteDates } from './site-dates.js';

/** Words per minute as plugins/reading_aids counts them, at least one minute. */
function readingTime(body, rule) {
  const words = String(body || '').split(/\s+/u).filter(Boolean).length;
  return rule.text.replace('{minutes}', String(Math.max(1, Math.ceil(words / rule.words_per_minute))));
}

/** {slot: text} for an entry: each slot's field shown as the slot says. */
export function slotValues(site, data, assetUrl) {
  const { preview } = site;
  const dates = siteDates(site.dates, site.time_zone);
  const shown = {
    text: (value) => String(value || ''),
    date: dates.date,
    time: dates.time,
    iso: dates.iso,
    asset: (value) => (value ? assetUrl(value) : ''),
    reading_time: (value) => readingTime(value, preview.reading_time),
  };
  const values = {};
  for (const [name, slot] of Object.entries(preview.slots)) {
    if (!slot.field || (slot.with && !data[slot.with])) continue;
    values[name] = shown[slot.shown](data[slot.field]);
  }
  return values;
}

function headerHtml(site, values) {
  const container = document.createElement('div');
  container.append(headerNodes(document, site.preview, values));
  return container.innerHTML;
}

export function articlePreview(site) {
  const h = window.h;
  return window.createClass({
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const data = entry.get('data').toJS();
      const values = slotValues(site, data, (path) => String(getAsset(path)));
      return h('main', { className: 'container' },
        h('article', { className: 'article' },
          h('div', { style: { display: 'contents' }, dangerouslySetInnerHTML: { __html: headerHtml(site, values) } }),
          h('div', { className: 'article-body' }, widgetFor(site.body))));
    },
  });
}

export function pagePreview(site) {
  const h = window.h;
  return window.createClass({
    render() {
      const { entry, widgetFor } = this.props;
      return h('main', { className: 'container' },
        h('article', { className: 'page' },
          h('h1', null, entry.getIn(['data', site.fields.title]) || ''),
          h('div', { className: 'article-body' }, widgetFor(site.body))));
    },
  });
}

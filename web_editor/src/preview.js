// The preview pane: the article or page laid out with the site's own
// stylesheet, its header (and an article's featured photo) from the site's
// own partials (preview-header.js), filled with the form's values as the
// contract's slots say (site.preview). The reading time counts the words of
// the body as the preview shows it (its rendered text), as plugins/reading_aids
// counts the words of the built page's body.
import { headerNodes } from './preview-header.js';
import { siteDates } from './site-dates.js';
import { spaceRules } from './python-space.js';

/** The reading time of `text` as plugins/reading_aids writes it: words per minute, at least one minute. */
export function readingTime(text, rule) {
  const words = spaceRules(rule.whitespace).words(String(text || '')).length; // as Python's str.split()
  const minutes = Math.max(1, Math.ceil(words / rule.words_per_minute));
  return rule.text.replace('{minutes}', String(minutes));
}

/** {slot: text} for an entry: each slot's field shown as the slot says; the reading time is that of
 * `bodyText`, the body's text as the preview shows it (not its Markdown). */
export function slotValues(site, data, assetUrl, bodyText = '') {
  const { preview } = site;
  const dates = siteDates(site);
  const shown = {
    text: (value) => String(value || ''),
    date: dates.date,
    time: dates.time,
    iso: dates.iso,
    asset: (value) => (value ? assetUrl(value) : ''),
    reading_time: () => readingTime(bodyText, preview.reading_time),
  };
  const values = {};
  for (const [name, slot] of Object.entries(preview.slots)) {
    if (!slot.field || (slot.with && !data[slot.with])) continue;
    values[name] = shown[slot.shown](data[slot.field]);
  }
  return values;
}

function headerHtml(site, html, values) {
  const container = document.createElement('div');
  container.append(headerNodes(document, html, site.preview.slot_marks, values));
  return container.innerHTML;
}

/** A preview of `html` (the header partials) and the body, the body's text read back once it shows. */
function previewClass(site, html) {
  const h = window.h;
  return window.createClass({
    getInitialState() {
      return { bodyText: '' };
    },
    componentDidMount() {
      // Decap's Markdown preview may render after this component: watch the body for its text.
      const Observer = this.body.ownerDocument.defaultView.MutationObserver;
      this.observer = new Observer(() => this.readBody());
      this.observer.observe(this.body, { childList: true, subtree: true, characterData: true });
      this.readBody();
    },
    componentWillUnmount() {
      this.observer.disconnect();
    },
    readBody() {
      const bodyText = this.body.textContent;
      if (bodyText !== this.state.bodyText) this.setState({ bodyText });
    },
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const data = entry.get('data').toJS();
      const values = slotValues(site, data, (path) => String(getAsset(path)), this.state.bodyText);
      return h('main', { className: 'container' },
        h('article', { className: 'article' },
          h('div', { style: { display: 'contents' }, dangerouslySetInnerHTML: { __html: headerHtml(site, html, values) } }),
          h('div', { className: 'article-body', ref: (element) => { this.body = element; } }, widgetFor(site.body))));
    },
  });
}

export function articlePreview(site) {
  return previewClass(site, site.preview.article_header);
}

export function pagePreview(site) {
  return previewClass(site, site.preview.page_header);
}

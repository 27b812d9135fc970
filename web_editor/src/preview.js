// The preview pane: the article laid out with the site's own stylesheet.
import { siteDateText } from './site-dates.js';

export function articlePreview(CMS) {
  const h = window.h;
  return window.createClass({
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const value = (name) => entry.getIn(['data', name]) || '';
      const image = value('Image');
      const imageUrl = image ? getAsset(image) : null;
      return h('main', { className: 'container' },
        h('article', { className: 'article' },
          h('header', { className: 'article-header' },
            h('p', { className: 'kicker' }, value('Category')),
            h('h1', null, value('Title')),
            h('p', { className: 'article-meta' }, h('time', null, siteDateText(value('Date')))),
            value('Author') ? h('p', { className: 'article-credit' }, `Penulis/editor: ${value('Author')}`) : null),
          imageUrl ? h('figure', { className: 'featured-photo' },
            h('img', { src: imageUrl.toString(), alt: value('Image_alt') }),
            value('Image_caption') ? h('figcaption', null, value('Image_caption')) : null) : null,
          h('div', { className: 'article-body' }, widgetFor('body'))));
    },
  });
}

export function pagePreview() {
  const h = window.h;
  return window.createClass({
    render() {
      const { entry, widgetFor } = this.props;
      return h('main', { className: 'container' },
        h('article', { className: 'page' },
          h('h1', null, entry.getIn(['data', 'Title']) || ''),
          h('div', { className: 'article-body' }, widgetFor('body'))));
    },
  });
}

// Starts Decap CMS with the configuration the build made from our data
// files (config.json), our file format, the Indonesian interface, dates in
// the site's time zone, files named by their Date and the site's look in
// the preview.
import idLocale from './locale-id.js';
import { formatFields, fromFile, toFile } from './pelican-format.js';
import { articlePreview, pagePreview } from './preview.js';
import { imageTextControl } from './image-text-widget.js';
import { siteDateTimeWidget } from './site-datetime-widget.js';
import { pathDateListener } from './file-path.js';

const FORMAT = 'pelican-md';

async function start() {
  const CMS = window.CMS;
  const config = await (await fetch(new URL('config.json', import.meta.url), { cache: 'no-cache' })).json();
  const fields = formatFields(config);
  CMS.registerCustomFormat(FORMAT, 'md', {
    fromFile: (text) => fromFile(text, fields),
    toFile: (data) => toFile(data && data.toJS ? data.toJS() : data, fields),
  });
  CMS.registerLocale('id', idLocale);
  CMS.registerWidget('image_text', imageTextControl());
  const siteDateTime = siteDateTimeWidget(CMS);
  CMS.registerWidget('site_datetime', siteDateTime.control, siteDateTime.preview, siteDateTime.schema);
  CMS.registerEventListener(pathDateListener(config));
  CMS.registerPreviewStyle(document.body.dataset.stylesheet);
  CMS.registerPreviewTemplate('berita', articlePreview(CMS));
  CMS.registerPreviewTemplate('halaman', pagePreview(CMS));
  CMS.init({ config });
}

start();

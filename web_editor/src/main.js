// Starts Decap CMS with the configuration the build made from our data
// files, our file format, the Indonesian interface, dates in the site's time
// zone, files named by their Date and Slug in their office's folder, each
// office's articles as one collection opened newest first, photos prepared to the site's
// standard before they are uploaded, and the site's look in the preview.
// Every name shared with Python comes from the configuration's `site`
// section (plugins/web_editor/contract.py), which is ours, not Decap's: it
// is taken out before Decap reads the rest. The configuration's own file
// name comes from the page (data-config, written by the build).
import idLocale from './locale-id.js';
import { pelicanFormat } from './pelican-format.js';
import { articlePreview, pagePreview } from './preview.js';
import { imageTextControl } from './image-text-widget.js';
import { siteDateTimeWidget } from './site-datetime-widget.js';
import { newFileListener } from './file-path.js';
import { slugMaker } from './slug.js';
import { moveOnlyTheEntry } from './entry-moves.js';
import { prepareUploads } from './photo-prepare.js';
import { documentControl, pendingDocuments, savingProblem, sendDocumentsWithEntries } from './documents.js';
import { galleryProblem, registerBodyComponents } from './body-components.js';
import { openRememberedOffice, rememberOffice } from './office-start.js';

async function start() {
  const CMS = window.CMS;
  const configUrl = new URL(document.body.dataset.config, import.meta.url);
  const { site, ...config } = await (await fetch(configUrl, { cache: 'no-cache' })).json();
  const format = pelicanFormat(config, site);
  CMS.registerCustomFormat(site.format.name, site.format.extension, {
    fromFile: (text) => format.fromFile(text),
    toFile: (data) => format.toFile(data && data.toJS ? data.toJS() : data),
  });
  CMS.registerLocale(config.locale, idLocale);
  CMS.registerWidget(site.widgets.image_text, imageTextControl(site));
  const siteDateTime = siteDateTimeWidget(CMS, site);
  CMS.registerWidget(site.widgets.datetime, siteDateTime.control, siteDateTime.preview, siteDateTime.schema);
  CMS.registerEventListener(newFileListener(config, site, slugMaker(site.slug)));
  CMS.registerPreviewStyle(document.body.dataset.stylesheet);
  (site.preview_styles || []).forEach((style) => CMS.registerPreviewStyle(style));
  const pending = pendingDocuments();
  const slugify = slugMaker(site.slug);
  CMS.registerWidget(site.widgets.document, documentControl(site, pending, slugify));
  const articles = config.collections.find((collection) => collection.name === site.collections.offices[0]);
  registerBodyComponents(CMS, site, articles.fields.find((field) => field.name === site.fields.image), pending);
  site.collections.offices.forEach((name) => CMS.registerPreviewTemplate(name, articlePreview(site)));
  CMS.registerPreviewTemplate(site.collections.pages, pagePreview(site));
  moveOnlyTheEntry(CMS, config.backend.name);
  sendDocumentsWithEntries(CMS, config.backend.name, site.documents, pending,
    (texts) => savingProblem(texts, site.documents) || galleryProblem(texts, site));
  prepareUploads(site);
  rememberOffice(site);
  openRememberedOffice(site, config.collections[0].name);
  CMS.init({ config });
}

start();

// Decap's date and time control, with "now" in the site's time zone (the
// field's own time zone key, site.config_keys.time_zone: Pelican's TIMEZONE)
// instead of the browser's: the default of a new article's Date ({{now}}) and
// the "Sekarang" button both give the current WIB time on a laptop set to
// UTC or any other zone. Everything else (input, formats, preview) is
// Decap's own control.
import { wallTimeIn, wallTimeText } from './wall-time.js';

export function siteDateTimeWidget(CMS, site) {
  const zoneKey = site.config_keys.time_zone;
  const datetime = CMS.getWidget('datetime');
  class SiteDateTimeControl extends datetime.control {
    getNow() {
      const { inputFormat } = this.getFormat();
      return wallTimeText(wallTimeIn(this.props.field.get(zoneKey)), inputFormat);
    }
  }
  const schema = { properties: { ...datetime.schema.properties, [zoneKey]: { type: 'string' } }, required: [zoneKey] };
  return { control: SiteDateTimeControl, preview: datetime.preview, schema };
}

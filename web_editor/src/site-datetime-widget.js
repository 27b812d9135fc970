// Decap's date and time control, with "now" in the site's time zone (the
// field's `time_zone`, Pelican's TIMEZONE) instead of the browser's: the
// default of a new article's Date ({{now}}) and the "Sekarang" button both
// give the current WIB time on a laptop set to UTC or any other zone.
// Everything else (input, formats, preview) is Decap's own control.
import { wallTimeIn, wallTimeText } from './wall-time.js';

export function siteDateTimeWidget(CMS) {
  const datetime = CMS.getWidget('datetime');
  class SiteDateTimeControl extends datetime.control {
    getNow() {
      const { inputFormat } = this.getFormat();
      return wallTimeText(wallTimeIn(this.props.field.get('time_zone')), inputFormat);
    }
  }
  const schema = { properties: { ...datetime.schema.properties, time_zone: { type: 'string' } }, required: ['time_zone'] };
  return { control: SiteDateTimeControl, preview: datetime.preview, schema };
}

// A text control that is required only while another field (the photo) is
// filled: the featured photo's text alternative. The field's configuration
// names the photo field under our own key (site.config_keys.image_field).
export function imageTextControl(site) {
  const h = window.h;
  const imageFieldKey = site.config_keys.image_field;
  return window.createClass({
    isValid() {
      const imageField = this.props.field.get(imageFieldKey);
      const image = this.props.entry.getIn(['data', imageField]);
      if (image && !String(this.props.value || '').trim()) {
        return { error: { message: `${this.props.field.get('label')} wajib diisi karena ada foto utama.` } };
      }
      return true;
    },
    render() {
      return h('input', {
        type: 'text',
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: this.props.value || '',
        onChange: (event) => this.props.onChange(event.target.value),
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      });
    },
  });
}

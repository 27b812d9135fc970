// Decap CMS waits for main.js to call CMS.init() with our generated configuration.
window.CMS_MANUAL_INIT = true;

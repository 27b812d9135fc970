// Share bar enhancements: print, copy link, native share sheet.
// Each button ships with `hidden` and is shown only when this script runs
// and the browser can do what the button offers.
(function () {
  "use strict";

  function announce(button, message) {
    var status = button.closest(".share-bar").querySelector(".share-status");
    status.textContent = message;
    window.clearTimeout(status.clearTimer);
    status.clearTimer = window.setTimeout(function () { status.textContent = ""; }, 5000);
  }

  var actions = {
    print: {
      available: function () { return typeof window.print === "function"; },
      run: function () { window.print(); }
    },
    copy: {
      available: function () { return !!(navigator.clipboard && window.isSecureContext); },
      run: function (button) {
        navigator.clipboard.writeText(button.dataset.url).then(
          function () { announce(button, "Tautan berita disalin."); },
          function () { announce(button, "Tautan gagal disalin. Salin alamat dari bilah alamat peramban."); }
        );
      }
    },
    native: {
      available: function () { return typeof navigator.share === "function"; },
      run: function (button) {
        navigator.share({ title: button.dataset.title, url: button.dataset.url }).catch(function () {});
      }
    }
  };

  document.querySelectorAll(".share-bar [data-share]").forEach(function (button) {
    var action = actions[button.dataset.share];
    if (!action || !action.available()) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { action.run(button); });
  });
}());

// Video placeholders (plugins/video_embeds): the link to the video becomes a
// "Putar video: …" button; pressing it puts in the player's iframe. Until
// then the page requests nothing from the video's host. The iframe address
// comes from the build (data-video-player), made from a validated video ID;
// the Content-Security-Policy's frame-src allows only the two player hosts.
(function () {
  "use strict";

  function play(figure, button) {
    var frame = document.createElement("iframe");
    frame.src = figure.dataset.videoPlayer;
    frame.title = figure.dataset.videoTitle;
    frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    button.replaceWith(frame);
    frame.focus();
  }

  document.querySelectorAll("figure.video-embed[data-video-player]").forEach(function (figure) {
    var link = figure.querySelector(".video-facade");
    if (!link) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    var icon = link.querySelector(".video-play-icon").cloneNode(true);
    var text = document.createElement("span");
    text.className = "video-facade-text";
    var action = document.createElement("span");
    action.className = "video-facade-action";
    action.textContent = figure.dataset.videoPlay;
    var label = document.createElement("span");
    label.className = "video-facade-label";
    label.textContent = figure.dataset.videoTitle;
    text.append(action, " ", label);
    button.append(icon, text);
    button.addEventListener("click", function () { play(figure, button); });
    link.replaceWith(button);
  });
}());

// The careers page's chat widget: asks this site for a conversation-bound Direct Line token
// (the secret stays on the server) and renders the official Web Chat against it.
(function () {
  'use strict';
  var panel = document.getElementById('chat');
  var launcher = document.querySelector('.launcher');
  var error = panel.querySelector('.chat-error');
  var started = false;
  var opener = null;

  function open(event) {
    opener = event && event.currentTarget;
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (!started) {
      started = true;
      start();
    } else {
      focusInput();
    }
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    (opener || launcher).focus();
  }

  function focusInput() {
    var input = panel.querySelector('input[type="text"], textarea');
    if (input) { input.focus(); }
  }

  function start() {
    fetch('api/directline/token', { method: 'POST', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('token request failed: ' + response.status); }
        return response.json();
      })
      .then(function (grant) {
        var directLine = window.WebChat.createDirectLine({
          domain: grant.domain,
          token: grant.token,
          webSocket: grant.webSocket
        });
        window.WebChat.renderWebChat({
          directLine: directLine,
          locale: document.documentElement.lang || 'en-US',
          styleOptions: {
            hideUploadButton: true,
            botAvatarInitials: 'CB',
            accent: '#0b5cad',
            suggestedActionLayout: 'flow'
          }
        }, document.getElementById('webchat'));
        setTimeout(focusInput, 0);
      })
      .catch(function () {
        started = false;
        error.textContent = 'CareerBot is not available right now. Please try again in a moment.';
        error.hidden = false;
      });
  }

  document.querySelectorAll('[data-open-chat]').forEach(function (button) { button.addEventListener('click', open); });
  panel.querySelector('[data-close-chat]').addEventListener('click', close);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { close(); }
  });
}());

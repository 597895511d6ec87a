/* The "copy" button of an article's citation (templates/archive/_cite.html).
 * Progressive enhancement: without this file the button stays hidden and the
 * citation is plain, selectable text. With it, the button appears and copies the
 * citation as one line of plain text; a status line (role="status") says whether
 * it worked. Loaded with `defer` from a file: the Content-Security-Policy
 * forbids inline scripts.
 */
(function () {
  "use strict";

  function plainText(element) {
    return element.textContent.replace(/\s+/g, " ").trim();
  }

  // Older browsers, and pages not served over HTTPS or localhost, lack the
  // asynchronous clipboard: select the text and use the old command instead.
  function copyBySelection(element) {
    var selection = window.getSelection();
    var range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    return copied;
  }

  function say(button, message) {
    var status = button.parentNode.querySelector(".cite__status");
    if (!status) {
      return;
    }
    // Emptied first so that the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  function setUp(button) {
    var target = document.getElementById(button.getAttribute("data-copy-target"));
    if (!target) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = plainText(target);
      var done = function () { say(button, button.getAttribute("data-copied")); };
      var failed = function () {
        say(button, copyBySelection(target) ? button.getAttribute("data-copied") : button.getAttribute("data-failed"));
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, failed);
      } else {
        failed();
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-copy-target]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

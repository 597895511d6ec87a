/* Small improvements to the search page. Everything works without this file:
 * it only
 *  - submits the search form by itself when the mode, the sort order or the page
 *    size is changed with the mouse or a touch (dates and the query still wait
 *    for the search button or Enter, since a half-typed date must not fire a
 *    search; a change made with the arrow keys waits for Enter);
 *  - leaves empty date fields out of the URL;
 *  - on narrow screens, folds the facet groups that have nothing selected, so the
 *    results are not followed by a wall of links;
 *  - on a phone, where a long timeline scrolls sideways, brings the chosen month (or
 *    the busiest) into the middle of the view instead of the timeline's first year;
 *  - keeps a fold the reader opened (the timeline and map) open on the next search
 *    in the same tab, so narrowing month by month does not mean opening it each time.
 * Loaded with `defer` from an external file: the Content-Security-Policy forbids
 * inline scripts.
 */
(function () {
  "use strict";

  function submit(form) {
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function isAutoControl(target) {
    if (!target || !target.name) {
      return false;
    }
    return (target.name === "mode" && target.type === "radio") ||
      target.hasAttribute("data-autosubmit-control");
  }

  function autoSubmit() {
    var forms = document.querySelectorAll("form[data-autosubmit]");
    Array.prototype.forEach.call(forms, function (form) {
      // A change made with the arrow keys (walking through a select or the mode
      // radios) must not reload the page at every step: those wait for Enter
      // (or the search button). A change made with the mouse or a touch, or
      // confirmed in a select's list, submits at once.
      var keyboardAt = 0;
      form.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && isAutoControl(event.target)) {
          event.preventDefault();
          submit(form);
          return;
        }
        if (event.key !== "Tab" && event.key !== "Shift") {
          keyboardAt = Date.now();
        }
      });
      form.addEventListener("change", function (event) {
        if (!isAutoControl(event.target)) {
          return;
        }
        if (Date.now() - keyboardAt < 800) {
          return;
        }
        submit(form);
      });
    });
  }

  // Empty date fields would only add "date_from=&date_to=" to every URL.
  function dropEmptyDates() {
    var forms = document.querySelectorAll("form[data-autosubmit]");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function () {
        var dates = form.querySelectorAll('input[type="date"]');
        Array.prototype.forEach.call(dates, function (input) {
          if (!input.value) {
            input.disabled = true;
          }
        });
      });
    });
    // Coming back with the Back button shows the page as it was left: enable them again.
    window.addEventListener("pageshow", function () {
      var disabled = document.querySelectorAll('form[data-autosubmit] input[type="date"]:disabled');
      Array.prototype.forEach.call(disabled, function (input) {
        input.disabled = false;
      });
    });
  }

  function foldFacetsOnPhones() {
    if (!window.matchMedia || !window.matchMedia("(max-width: 61.99em)").matches) {
      return;
    }
    var groups = document.querySelectorAll(".facets details.facet[open]");
    Array.prototype.forEach.call(groups, function (group) {
      if (!group.querySelector(".is-selected")) {
        group.removeAttribute("open");
      }
    });
  }

  function rememberFolds() {
    var folds = document.querySelectorAll("details[data-remember]");
    Array.prototype.forEach.call(folds, function (fold) {
      var key = "archive.open." + fold.getAttribute("data-remember");
      try {
        if (window.sessionStorage.getItem(key) === "1") {
          fold.open = true;
        }
        fold.addEventListener("toggle", function () {
          window.sessionStorage.setItem(key, fold.open ? "1" : "0");
        });
      } catch (error) {
        // Storage refused (private mode, a strict setting): the fold simply starts closed.
      }
    });
  }

  function centreTimelines() {
    var boxes = document.querySelectorAll(".timeline__scroll");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth <= box.clientWidth + 1) {
        return;
      }
      var bar = box.querySelector(".timeline__link.is-selected") || box.querySelector(".timeline__link.is-peak");
      if (!bar) {
        return;
      }
      var barBox = bar.getBoundingClientRect();
      var view = box.getBoundingClientRect();
      box.scrollLeft += (barBox.left + barBox.width / 2) - (view.left + view.width / 2);
    });
  }

  function start() {
    autoSubmit();
    dropEmptyDates();
    foldFacetsOnPhones();
    rememberFolds();
    centreTimelines();
    // A timeline inside a closed fold has no layout until the fold opens.
    Array.prototype.forEach.call(document.querySelectorAll("details.overview"), function (fold) {
      fold.addEventListener("toggle", centreTimelines);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

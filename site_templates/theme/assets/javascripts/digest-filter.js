/*
 * The digest's article-list filter (our own code, no dependency).
 *
 * The generator writes the form (generator/render/filters.py) hidden, with every option and
 * label already escaped, and marks each listed article with the codes it matches:
 * data-digest-item data-regions="150000 150100" data-topics="work-resumption" data-month="2020-03".
 * This script only shows the form and hides what does not match: without it the page is the
 * plain list. It reads and writes no markup (textContent and the `hidden` property only),
 * makes no request, and works from file:// (a plain script, no module, no fetch).
 * The choice is kept in the address (?region=…&topic=…&month=…) where the browser allows it.
 */
(function () {
  "use strict";

  var FIELDS = ["region", "topic", "month"];

  function words(value) {
    return (value || "").split(" ").filter(Boolean);
  }

  function matches(item, choice) {
    if (choice.region && words(item.getAttribute("data-regions")).indexOf(choice.region) < 0) return false;
    if (choice.topic && words(item.getAttribute("data-topics")).indexOf(choice.topic) < 0) return false;
    if (choice.month && item.getAttribute("data-month") !== choice.month) return false;
    return true;
  }

  function currentChoice(form) {
    var choice = {};
    FIELDS.forEach(function (name) {
      var select = form.elements.namedItem(name);
      choice[name] = select ? select.value : "";
    });
    return choice;
  }

  function remember(choice) {
    try {
      var params = new URLSearchParams(window.location.search);
      FIELDS.forEach(function (name) {
        if (choice[name]) params.set(name, choice[name]);
        else params.delete(name);
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (error) {
      /* Some browsers refuse replaceState on file:// pages: the filter works without it. */
    }
  }

  function apply(form, items, groups) {
    var choice = currentChoice(form);
    var shown = 0;
    items.forEach(function (item) {
      var keep = matches(item, choice);
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    /* A month heading with nothing left under it goes too. */
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-digest-item]:not([hidden])");
    });
    var output = form.querySelector("output");
    if (output) {
      output.textContent = (form.getAttribute("data-count") || "{shown}/{total}")
        .replace("{shown}", String(shown))
        .replace("{total}", String(items.length));
    }
    var none = form.querySelector(".digest-filter__none");
    if (none) none.hidden = shown > 0;
    return choice;
  }

  function setUp(form) {
    var scope = form.closest("article") || document;
    var items = Array.prototype.slice.call(scope.querySelectorAll("[data-digest-item]"));
    var groups = Array.prototype.slice.call(scope.querySelectorAll("[data-digest-group]"));
    if (!items.length) return;
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var select = form.elements.namedItem(name);
      var wanted = params.get(name);
      if (!select || !wanted) return;
      /* Only a value the form offers: an address cannot inject a choice. */
      for (var i = 0; i < select.options.length; i += 1) {
        if (select.options[i].value === wanted) select.value = wanted;
      }
    });
    form.hidden = false;
    form.addEventListener("change", function () {
      remember(apply(form, items, groups));
    });
    form.addEventListener("reset", function () {
      /* The reset event fires before the controls change. */
      window.setTimeout(function () {
        remember(apply(form, items, groups));
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    apply(form, items, groups);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-digest-filter]"), setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/*
 * The digest's search worker, in place of Material's lunr worker (mkdocs.yml points the
 * theme's `search` setting here through main.html). It speaks Material's worker protocol
 * (SETUP -> READY, QUERY -> RESULT), so Material's search box and result list are kept.
 *
 * Why: Material's worker cuts a Chinese query to its first character whenever that
 * character is a token of its index, and loads the whole index on every page. This one
 * reads the character-bigram index that generator/render/search.py writes into
 * assets/search/: the page table (docs.js) once, then only the shards of a query's keys.
 * Files are loaded with importScripts: a real worker over http, and the iframe-worker shim
 * (script tags) over file://, where fetch is refused. The tokenizer, the shard hash and
 * the postings decoder must stay in step with search.py.
 */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var FORMAT_VERSION = 1;
  var TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  var HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var END = "|";
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var B64_VALUE = {};
  for (var b = 0; b < B64.length; b++) B64_VALUE[B64.charAt(b)] = b;

  // The worker's own address: under the shim this runs in an iframe whose first script
  // with a src is this file; in a real worker it is self.location.
  var self_script = typeof document !== "undefined" && document.querySelector("script[src]");
  var here = self_script ? self_script.src : self.location.href;
  var base = new URL("../search/", here);

  var meta = null;
  var docs = null;
  var titles = [];
  var shards = {};

  self.digestSearchDocs = function (info, table) {
    meta = info;
    docs = table;
  };
  self.digestSearchShard = function (number, hanGroups, hanCodes, words, wordCodes) {
    var keys = new Map();
    var codes = hanCodes ? hanCodes.split(" ") : [];
    var i = 0;
    if (hanGroups) {
      hanGroups.split(" ").forEach(function (group) {
        var first = group.charAt(0);
        for (var j = 1; j < group.length; j++) keys.set(first + group.charAt(j), codes[i++]);
      });
    }
    var wordList = words ? words.split(" ") : [];
    var wordCodeList = wordCodes ? wordCodes.split(" ") : [];
    for (var w = 0; w < wordList.length; w++) keys.set(wordList[w], wordCodeList[w]);
    shards[number] = keys;
  };

  function load(paths) {
    var urls = paths.map(function (path) { return new URL(path, base).href; });
    if (!urls.length) return Promise.resolve();
    try {
      // A promise under the iframe shim, synchronous (undefined) in a real worker.
      return Promise.resolve(importScripts.apply(self, urls));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  function normalise(text) {
    return text.normalize("NFKC").toLowerCase();
  }

  // FNV-1a over the UTF-16 units of a key's head, as search.py's shard_of.
  function shardOf(key) {
    var head = HAN.test(key) ? key.charAt(0) : key.slice(0, 2);
    var value = 0x811c9dc5;
    for (var i = 0; i < head.length; i++) {
      value ^= head.charCodeAt(i);
      value = Math.imul(value, 0x01000193) >>> 0;
    }
    return value % meta.shards;
  }

  // Rice-coded gaps, 6 bits per character; the first character is the parameter k.
  function decode(code, mark) {
    var k = B64_VALUE[code.charAt(0)];
    var previous = -1, zeros = 0, value = 0, need = -1;
    for (var c = 1; c < code.length; c++) {
      var bits = B64_VALUE[code.charAt(c)];
      for (var bit = 5; bit >= 0; bit--) {
        var one = (bits >> bit) & 1;
        if (need < 0) {
          if (one) {
            value = 0;
            need = k;
          } else {
            zeros++;
            continue;
          }
        } else {
          value = value * 2 + one;
          need--;
        }
        if (need === 0) {
          previous += zeros * Math.pow(2, k) + value + 1;
          mark(previous);
          zeros = 0;
          need = -1;
        }
      }
    }
  }

  // What a query asks for: Han runs and words, in order, each a list of alternatives
  // (keys whose pages are united); all parts must match (their pages are intersected).
  function parse(query) {
    return (normalise(query).match(TOKEN) || []).map(function (token) {
      if (!HAN.test(token)) return { text: token, keys: [token], prefix: token.length >= 2 };
      if (token.length === 1) return { text: token, keys: [], first: token };
      var keys = [];
      for (var i = 0; i + 1 < token.length; i++) keys.push(token.slice(i, i + 2));
      return { text: token, keys: keys, all: true };
    });
  }

  function shardsOf(parts) {
    var needed = new Set();
    parts.forEach(function (part) {
      if (part.first) needed.add(shardOf(part.first));
      part.keys.forEach(function (key) { needed.add(shardOf(key)); });
    });
    return Array.from(needed).filter(function (n) { return !shards[n]; }).sort(function (a, b) { return a - b; });
  }

  // Pages of one alternative list: a word (or its prefix), a character's keys, one bigram.
  function pagesOf(keys, shard, prefix) {
    var found = new Uint8Array(docs.length);
    var any = false;
    function mark(n) { found[n] = 1; }
    keys.forEach(function (key) {
      var code = shard.get(key);
      if (code !== undefined) { decode(code, mark); any = true; }
    });
    if (!any && prefix !== undefined) {
      shard.forEach(function (code, key) {
        if (key.lastIndexOf(prefix, 0) === 0) decode(code, mark);
      });
    }
    return found;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Escape first, then mark every occurrence of a query part (case-insensitive).
  function highlight(text, parts) {
    var lower = text.toLowerCase();
    var marks = new Uint8Array(text.length);
    parts.forEach(function (part) {
      for (var at = lower.indexOf(part.text); at >= 0; at = lower.indexOf(part.text, at + 1))
        for (var i = at; i < at + part.text.length; i++) marks[i] = 1;
    });
    var out = "", open = false;
    for (var i = 0; i < text.length; i++) {
      if (marks[i] && !open) { out += "<mark>"; open = true; }
      if (!marks[i] && open) { out += "</mark>"; open = false; }
      out += escapeHtml(text.charAt(i));
    }
    return open ? out + "</mark>" : out;
  }

  function titleOf(n) {
    if (titles[n] === undefined) titles[n] = normalise(docs[n][1]);
    return titles[n];
  }

  function search(query) {
    var parts = parse(query);
    if (!parts.length) return Promise.resolve({ items: [] });
    return load(shardsOf(parts).map(function (n) { return "s" + n + ".js"; })).then(function () {
      var count = new Uint16Array(docs.length);
      var required = 0;
      parts.forEach(function (part) {
        if (part.first) {
          var shard = shards[shardOf(part.first)];
          var keys = [];
          shard.forEach(function (_, key) { if (key.charAt(0) === part.first) keys.push(key); });
          add(pagesOf(keys, shard));
        } else if (part.all) {
          part.keys.forEach(function (key) { add(pagesOf([key], shards[shardOf(key)])); });
        } else {
          add(pagesOf(part.keys, shards[shardOf(part.text)], part.prefix ? part.text : undefined));
        }
      });
      function add(found) {
        required++;
        for (var n = 0; n < found.length; n++) if (found[n]) count[n]++;
      }
      // Pages whose title holds every part first, then those whose preview does, then the
      // rest; within each, the generator's order (newest articles first).
      var ranked = [];
      for (var n = 0; n < count.length; n++) {
        if (count[n] !== required) continue;
        var title = titleOf(n), previewText = normalise(docs[n][2]);
        var rank = parts.every(function (p) { return title.indexOf(p.text) >= 0; }) ? 0
          : parts.every(function (p) { return previewText.indexOf(p.text) >= 0; }) ? 1 : 2;
        ranked.push([rank, n]);
      }
      ranked.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      var terms = {};
      parts.forEach(function (p) { terms[p.text] = true; });
      return {
        items: ranked.map(function (entry) {
          var doc = docs[entry[1]];
          return [{
            location: doc[0],
            title: highlight(doc[1], parts),
            text: highlight(doc[2], parts),
            score: 3 - entry[0],
            terms: terms
          }];
        })
      };
    });
  }

  function handle(message) {
    switch (message.type) {
      case SETUP:
        return load(["docs.js"]).then(function () {
          if (!meta || meta.version !== FORMAT_VERSION) throw new Error("digest search: index format mismatch");
          return { type: READY };
        });
      case QUERY:
        return search(message.data).then(function (data) { return { type: RESULT, data: data }; });
      default:
        return Promise.resolve(null);
    }
  }

  // One message at a time, so results arrive in the order the queries were typed.
  var queue = Promise.resolve();
  addEventListener("message", function (ev) {
    var message = ev.data;
    queue = queue.then(function () { return handle(message); }).then(
      function (reply) { if (reply) postMessage(reply); },
      function (err) {
        console.warn(err);
        if (message.type === QUERY) postMessage({ type: RESULT, data: { items: [] } });
      }
    );
  });
})();

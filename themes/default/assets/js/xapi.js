/* coursepack runtime: what the cmi5 and TinCan adapters share. Statements get their UUID
   when they are made and go into a queue kept in localStorage before anything is sent; the
   queue is sent in order, retried with backoff on network errors and 5xx answers, and an
   entry leaves it only when the LRS has stored it (200/204, or 409: already stored). Resends
   use the same id, so a retry never creates a duplicate. Credentials are never stored. */
(function (CP) {
  "use strict";

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  /** Milliseconds → ISO 8601 duration, e.g. PT1H2M3.45S (0.01 s precision). */
  function duration(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(cs / 360000), m = Math.floor((cs % 360000) / 6000), s = (cs % 6000) / 100;
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + (Math.round(s * 100) / 100) + "S";
  }

  function endpointUrl(endpoint, resource) {
    return endpoint.replace(/\/?$/, "/") + resource;
  }

  /** A client of one LRS endpoint. `auth` is the Authorization header value, kept in memory. */
  function Lrs(endpoint, auth) {
    this.endpoint = endpoint;
    this.auth = auth;
  }

  Lrs.prototype.request = function (method, resource, params, body, keepalive) {
    var query = params ? "?" + Object.keys(params).filter(function (k) { return params[k] != null; }).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(typeof params[k] === "string" ? params[k] : JSON.stringify(params[k]));
    }).join("&") : "";
    var headers = { "X-Experience-API-Version": "1.0.3", Authorization: this.auth };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(endpointUrl(this.endpoint, resource) + query, {
      method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), keepalive: !!keepalive, cache: "no-store"
    });
  };

  /** GET a document (State or Agent Profile API); resolves null on 404. */
  Lrs.prototype.getDocument = function (resource, params) {
    return this.request("GET", resource, params).then(function (r) {
      if (r.status === 404) return null;
      if (!r.ok) throw new Error("LRS answered " + r.status);
      return r.json();
    });
  };

  Lrs.prototype.putDocument = function (resource, params, doc, keepalive) {
    return this.request("PUT", resource, params, doc, keepalive).then(function (r) {
      if (!r.ok && r.status !== 204) throw new Error("LRS answered " + r.status);
    });
  };

  /** The statement queue of one launch context, persisted under `key`. `onStatus` is told
      "pending", "saved" or "offline" so the learner can see what is happening. */
  function Queue(lrs, key, onStatus) {
    this.lrs = lrs;
    this.key = key;
    this.onStatus = onStatus || function () {};
    this.items = CP.local.get(key) || [];
    this.sending = false;
    this.delay = 1000;
    this.timer = null;
  }

  Queue.prototype.persist = function () {
    if (this.items.length) CP.local.set(this.key, this.items);
    else CP.local.remove(this.key);
  };

  Queue.prototype.add = function (statement) {
    this.items.push(statement);
    this.persist();
    this.onStatus("pending");
    return this.flush();
  };

  /** Sends what is queued, oldest first, in batches; resolves when the queue is empty or a
      retry has been scheduled. */
  Queue.prototype.flush = function () {
    var self = this;
    if (self.sending || !self.items.length) return Promise.resolve();
    self.sending = true;
    var batch = self.items.slice(0, 25);
    return self.lrs.request("POST", "statements", null, batch).then(function (r) {
      if (r.ok || r.status === 409) return r.status;
      var err = new Error("LRS answered " + r.status);
      err.status = r.status;
      throw err;
    }).then(function () {
      var sent = batch.map(function (s) { return s.id; });
      self.items = self.items.filter(function (s) { return sent.indexOf(s.id) < 0; });
      self.persist();
      self.delay = 1000;
      self.sending = false;
      if (self.items.length) return self.flush();
      self.onStatus("saved");
      return undefined;
    }, function (err) {
      self.sending = false;
      if (err.status && err.status < 500 && err.status !== 408 && err.status !== 429) {
        // A refusal that a retry cannot fix: keep the statements, report, stop retrying.
        self.onStatus("offline");
        return undefined;
      }
      self.onStatus("offline");
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(function () { self.flush(); }, self.delay);
      self.delay = Math.min(self.delay * 2, 30000);
      return undefined;
    });
  };

  /** Last chance on page hide: what remains, with keepalive (bodies are capped at 64 KiB). */
  Queue.prototype.flushOnHide = function () {
    if (!this.items.length) return;
    CP.safely(function () {
      this.lrs.request("POST", "statements", null, this.items.slice(0, 25), true);
    }.bind(this));
  };

  /** A statement with its id and timestamp fixed now. */
  function statement(actor, verb, object, extra) {
    var s = {
      id: uuid(),
      timestamp: new Date().toISOString(),
      actor: actor,
      verb: { id: "http://adlnet.gov/expapi/verbs/" + verb, display: { "en-US": verb } },
      object: object
    };
    Object.keys(extra || {}).forEach(function (k) { s[k] = extra[k]; });
    return s;
  }

  /** The object of an `answered` statement: a cmi.interaction activity. */
  function interactionObject(id, record, lang) {
    var definition = {
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      interactionType: record.xapi.type,
      correctResponsesPattern: record.xapi.patterns
    };
    var prompt = document.querySelector("#q-" + record.id + " legend");
    if (prompt) {
      definition.description = {};
      definition.description[lang] = prompt.textContent.trim();
    }
    var q = record.question;
    var list = function (ids, selector) {
      return ids.map(function (cid) {
        var el = document.querySelector("#q-" + record.id + " " + selector(cid));
        var entry = { id: cid, description: {} };
        entry.description[lang] = el ? el.textContent.trim() : cid;
        return entry;
      });
    };
    if (q.type === "single" || q.type === "multiple") definition.choices = list(q.options, function (c) { return 'label[for="q-' + record.id + "-" + c + '"]'; });
    if (q.type === "sequencing") definition.choices = list(q.order, function (c) { return '[data-item="' + c + '"] .cp-item-text'; });
    if (q.type === "matching") {
      definition.source = list(q.pairs, function (c) { return 'label[for="q-' + record.id + "-" + c + '"]'; });
      definition.target = list(q.pairs, function (c) { return 'option[value="' + c + '"]'; });
    }
    return { objectType: "Activity", id: id, definition: definition };
  }

  /** Reads the launch query string. */
  function params() {
    var out = {};
    new URLSearchParams(window.location.search).forEach(function (v, k) { out[k] = v; });
    return out;
  }

  CP.xapi = { uuid: uuid, duration: duration, Lrs: Lrs, Queue: Queue, statement: statement, interactionObject: interactionObject, params: params };
})(window.Coursepack = window.Coursepack || {});

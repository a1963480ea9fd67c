// The Kraken Futures response view (webview page). It only renders the state the extension posts
// and asks the extension to copy text; every value is inserted as text, never as HTML.
// @ts-check
/* global document, window, acquireVsCodeApi */
(function () {
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  /** Bodies longer than this are shown without colouring, to keep the page responsive. */
  const HIGHLIGHT_LIMIT = 200000;
  let state = vscode.getState() || null;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'state') {
      state = message.state;
      vscode.setState(state);
      render();
    }
  });
  if (state) render();
  vscode.postMessage({ type: 'ready' });

  /** Creates an element; string children become text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === undefined || child === null || child === false) continue;
      node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /** Text with `backticked` parts shown as code; still only text nodes, never HTML. */
  function rich(text) {
    return String(text).split('`').map((part, i) => (i % 2 === 1 ? el('code', {}, part) : part));
  }

  function copyButton(text, what) {
    return el('button', { class: 'copy', title: `Copy ${what}`, 'aria-label': `Copy ${what}`, onclick: () => vscode.postMessage({ type: 'copy', text, what }) }, 'Copy');
  }

  function section(id, title, ...children) {
    return el('section', { id, 'data-section': id }, el('h2', {}, title), ...children);
  }

  function selected() {
    if (!state || !state.entries || state.entries.length === 0) return undefined;
    return state.entries.find((e) => e.id === state.selectedId) || state.entries[state.entries.length - 1];
  }

  function render() {
    const entry = selected();
    root.replaceChildren();
    if (!entry) {
      root.append(el('p', { class: 'muted' }, state && state.running ? 'Sending…' : 'Nothing to show yet.'));
      return;
    }
    if (state.entries.length > 1 || state.running) root.append(tabs(entry));
    root.append(header(entry));
    const sections = [];
    const add = (node) => {
      if (!node) return;
      sections.push(node.getAttribute('data-section'));
      root.append(node);
    };
    if (entry.kind === 'doctor') {
      add(doctorSection(entry.doctor));
    } else if (entry.kind === 'signature') {
      add(traceSection(entry));
      add(wireSection(entry));
    } else {
      add(statusSection(entry));
      add(explanationSection(entry.explanation));
      add(assertSection(entry.asserts));
      add(schemaSection(entry.schemaProblems));
      add(bodySection(entry.body));
      add(traceSection(entry));
      add(wireSection(entry));
    }
    const steps = entry.signature ? entry.signature.steps.length : 0;
    vscode.postMessage({ type: 'rendered', entryId: entry.id, kind: entry.kind, sections, traceSteps: steps, headline: headlineOf(entry) });
  }

  function tabs(current) {
    const bar = el('nav', { class: 'tabs', 'aria-label': 'Requests of this run' });
    for (const entry of state.entries) {
      bar.append(el('button', {
        class: `tab outcome-${entry.outcome}${entry.id === current.id ? ' selected' : ''}`,
        title: entry.message,
        'aria-pressed': entry.id === current.id ? 'true' : 'false',
        onclick: () => {
          state = Object.assign({}, state, { selectedId: entry.id });
          vscode.setState(state);
          vscode.postMessage({ type: 'select', id: entry.id });
          render();
        },
      }, el('span', { class: 'dot' }), entry.title));
    }
    if (state.running) bar.append(el('span', { class: 'muted running' }, 'sending…'));
    return bar;
  }

  function header(entry) {
    const env = entry.environment;
    return el('header', {},
      el('h1', {}, entry.title),
      el('div', { class: 'meta' },
        el('span', { class: `badge outcome-${entry.outcome}` }, entry.outcome),
        el('span', { class: `badge env${env.isLive ? ' live' : ''}` }, env.isLive ? `LIVE · ${env.label}` : env.label),
        el('span', { class: 'muted' }, new Date(entry.createdAt).toLocaleString()),
        entry.source ? el('span', { class: 'muted' }, `${entry.source.file} · request #${entry.source.index + 1}`) : undefined),
      el('p', { class: 'message' }, rich(entry.message)),
      entry.signing ? el('p', { class: 'muted signing' }, entry.signing) : undefined);
  }

  function headlineOf(entry) {
    if (entry.http) return `HTTP ${entry.http.status}${entry.kraken ? ` · ${entry.kraken.error ? `error: ${entry.kraken.error}` : entry.kraken.reason}` : ''}`;
    return entry.message;
  }

  function statusSection(entry) {
    if (!entry.http) return undefined;
    const http = entry.http;
    const line = el('p', { class: 'status-line' },
      el('strong', { class: http.status >= 200 && http.status < 300 ? 'ok' : 'bad' }, `HTTP ${http.status}${http.statusText ? ` ${http.statusText}` : ''}`),
      ` · ${http.durationMs} ms · ${http.attempts} attempt${http.attempts === 1 ? '' : 's'}`);
    const kraken = entry.kraken;
    const callout = kraken
      ? el('div', { class: `callout ${kraken.ok ? 'ok' : 'error'}`, role: kraken.ok ? 'status' : 'alert' },
          el('strong', {}, kraken.error ? `Kraken error: ${kraken.error}` : kraken.result ? `result: ${kraken.result}` : 'Kraken'),
          // The reason adds something only when a nested status decided (e.g. sendStatus.status = ...).
          [`result = ${kraken.result}`, `result = error: ${kraken.error}`].includes(kraken.reason) ? undefined : el('div', {}, kraken.reason),
          kraken.hint ? el('div', { class: 'hint' }, rich(kraken.hint)) : undefined)
      : undefined;
    return section('status', 'Status', line, callout);
  }

  function explanationSection(explanation) {
    if (!explanation) return undefined;
    return section('explanation', 'Why it was rejected',
      el('div', { class: 'callout warning' },
        el('strong', {}, rich(explanation.title)),
        el('p', {}, rich(explanation.summary)),
        explanation.doctor ? el('p', { class: 'muted' }, 'Signature re-checked locally: ', rich(explanation.doctor.summary)) : undefined,
        explanation.causes.length > 0 ? el('p', {}, 'What to check:') : undefined,
        el('ol', {}, explanation.causes.map((cause) => el('li', {}, rich(cause))))));
  }

  function assertSection(asserts) {
    if (!asserts || asserts.length === 0) return undefined;
    return section('asserts', 'Checks', el('ul', { class: 'asserts' },
      asserts.map((a) => el('li', { class: a.passed ? 'ok' : 'bad' }, `${a.passed ? '✓' : '✗'} ${a.text}`, a.passed ? undefined : el('span', { class: 'muted' }, ` — ${a.message}`)))));
  }

  function schemaSection(problems) {
    if (!problems || problems.length === 0) return undefined;
    return section('schema', 'Response shape', el('p', { class: 'muted' }, 'The answer does not match the documented schema here:'), el('ul', {}, problems.map((p) => el('li', {}, p))));
  }

  function bodySection(body) {
    if (!body) return undefined;
    const pre = el('pre', { class: 'code body' });
    if (body.json && body.text.length <= HIGHLIGHT_LIMIT) appendHighlightedJson(pre, body.text);
    else pre.textContent = body.text;
    return section('body', 'Response body', el('div', { class: 'tools' }, copyButton(body.text, 'the response body'), body.truncated ? el('span', { class: 'muted' }, ' (cut: the answer is longer)') : undefined), pre);
  }

  function traceSection(entry) {
    const signature = entry.signature;
    if (!signature) return undefined;
    const list = el('ol', { class: 'trace' });
    for (const step of signature.steps) {
      list.append(el('li', { class: 'step' },
        el('div', { class: 'step-head' }, el('span', { class: 'step-label' }, step.label), copyButton(step.value, step.label)),
        step.note ? el('div', { class: 'muted note' }, step.note) : undefined,
        el('pre', { class: 'code value' }, step.value === '' ? '(empty)' : step.value)));
    }
    return section('trace', 'Signature trace',
      el('p', { class: 'muted' }, `Authent = base64(HMAC-SHA-512(base64decode(secret), SHA-256(postData + nonce + endpointPath))) · key ${signature.keyFingerprint} · the secret is never shown`),
      list);
  }

  function wireSection(entry) {
    const wire = entry.wire;
    if (!wire) return undefined;
    const headerLines = wire.headers.map(([name, value]) => `${name}: ${value}`);
    const whole = [wire.requestLine, ...headerLines, '', wire.body === undefined ? '' : wire.body].join('\n').trimEnd();
    return section('wire', 'Request on the wire',
      el('div', { class: 'tools' }, copyButton(wire.requestLine, 'the request line'), copyButton(whole, 'the whole request'), copyButton(wire.postData, 'the signed postData')),
      el('pre', { class: 'code wire' },
        el('span', { class: 'request-line' }, wire.requestLine), '\n',
        headerLines.join('\n'),
        wire.body !== undefined ? `\n\n${wire.body}` : ''),
      el('p', { class: 'muted' }, 'APIKey is shown as a fingerprint; the real key was sent.'));
  }

  function doctorSection(doctor) {
    if (!doctor) return undefined;
    const cls = doctor.verdict === 'correct' ? 'ok' : doctor.verdict === 'mistake-found' ? 'error' : 'warning';
    const rows = [['path', doctor.path], ['postData', doctor.postData], ['nonce', doctor.nonce || '(none)'], ['Authent received', doctor.authent], ['what it looks like', doctor.receivedShape], ['expected Authent', doctor.expectedAuthent], ['key', doctor.keyFingerprint]];
    return section('doctor', 'Signature diagnosis',
      el('div', { class: `callout ${cls}`, role: 'status' },
        el('strong', {}, rich(doctor.summary)),
        doctor.detail ? el('div', {}, rich(doctor.detail)) : undefined,
        doctor.fix ? el('p', {}, rich(doctor.fix)) : undefined),
      el('table', { class: 'kv' }, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, el('code', {}, v)), el('td', {}, copyButton(v, k))))),
      doctor.compare.length > 0
        ? el('div', {}, el('p', {}, 'Compare these with the values your code computes, in order; the first that differs is the broken step:'),
            el('ol', { class: 'trace' }, doctor.compare.map((line) => el('li', { class: 'step' }, el('div', { class: 'step-head' }, el('span', { class: 'step-label' }, line.label), copyButton(line.value, line.label)), el('pre', { class: 'code value' }, line.value)))))
        : undefined);
  }

  /** Colours pretty-printed JSON by token; text outside tokens is kept as it is. */
  function appendHighlightedJson(parent, text) {
    const token = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
    let last = 0;
    for (let match = token.exec(text); match; match = token.exec(text)) {
      if (match.index > last) parent.append(document.createTextNode(text.slice(last, match.index)));
      const cls = match[1] ? (match[2] ? 'json-key' : 'json-string') : match[3] ? 'json-literal' : 'json-number';
      parent.append(el('span', { class: cls }, match[1] || match[0]));
      if (match[2]) parent.append(document.createTextNode(match[2]));
      last = token.lastIndex;
    }
    if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
  }
})();

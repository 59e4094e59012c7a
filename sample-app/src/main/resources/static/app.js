'use strict';

const passwords = { alice: 'alice', bob: 'bob' };

function currentUser() {
  return document.querySelector('input[name="user"]:checked').value;
}

function call(method, path, body) {
  const user = currentUser();
  const headers = { Authorization: 'Basic ' + btoa(user + ':' + passwords[user]) };
  if (body) {
    headers['Content-Type'] = 'application/json';
  }
  return fetch(path, { method, headers, body })
    .then(response => response.text().then(text => ({
      user, status: response.status, body: text ? JSON.parse(text) : null
    })));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function describe(result) {
  const body = result.body || {};
  if (result.status === 403) {
    const what = body.feature || body.event;
    const usage = body.limit != null ? ` — usage ${body.usage} of ${body.limit}` : '';
    return `denied: ${what} (${body.reason})${usage}`;
  }
  if (result.status === 400) {
    return 'invalid: ' + JSON.stringify(body.errors || body.detail);
  }
  if (result.status >= 400) {
    return body.detail || body.title || 'error';
  }
  return JSON.stringify(body);
}

function logDecision(method, path, result) {
  const kind = result.status < 300 ? 'ok' : result.status === 403 ? 'denied' : 'invalid';
  const item = element('li', kind);
  item.append(element('strong', null, `${result.user} ${method} ${path} → ${result.status} `));
  item.append(element('code', null, describe(result)));
  const log = document.getElementById('decision-log');
  log.prepend(item);
}

function show(id, text) {
  document.getElementById(id).textContent = text;
}

function refreshMe() {
  return call('GET', '/api/me').then(result => {
    const me = result.body;
    if (result.status !== 200) {
      show('me-customer', `error ${result.status}`);
      return;
    }
    const exports = me.usage.report_exported;
    show('me-customer', me.customerId);
    show('me-plans', me.plans.length ? me.plans.join(', ') : 'none');
    show('me-exports', `${exports.used ?? 0} of ${exports.limit ?? 'unlimited'}`);
    show('me-slack', me.features.slack_integration ? 'included' : 'not in plan');
  });
}

function who(event) {
  return [event.customerId, event.userId, event.email].filter(Boolean).join(' / ');
}

function refreshActivity() {
  return call('GET', '/api/activity').then(result => {
    if (result.status !== 200) return;
    const activity = result.body;
    show('backend', activity.backend === 'local'
      ? '(embedded local backend)'
      : '(remote systems configured: the local read-back is not available)');
    show('me-billing', activity.billingStatus || 'not reported yet');
    const rows = activity.events.map(event => {
      const row = element('tr');
      row.append(element('td', null, new Date(event.timestamp).toLocaleTimeString()));
      row.append(element('td', null, event.kind));
      row.append(element('td', null, event.name));
      row.append(element('td', null, who(event)));
      row.append(element('td', null, JSON.stringify(event.properties || {})));
      return row;
    });
    document.getElementById('events').replaceChildren(...rows);
  });
}

function refresh() {
  return Promise.all([refreshMe(), refreshActivity()]);
}

document.querySelectorAll('#actions button').forEach(button => {
  button.addEventListener('click', () => {
    const { method, path, body } = button.dataset;
    call(method, path, body)
      .then(result => logDecision(method, path, result))
      .then(refresh);
  });
});

document.querySelectorAll('input[name="user"]').forEach(radio => radio.addEventListener('change', refresh));

refresh();
setInterval(refreshActivity, 2000);

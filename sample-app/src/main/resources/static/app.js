'use strict';

// The demo users' passwords are their names (application.yml): this page is a demo, not a login form.
const passwords = { alice: 'alice', bob: 'bob' };
const nouns = { report_exported: 'exports' };
const destinationNames = { local: 'Local backend', lotus: 'Lotus', outlit: 'Outlit' };
const counters = [['accepted', 'accepted'], ['delivered', 'delivered'], ['failed', 'failed'],
  ['dropped', 'dropped'], ['queueSize', 'queued']];
const summaries = {
  '/api/reports/export': body => `${body.format} export ready`,
  '/api/integrations/slack': body => `posted to ${body.channel}`,
  '/api/subscription/upgrade': body => `now on plan ${body.plan}`,
  '/api/subscription/cancel': body => `ended plan ${body.map(s => s.plan).join(', ')}`,
  '/api/trial/start': body => `billing status ${body.status}`,
  '/api/onboarding/complete': body => `${body.user} ${body.stage}`
};
const MAX_DECISIONS = 30;
const MAX_EVENTS = 20;

const byId = id => document.getElementById(id);

function currentUser() {
  return document.querySelector('input[name="user"]:checked').value;
}

function call(method, path, body) {
  const user = currentUser();
  const headers = { Authorization: 'Basic ' + btoa(user + ':' + passwords[user]) };
  if (body) headers['Content-Type'] = 'application/json';
  return fetch(path, { method, headers, body, cache: 'no-store' })
    .then(response => response.text().then(text => ({
      user, status: response.status, type: response.headers.get('Content-Type') || '', text, body: parse(text)
    })));
}

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch (notJson) {
    return null;
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function show(id, text) {
  byId(id).textContent = text;
}

const words = code => String(code).replace(/_/g, ' ');
const noun = event => nouns[event] || words(event);
const clock = instant => new Date(instant).toLocaleTimeString();

/**
 * A usage bar: "3 of 3 exports this month", full and marked at the limit; "unlimited" when there is none, and
 * "not in plan" when the plan does not allow the event at all.
 */
function meter(event, used, limit, allowed, small) {
  const count = Number(used ?? 0);
  const limited = limit != null;
  const full = limited && count >= Number(limit);
  const blocked = !limited && allowed === false;
  const state = full ? 'full' : blocked ? 'blocked' : !limited && 'unlimited';
  const node = element('div', ['meter', small && 'small', state].filter(Boolean).join(' '));
  node.dataset.event = event;
  const text = limited ? `${count} of ${limit} ${noun(event)} this month` : `${count} ${noun(event)} this month`;
  const flag = full ? 'limit reached' : blocked ? 'not in plan' : limited ? `${limit - count} left` : 'unlimited';
  const label = element('div', 'meter-label');
  label.append(element('span', 'meter-text', text), element('span', 'meter-flag', flag));
  const bar = element('div', 'bar');
  bar.setAttribute('role', 'meter');
  bar.setAttribute('aria-label', `${text}, ${flag}`);
  if (limited) {
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', String(limit));
    bar.setAttribute('aria-valuenow', String(Math.min(count, Number(limit))));
  }
  const fill = element('span');
  fill.style.width = full ? '100%' : limited ? `${(100 * count) / limit}%` : '0';
  bar.append(fill);
  node.append(label, bar);
  return node;
}

function refreshMe() {
  return call('GET', '/api/me').then(result => {
    if (result.user !== currentUser()) return null;
    if (result.status !== 200) {
      show('me-customer', `error ${result.status}`);
      return null;
    }
    const me = result.body;
    show('me-customer', me.customerId);
    show('me-plans', me.plans.length ? me.plans.join(', ') : 'none');
    show('me-slack', me.features.slack_integration ? 'included' : 'not in plan');
    const meters = Object.keys(me.usage).sort()
      .map(event => meter(event, me.usage[event].used, me.usage[event].limit, me.usage[event].allowed));
    byId('meters').replaceChildren(...meters);
    return me;
  });
}

function verdictOf(button, result) {
  const gated = button.dataset.event || button.dataset.feature;
  if (result.status < 300) return gated ? 'allowed' : 'done';
  if (result.status === 403 && result.body && result.body.reason) return 'denied';
  if (result.status === 400) return 'invalid';
  if (result.status === 409) return 'refused';
  return 'failed';
}

function detailOf(path, result) {
  const body = result.body || {};
  if (result.status < 300) return summaries[path] ? summaries[path](body) : 'done';
  if (result.status === 403 && body.reason) return words(body.reason);
  if (body.errors) return Object.entries(body.errors).map(([field, problem]) => `${field} ${problem}`).join('; ');
  return body.detail || body.title || `HTTP ${result.status}`;
}

/** What the gate saw: the metered usage (from the denial itself, else as it stands right after the call), or the plan. */
function contextOf(button, result, me) {
  const body = result.body || {};
  const event = button.dataset.event;
  if (event && result.status === 403 && body.limit != null) return meter(event, body.usage, body.limit, false, true);
  if (event && me && me.usage[event] && result.status !== 400) {
    return meter(event, me.usage[event].used, me.usage[event].limit, me.usage[event].allowed, true);
  }
  if (button.dataset.feature && me) return element('div', 'plan', `plan ${me.plans.join(', ') || 'none'}`);
  return null;
}

function addDecision(button, result, me) {
  const { method, path } = button.dataset;
  const verdict = verdictOf(button, result);
  const item = element('li', 'decision ' + verdict);
  item.dataset.verdict = verdict;
  const head = element('div', 'decision-head');
  head.append(element('span', 'verdict', verdict), element('strong', 'action', button.textContent),
    element('span', 'detail', detailOf(path, result)));
  item.append(head);
  const context = contextOf(button, result, me);
  if (context) item.append(context);
  const raw = element('details', 'raw');
  raw.append(element('summary', null, `${clock(Date.now())} · ${result.user} · ${method} ${path} → ${result.status}`));
  const pretty = result.body != null ? JSON.stringify(result.body, null, 2) : result.text;
  raw.append(element('pre', null, `HTTP ${result.status} ${result.type}\n\n${pretty}`));
  item.append(raw);
  const timeline = byId('timeline');
  timeline.prepend(item);
  while (timeline.children.length > MAX_DECISIONS) timeline.lastElementChild.remove();
  byId('decisions-empty').hidden = true;
}

/** Down when the health component names the destination among its problems; failing while requests fail. */
function healthOf(name, stats, problems) {
  if (stats.credentialsRejected) return ['down', 'credentials rejected'];
  const down = problems.some(problem => problem.startsWith(name + ':'));
  if (stats.consecutiveFailures > 0) {
    return [down ? 'down' : 'failing', `${stats.consecutiveFailures} failed in a row`];
  }
  return [down ? 'down' : 'up', ''];
}

function panelFor(name) {
  const container = byId('destinations');
  const existing = Array.from(container.children).find(panel => panel.dataset.destination === name);
  if (existing) return existing;
  const panel = element('article', 'destination');
  panel.dataset.destination = name;
  const head = element('header');
  head.append(element('h3', null, destinationNames[name] || name), element('span', 'health'));
  const list = element('dl', 'counters');
  counters.forEach(([, label]) => {
    const cell = element('div');
    const value = element('dd', null, '0');
    value.dataset.counter = label;
    cell.append(element('dt', null, label), value);
    list.append(cell);
  });
  panel.append(head, list, element('p', 'failure'), element('p', 'reasons'));
  container.append(panel);
  return panel;
}

function flash(node) {
  node.classList.remove('changed');
  void node.offsetWidth; // restart the animation
  node.classList.add('changed');
}

function reasons(label, counts) {
  return Object.entries(counts || {}).map(([reason, count]) => `${label}: ${words(reason)} × ${count}`);
}

function updatePanel(name, stats, problems) {
  const panel = panelFor(name);
  counters.forEach(([key, label]) => {
    const value = panel.querySelector(`dd[data-counter="${label}"]`);
    const text = String(stats[key] ?? 0);
    if (value.textContent !== text) {
      value.textContent = text;
      flash(value);
    }
  });
  const [state, why] = healthOf(name, stats, problems);
  const health = panel.querySelector('.health');
  health.className = 'health ' + state;
  health.textContent = why ? `${state}: ${why}` : state;
  const failure = panel.querySelector('.failure');
  failure.className = 'failure' + (stats.lastFailureReason ? ' bad' : '');
  failure.textContent = stats.lastFailureReason
    ? `last failure: ${words(stats.lastFailureReason)}${stats.lastFailureAt ? ' at ' + clock(stats.lastFailureAt) : ''}`
    : stats.lastDeliveryAt ? `last delivery at ${clock(stats.lastDeliveryAt)}, no failures` : 'no failures';
  panel.querySelector('.reasons').textContent =
    [...reasons('failed', stats.failedByReason), ...reasons('dropped', stats.droppedByReason)].join(' · ');
}

function refreshDelivery() {
  return Promise.all([call('GET', '/actuator/tracking'), call('GET', '/actuator/health/tracking')])
    .then(([tracking, health]) => {
      const overall = health.body && health.body.status;
      const problems = (health.body && health.body.details && health.body.details.problems) || [];
      const badge = byId('delivery-health');
      badge.className = 'health ' + (overall === 'UP' ? 'up' : 'down');
      badge.textContent = overall ? `tracking health ${overall}` : `health unavailable (${health.status})`;
      if (tracking.status !== 200) return;
      const destinations = tracking.body.destinations || {};
      Object.entries(destinations).forEach(([name, stats]) => updatePanel(name, stats, problems));
      Array.from(byId('destinations').children)
        .filter(panel => !(panel.dataset.destination in destinations))
        .forEach(panel => panel.remove());
    })
    .catch(() => {
      byId('delivery-health').className = 'health down';
      show('delivery-health', 'the app does not answer');
    });
}

function eventItem(event) {
  const item = element('li');
  const who = [event.customerId, event.userId, event.email].filter(Boolean).join(' / ');
  item.append(element('time', null, clock(event.timestamp)), element('span', 'kind', event.kind),
    element('strong', 'name', event.name), element('span', 'who', who),
    element('code', 'properties', JSON.stringify(event.properties || {})));
  return item;
}

function refreshActivity() {
  return call('GET', '/api/activity').then(result => {
    if (result.status !== 200 || result.user !== currentUser()) return;
    const activity = result.body;
    show('backend', activity.backend === 'local'
      ? '(embedded local backend)'
      : '(remote systems configured: the local read-back is not available)');
    show('me-billing', activity.billingStatus || 'not reported yet');
    byId('events').replaceChildren(...activity.events.slice(0, MAX_EVENTS).map(eventItem));
  });
}

function act(button) {
  const { method, path, body } = button.dataset;
  button.disabled = true;
  return call(method, path, body)
    .then(result => refreshMe().catch(() => null).then(me => addDecision(button, result, me)))
    .then(() => Promise.all([refreshActivity(), refreshDelivery()]))
    .finally(() => { button.disabled = false; });
}

/** Runs {@code task} every {@code millis}, skipping a turn while the previous one is still running. */
function every(millis, task) {
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    task().catch(() => null).finally(() => { running = false; });
  }, millis);
}

document.querySelectorAll('#actions button').forEach(button => button.addEventListener('click', () => act(button)));
document.querySelectorAll('input[name="user"]').forEach(radio => radio.addEventListener('change', () => {
  refreshMe();
  refreshActivity();
}));

refreshMe();
refreshActivity();
refreshDelivery();
every(1000, refreshDelivery);
every(2000, refreshActivity);

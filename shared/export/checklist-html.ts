import type { ChecklistModel, ChecklistRow, RichText } from './checklist-model';

/** Escapes text for HTML element content and attribute values. */
export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function rich(text: RichText): string {
  return text.map((part) => (typeof part === 'string' ? htmlEscape(part) : `<code>${htmlEscape(part.code)}</code>`)).join('');
}

const ACTION_TEXT: Readonly<Record<ChecklistRow['action'], string>> = {
  'enter': 'enter',
  'select': 'select',
  'tick': 'tick ☑',
  'leave-unticked': 'leave unticked ☐',
  'leave-empty': 'leave empty',
};

function row(r: ChecklistRow): string {
  const value = (r.action === 'enter' || r.action === 'select') && r.value !== null
    ? `${r.value.includes('\n') ? `<pre>${htmlEscape(r.value)}</pre>` : `<code>${htmlEscape(r.value)}</code>`}${r.placeholder ? '<div class="note">secret not included</div>' : r.secret ? '<div class="note">secret</div>' : ''}`
    : '';
  return `<tr><td class="box">☐</td><th scope="row">${htmlEscape(r.label)}</th><td>${ACTION_TEXT[r.action]}</td><td>${value}</td></tr>`;
}

// Inline only: the page must print and open offline, and the CSP forbids
// every external load and script.
const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#111}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}h3{font-size:1em;margin:1.2em 0 .4em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}
th{font-weight:600;width:35%}td.box{width:1.5em;text-align:center}code,pre{font:12px/1.3 ui-monospace,monospace;word-break:break-all;white-space:pre-wrap}
pre{margin:0}.warn{border:2px solid #b00;padding:.5em;font-weight:600}.info{border:1px solid #555;padding:.5em}.note{font-size:12px;color:#555}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}`;

/**
 * The manual checklist as one self-contained, printable HTML page.
 *
 * Every dynamic string is escaped; a Content-Security-Policy meta tag blocks
 * scripts and external resources should the file be opened in a browser.
 */
export function renderChecklistHtml(model: ChecklistModel): string {
  const title = `Microsoft Graph Mail Single User: instance ${JSON.stringify(model.instanceName)}`;
  const groups = model.groups
    .filter((g) => g.rows.length > 0)
    .map((g) => `<h3>${htmlEscape(g.title)}</h3>\n<table>\n<tbody>\n${g.rows.map(row).join('\n')}\n</tbody>\n</table>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${htmlEscape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${htmlEscape(title)}</h1>
<p>Sign-in: ${htmlEscape(model.modeTitle)}.</p>
${!model.usesSecrets
    ? '<p class="info">This sign-in method uses no secrets.</p>'
    : model.secretsIncluded
    ? '<p class="warn">This page contains secrets. Do not leave printouts lying around; shred them and delete the file once the instance works.</p>'
    : '<p class="info">Secrets are not included. Each secret box shows where its value is stored.</p>'}
<h2>Before you start</h2>
<ul>
${model.before.map((s) => `<li>${rich(s)}</li>`).join('\n')}
</ul>
<h2>Instance dialog</h2>
${groups}
<h2>After saving</h2>
<ol>
${model.afterSave.map((s) => `<li>${rich(s)}</li>`).join('\n')}
</ol>
</body>
</html>
`;
}

import { escapeHtml } from './http-util';

/** The kind of page the platform serves; the browser driver reads it from `body[data-page]`. */
export type PageKind = 'login' | 'consent' | 'admin-consent' | 'error';

function layout(kind: PageKind, title: string, inner: string, extra = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:440px;margin:40px auto}label{display:block;margin:8px 0}
.error{color:#a80000}button{margin:8px 8px 0 0}</style></head>
<body data-page="${kind}"${extra}><h1>${escapeHtml(title)}</h1>${inner}</body></html>`;
}

function hidden(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
}

function credentialFields(): string {
  return `<label>Email, phone, or Skype <input name="loginfmt" type="email" autocomplete="username" required></label>
<label>Password <input name="passwd" type="password" autocomplete="current-password" required></label>`;
}

function permissionList(appName: string, permissions: readonly string[]): string {
  return `<p><strong>${escapeHtml(appName)}</strong> needs permission to:</p><ul id="permissions">${
    permissions.map((p) => `<li data-permission="${escapeHtml(p)}">${escapeHtml(p)}</li>`).join('')}</ul>`;
}

/** Sign-in page (Entra's field names `loginfmt` / `passwd`, button ids `idSIButton9` / `idBtn_Back`). */
export function loginPage(action: string, error?: string): string {
  return layout('login', 'Sign in', `${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">${credentialFields()}
<button id="idSIButton9" type="submit" name="action" value="signin">Sign in</button>
<button id="idBtn_Back" type="submit" name="action" value="cancel" formnovalidate>Cancel</button></form>`);
}

/** User consent page: the permissions asked for, Accept and Decline. */
export function consentPage(action: string, appName: string, permissions: readonly string[]): string {
  return layout('consent', 'Permissions requested', `${permissionList(appName, permissions)}
<form method="post" action="${escapeHtml(action)}">
<button id="idSIButton9" type="submit" name="action" value="accept">Accept</button>
<button id="idBtn_Back" type="submit" name="action" value="decline">Decline</button></form>`);
}

/** Admin consent page: an administrator signs in and accepts or declines for the whole organization. */
export function adminConsentPage(action: string, appName: string, permissions: readonly string[], fields: Readonly<Record<string, string>>, error?: string): string {
  return layout('admin-consent', 'Permissions requested — Accept for your organization', `${
    error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}${permissionList(appName, permissions)}
<form method="post" action="${escapeHtml(action)}">${hidden(fields)}${credentialFields()}
<button id="idSIButton9" type="submit" name="action" value="accept">Accept</button>
<button id="idBtn_Back" type="submit" name="action" value="decline" formnovalidate>Decline</button></form>`);
}

/** Error page shown instead of redirecting when the redirect target itself cannot be trusted. */
export function errorPage(message: string, code: number): string {
  return layout('error', 'Sorry, but we’re having trouble signing you in.', `<p class="error" id="error-message">${escapeHtml(message)}</p>`,
    ` data-error-code="AADSTS${code}"`);
}

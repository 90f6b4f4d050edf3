/** The app's HTML: the same screens in both variants, with insecure subresources only in `default`. */
export type Variant = 'default' | 'fixed';

function assets(variant: Variant): string {
  if (variant === 'fixed') {
    return `<link rel="stylesheet" href="/static/app.3f9a1c.css">
  <script src="https://cdn.widgets.test/w.js" defer></script>`;
  }
  return `<link rel="stylesheet" href="http://cdn.widgets.test/w.css">
  <script src="http://cdn.widgets.test/w.js"></script>`;
}

function body(variant: Variant, inner: string): string {
  const scheme = variant === 'fixed' ? 'https' : 'http';
  return `<img src="${scheme}://img.acme.test/logo.png" alt="Acme Ops">
  ${inner}
  <iframe src="${scheme}://help.widgets.test/chat" title="help"></iframe>`;
}

export function appPage(variant: Variant, title: string, inner: string, marker = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · Acme Ops${marker}</title>
  ${assets(variant)}
</head><body>
  ${body(variant, inner)}
</body></html>
`;
}

export function loginForm(variant: Variant): string {
  const action = variant === 'fixed' ? '/login' : 'http://app.acme.test/login';
  return `<form method="post" action="${action}"><label>E-mail <input type="email" name="email"></label>
  <label>Password <input type="password" name="password"></label><button>Sign in</button></form>`;
}

export const dashboard = '<h1>Tasks</h1><ul id="tasks"><li>Approve invoice #1042</li><li>Ship order #88</li></ul>';
export const tasksScreen = '<h1>All tasks</h1><table id="tasks"><tr><td>Approve invoice #1042</td></tr></table>';

export const adminUsersPage = `<!doctype html><html><head><title>Admin — Users</title></head><body>
<h1>Users</h1><table><tr><td>a@acme.test</td><td>admin</td></tr><tr><td>b@acme.test</td><td>member</td></tr></table>
<button>Delete user</button></body></html>`;

export const marketingPage = `<!doctype html><html><head><title>Acme Ops — operations, handled</title></head>
<body><h1>Acme Ops</h1><p>Run approvals, tasks and reports in one place.</p><a href="https://app.acme.test/login">Sign in</a></body></html>`;

export const statusPage = `<!doctype html><html><head><title>Acme Ops status</title></head>
<body><h1>All systems operational</h1></body></html>`;

export const nginxWelcome = `<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head>
<body><h1>Welcome to nginx!</h1><p>If you see this page, the nginx web server is successfully installed.</p></body></html>`;

// Light or dark: an explicit choice ("light" / "dark", e.g. the embed's ?theme=) or the OS preference,
// followed live. The CSS keys its dark palette on :root[data-theme="dark"].
export function applyTheme(choice) {
  const root = document.documentElement;
  if (choice === 'light' || choice === 'dark') {
    root.dataset.theme = choice;
    return;
  }
  const query = matchMedia('(prefers-color-scheme: dark)');
  const set = () => { root.dataset.theme = query.matches ? 'dark' : 'light'; };
  set();
  query.addEventListener('change', set);
}

// Page text in Vietnamese (the default) or English. Modules register their own strings; elements with
// data-i18n="key" (text), data-i18n-placeholder, data-i18n-title or data-i18n-aria-label are filled by applyTo.
const dictionaries = { vi: {}, en: {} };
const listeners = new Set();
const storageKey = 'vanyen.language';
let language = (() => {
  try { return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi'; } catch { return 'vi'; }
})();

/** Adds strings: register({ vi: { 'key': 'Xin chào {name}' }, en: { 'key': 'Hello {name}' } }). */
export function register(strings) {
  for (const lang of Object.keys(dictionaries)) Object.assign(dictionaries[lang], strings[lang] ?? {});
}

/** The current language: 'vi' or 'en'. */
export function currentLanguage() { return language; }

/** The text for key in the current language (falling back to Vietnamese, then the key), {name} filled from params. */
export function t(key, params) {
  const text = dictionaries[language][key] ?? dictionaries.vi[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match)) : text;
}

/** Switches the language, remembers it, re-applies the page text and tells the listeners. */
export function setLanguage(next) {
  language = next === 'en' ? 'en' : 'vi';
  try { localStorage.setItem(storageKey, language); } catch { /* private mode: not remembered */ }
  document.documentElement.lang = language;
  applyTo(document);
  for (const listener of listeners) listener(language);
}

/** Calls listener(language) after every switch; returns a function that stops it. */
export function onLanguageChanged(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills the data-i18n* elements under root. */
export function applyTo(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-placeholder]')) element.placeholder = t(element.dataset.i18nPlaceholder);
  for (const element of root.querySelectorAll('[data-i18n-title]')) element.title = t(element.dataset.i18nTitle);
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
}

register({
  vi: {
    'error.unreachable': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    'error.signedOut': 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.',
    'error.outOfScope': 'Việc này nằm ngoài phạm vi được giao của bạn.',
    'error.generic': 'Có lỗi xảy ra (mã {status}).',
    'error.micDenied': 'Trình duyệt không cho dùng micro. Hãy cho phép micro cho trang này rồi thử lại.',
    'error.micMissing': 'Không tìm thấy micro trên máy này.',
    'language.switch': 'English',
  },
  en: {
    'error.unreachable': 'Cannot reach the server. Check the network and try again.',
    'error.signedOut': 'Your session has ended. Please sign in again.',
    'error.outOfScope': 'This lies outside your assigned scope.',
    'error.generic': 'Something went wrong (code {status}).',
    'error.micDenied': 'The browser does not allow the microphone. Allow it for this page and try again.',
    'error.micMissing': 'No microphone was found on this device.',
    'language.switch': 'Tiếng Việt',
  },
});
document.documentElement.lang = language;

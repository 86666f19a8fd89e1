// The sign-in page: POST /api/auth/login sets the cookie, then the browser goes to ?return= (same site only) or /console.
import { api, ApiError } from './lib/api.js';
import { register, t, setLanguage, currentLanguage, applyTo } from './lib/i18n.js';

register({
  vi: {
    'login.heading': 'Đăng nhập',
    'login.title': 'Đài truyền thanh thông minh',
    'login.username': 'Tên đăng nhập',
    'login.password': 'Mật khẩu',
    'login.submit': 'Đăng nhập',
    'login.busy': 'Đang đăng nhập…',
    'login.home': 'Trang chủ',
    'login.missing': 'Hãy nhập tên đăng nhập và mật khẩu.',
    'login.wrong': 'Sai tên đăng nhập hoặc mật khẩu.',
    'login.throttled': 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau {seconds} giây.',
    'login.throttledSoon': 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau ít phút.',
  },
  en: {
    'login.heading': 'Sign in',
    'login.title': 'Smart radio network',
    'login.username': 'Username',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.busy': 'Signing in…',
    'login.home': 'Home',
    'login.missing': 'Enter your username and password.',
    'login.wrong': 'Wrong username or password.',
    'login.throttled': 'Too many failed sign-ins. Try again in {seconds} seconds.',
    'login.throttledSoon': 'Too many failed sign-ins. Try again in a few minutes.',
  },
});

const form = document.getElementById('login-form');
const errorText = document.getElementById('login-error');
const submit = document.getElementById('login-submit');

/** Where to go after signing in: ?return= when it is a path on this site, else the console. */
function destination() {
  const back = new URLSearchParams(location.search).get('return');
  return back && back.startsWith('/') && !back.startsWith('//') ? back : '/console';
}

function showError(text) {
  errorText.textContent = text;
  errorText.hidden = false;
}

function messageFor(error) {
  if (!(error instanceof ApiError)) return t('error.unreachable');
  if (error.status === 401) return t('login.wrong');
  if (error.status === 400) return t('login.missing');
  if (error.status === 429) {
    const seconds = /(\d+)\s*s\b/.exec(error.detail ?? '')?.[1];
    return seconds ? t('login.throttled', { seconds }) : t('login.throttledSoon');
  }
  return error.userMessage;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  errorText.hidden = true;
  const username = form.username.value.trim();
  const password = form.password.value;
  if (!username || !password) {
    showError(t('login.missing'));
    return;
  }
  submit.disabled = true;
  submit.textContent = t('login.busy');
  try {
    await api.post('/api/auth/login', { username, password });
    location.href = destination();
  } catch (error) {
    showError(messageFor(error));
    form.password.select();
  } finally {
    submit.disabled = false;
    submit.textContent = t('login.submit');
  }
});

document.getElementById('language').addEventListener('click', () => setLanguage(currentLanguage() === 'vi' ? 'en' : 'vi'));
applyTo(document);
document.title = t('login.heading') + ' — VanYen.Media';

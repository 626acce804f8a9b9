// Runs inline in index.html right after the static hall (config/hallShell.ts), before any bundle.
// It shows the hall only for a plain start (no link parameters, no research session on this device),
// keeps a tap made before the app is ready (window.__hallShell, carried out by the real hall), and
// removes itself once the app has painted a real screen, so the two are never seen together.
(function () {
  var shell = document.getElementById('hall-shell');
  if (!shell) return;
  var state = (window.__hallShell = { intent: null, taken: null });
  var app = document.getElementById('app');
  var status = shell.querySelector('.hall-shell__status');
  var read = function (key) {
    try {
      var raw = localStorage.getItem(key);
      return raw ? JSON.parse(raw).data : null;
    } catch (e) {
      return null;
    }
  };
  var route = location.hash.replace(/^#/, '').split('?')[0];
  var plain =
    !location.search &&
    location.hash.indexOf('?') < 0 &&
    (route === '' || route === '/' || route === '/pages/index/index') &&
    !read('research-session');
  if (!plain) {
    shell.parentNode.removeChild(shell);
    return;
  }
  // Shown only from here on, so a start that is not plain never paints it, not even for a frame.
  shell.className += ' is-on';

  // What the real hall will show from this device's storage (Taro H5 keeps values as {"data": …}).
  var screen = shell.querySelector('.screen');
  var care = shell.querySelector('[data-shell="care"]');
  var showCare = function (on) {
    screen.className = on ? 'screen screen--care hall' : 'screen hall';
    care.className = on ? 'switch-row switch-row--on care-switch' : 'switch-row care-switch';
    care.setAttribute('aria-checked', on ? 'true' : 'false');
  };
  showCare(read('care-mode') === '1');
  // The hall's own chunks come alongside the first bundle instead of after it has run.
  var chunks = {};
  try {
    chunks = JSON.parse(shell.getAttribute('data-chunks') || '{}');
  } catch (e) {
    /* none named: the app fetches them itself */
  }
  var preload = function (files) {
    for (var i = 0; files && i < files.length; i++) {
      if (document.querySelector('link[href="' + files[i] + '"]')) continue;
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'script';
      link.href = files[i];
      document.head.appendChild(link);
    }
  };
  preload(chunks.index);
  var loggedIn = !!read(shell.getAttribute('data-token-key'));
  if (app) {
    app.setAttribute('aria-hidden', 'true');
    app.setAttribute('inert', '');
  }
  if (loggedIn) shell.querySelector('.hall__account').innerHTML = '<span>您好，已登录</span>';

  var act = function (el) {
    var what = el.getAttribute('data-shell');
    if (what === 'care') {
      // Stored at once, so the app starts in the mode the citizen chose.
      var on = read('care-mode') !== '1';
      localStorage.setItem('care-mode', JSON.stringify({ data: on ? '1' : '0' }));
      showCare(on);
      return;
    }
    if (state.intent) return;
    state.intent = what;
    // The screen the tap leads to, fetched now rather than once the hall is up.
    preload(what === 'family' && loggedIn ? chunks.family : chunks.login);
    el.className += ' is-opening';
    status.textContent =
      what === 'family' ? '正在打开「' + el.getAttribute('data-name') + '」，请稍候…' : '正在打开登录，请稍候…';
  };
  shell.addEventListener('click', function (e) {
    for (var el = e.target; el && el !== shell; el = el.parentNode) {
      if (el.getAttribute && el.getAttribute('data-shell')) return act(el);
    }
  });
  shell.addEventListener('keydown', function (e) {
    var el = e.target;
    if ((e.key === 'Enter' || e.key === ' ') && el.getAttribute && el.getAttribute('data-shell')) {
      e.preventDefault();
      act(el);
    }
  });

  // A real screen is painted: laid out, and its first line visible (Taro's components stay hidden
  // until they are ready). After a kept tap, wait for the screen it opens rather than the hall.
  var painted = function () {
    var screens = document.querySelectorAll('#app .taro_page .screen');
    for (var i = 0; i < screens.length; i++) {
      var s = screens[i];
      var first = s.firstElementChild || s;
      if (s.offsetHeight > 0 && getComputedStyle(first).visibility === 'visible') {
        if (!state.intent && !state.taken) return true;
        if (state.taken && !/(^| )hall( |$)/.test(s.className)) return true;
      }
    }
    return false;
  };
  var observer;
  var timer;
  var queued = false;
  var handOver = function () {
    if (!shell.parentNode) return;
    var y = shell.scrollTop;
    shell.parentNode.removeChild(shell);
    if (observer) observer.disconnect();
    clearInterval(timer);
    if (app) {
      app.removeAttribute('aria-hidden');
      app.removeAttribute('inert');
    }
    if (y) window.scrollTo(0, y);
  };
  var check = function () {
    queued = false;
    if (painted()) handOver();
  };
  if (window.MutationObserver) {
    observer = new MutationObserver(function () {
      if (!queued) {
        queued = true;
        requestAnimationFrame(check);
      }
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'style'],
    });
  }
  // Never strand a citizen on a hall that cannot answer: say so when the app is slow or fails.
  window.addEventListener(
    'error',
    function (e) {
      var t = e.target;
      if (t && (t.tagName === 'SCRIPT' || t.tagName === 'LINK') && shell.parentNode) {
        status.textContent = '页面加载失败，请检查网络后刷新重试';
      }
    },
    true,
  );
  setTimeout(function () {
    if (shell.parentNode && !status.textContent) status.textContent = '网络较慢，正在加载，请稍候…';
  }, 15000);
  // A kept tap the app never carries out (or a screen that never opens) must not hold the hall for good.
  var waited = 0;
  timer = setInterval(function () {
    if (painted()) return handOver();
    var hall = document.querySelector('#app .taro_page .screen.hall');
    waited = hall && hall.offsetHeight > 0 ? waited + 1 : 0;
    if (waited >= 8) handOver();
  }, 1000);
})();

// The static 服务大厅 painted from index.html before the app's scripts have arrived (H5 only): the
// same markup and CSS classes as src/pages/index, drawn from the same lists, for the profile the
// build starts with. config/hall-shell.js keeps a tap made on it and hands over to the real hall.
import { resolveProfile, type ProfileId } from '../src/domain/profiles';
import { pageTitle } from '../src/domain/wording';
import { FAMILY_SERVICE, NOT_OPEN, OTHER_HOT, OTHER_TODO } from '../src/pages/index/services';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

// Only what app.css does not already give: the overlay itself and Taro's H5 title bar lookalike.
export const HALL_SHELL_STYLE = `
.hall-shell{position:fixed;top:0;right:0;bottom:0;left:0;z-index:1000;overflow-y:auto;-webkit-overflow-scrolling:touch;overscroll-behavior:contain;background:#f2f5f9;visibility:hidden}
.hall-shell.is-on{visibility:visible}
.hall-shell__nav{display:flex;justify-content:center;align-items:center;padding:8px 0;background:#1a5fb4;color:#fff}
.hall-shell__nav span{height:24px;line-height:24px;font-size:20px;max-width:70vw;white-space:nowrap;overflow:hidden}
.hall-shell [role=button],.hall-shell [role=switch]{cursor:pointer}
.hall-shell__status{position:fixed;left:12px;right:12px;bottom:16px;z-index:1001;padding:12px 16px;border-radius:8px;background:#1f2329;color:#fff;text-align:center;font-size:18px;line-height:1.5}
.hall-shell__status:empty{display:none}
.hall-shell .is-opening{outline:4px solid #f5a623;outline-offset:2px}
`;

export function hallShellMarkup(profileId: ProfileId): string {
  const p = resolveProfile(profileId);
  const title = pageTitle(p, 'hall');
  const hub = esc(p.menu.hub);
  const hot = OTHER_HOT.map(
    (name) =>
      `<div class="grid__item grid__item--off" aria-disabled="true"><span class="grid__icon grid__icon--off" aria-hidden="true">${esc(name.slice(0, 1))}</span><span class="grid__name">${esc(name)}</span><span class="grid__note">${NOT_OPEN}</span></div>`,
  ).join('');
  const todo = OTHER_TODO.map(
    (name) =>
      `<div class="menu-row menu-row--off" aria-disabled="true"><span class="menu-row__name">${esc(name)}</span><span class="menu-row__desc">${NOT_OPEN}</span></div>`,
  ).join('');
  return (
    `<div id="hall-shell" class="hall-shell" data-token-key="session-token:${p.id}" data-chunks="{}">` +
    `<div class="hall-shell__nav" aria-hidden="true"><span>${esc(title)}</span></div>` +
    `<div class="screen hall" role="main">` +
    `<div class="hall__banner"><span class="hall__title">${esc(p.appName)}</span><span class="hall__sub">${esc(p.province)}医保服务平台</span></div>` +
    `<noscript><style>.hall-shell{visibility:visible}</style><div class="card">请在浏览器设置中开启 JavaScript，才能办理业务。</div></noscript>` +
    `<div class="switch-row care-switch" role="switch" aria-checked="false" aria-label="关怀模式" tabindex="0" data-shell="care"><div class="switch-row__text"><span class="switch-row__title">关怀模式</span><span class="switch-row__desc">字更大、按钮更大、更清楚</span></div><div class="switch" aria-hidden="true"><div class="switch__knob"></div></div></div>` +
    `<div class="hall__account"><div class="link-button" role="button" tabindex="0" data-shell="login"><span>登录医保服务平台</span></div></div>` +
    `<div class="card"><div class="card__title" role="heading" aria-level="2"><span>热门服务</span></div><div class="grid">` +
    `<div class="tour-slot grid__slot"><div class="grid__item grid__item--main" role="button" tabindex="0" data-shell="family" data-name="${hub}"><span class="grid__icon" aria-hidden="true">${esc(FAMILY_SERVICE.icon)}</span><span class="grid__name">${hub}</span></div></div>` +
    `${hot}</div></div>` +
    `<div class="card"><div class="card__title" role="heading" aria-level="2"><span>我要办</span></div>` +
    `<div class="menu-row" role="button" tabindex="0" data-shell="family" data-name="${hub}"><span class="menu-row__name">${hub}</span><span class="menu-row__desc">${esc(FAMILY_SERVICE.desc)}</span><span class="menu-row__arrow" aria-hidden="true">›</span></div>` +
    `${todo}</div>` +
    `<div class="hotline"><span>医保服务热线 ${esc(p.hotline)}</span></div>` +
    `</div>` +
    `<div class="hall-shell__status" role="status" aria-live="polite"></div>` +
    `</div>`
  );
}

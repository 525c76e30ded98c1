import { describe, expect, it } from 'vitest';
import { classIssue, idIssue, isPlainIdent, valueIssue } from './names';

describe('classIssue', () => {
  it.each([
    ['nav-link', null],
    ['card__title', null],
    ['btn', null],
    ['js-open-modal', null],
    ['SiteHeader', null],
    ['mainCTA', null],
    ['video360', null],
  ])('keeps hand-written class %s', (name, issue) => {
    expect(classIssue(name)).toBe(issue);
  });

  it.each([
    // CSS-in-JS and CSS modules
    'sc-bdVaJa', 'css-1x2y3z', 'jsx-2738473', 'Button_root__3xYz1', 'Nav__link___a1B2c',
    'styles-module--caption--3r-cZ', 'bdVaJa', 'kGtsXm', 'eKyWo', 'SiteFooterLogo-cDjiCs', '_2OtCMfZh',
    'dcr-xry7m2', 'e96396a7', 'Txngnb', 'menu-item-113552', 'post-12345',
  ])('rejects generated class %s', (name) => {
    expect(classIssue(name)).toBe('generated');
  });

  it.each(['active', 'is-open', 'menu-open', 'open', 'isActive', 'nav-item--selected', 'current-menu-item', 'show', 'in', 'collapsed'])(
    'rejects state class %s',
    (name) => {
      expect(classIssue(name)).toBe('state');
    },
  );

  it.each(['flex', 'mt-4', 'px-2', 'text-sm', 'text-gray-500', 'bg-white', 'rounded-lg', 'items-center', 'w-full', 'col-md-6', 'd-flex', 'sr-only', 'visually-hidden', 'element-invisible'])(
    'marks utility class %s',
    (name) => {
      expect(classIssue(name)).toBe('utility');
    },
  );

  it.each(['md:flex', 'w-1.5', 'w-[10px]', 'hover:bg-blue-500', '2col', 'a$b', 'x#y'])('marks %s as needing an escape', (name) => {
    expect(classIssue(name)).toBe('needs-escape');
  });

  it('does not take semantic names that share a utility prefix for utilities', () => {
    expect(classIssue('top-nav')).toBeNull();
    expect(classIssue('content-area')).toBeNull();
    expect(classIssue('text-block')).toBeNull();
  });
});

describe('idIssue', () => {
  it.each([':r1:', ':R2d6:', '«r3»', '_r_1_', 'radix-:r5:', 'headlessui-menu-button-3', 'mui-123', 'ember1234', 'ui-id-5'])(
    'rejects counter id %s as sequential',
    (id) => {
      expect(idIssue(id)).toBe('sequential');
    },
  );

  it.each(['3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e', 'menu-item-714201', 'post-12345', 'e96396a7'])('rejects generated id %s', (id) => {
    expect(idIssue(id)).toBe('generated');
  });

  it('accepts ids that need an escape as a CSS identifier but are stable', () => {
    expect(idIssue('form:submit')).toBeNull();
    expect(idIssue('ctl00$Main$btnSubmit')).toBeNull();
    expect(idIssue('main-content')).toBeNull();
  });
});

describe('valueIssue and isPlainIdent', () => {
  it('rejects values that cannot be quoted without an escape', () => {
    expect(valueIssue('say "hi"')).toBe('needs-escape');
    expect(valueIssue('back\\slash')).toBe('needs-escape');
    expect(valueIssue('line\nbreak')).toBe('needs-escape');
    expect(valueIssue('Search')).toBeNull();
  });

  it('knows which identifiers need no escape', () => {
    expect(isPlainIdent('nav')).toBe(true);
    expect(isPlainIdent('-webkit-box')).toBe(true);
    expect(isPlainIdent('_private')).toBe(true);
    expect(isPlainIdent('1st')).toBe(false);
    expect(isPlainIdent('-1')).toBe(false);
    expect(isPlainIdent('a:b')).toBe(false);
    expect(isPlainIdent('')).toBe(false);
  });
});

// Loads a CRM fixture page into the happy-dom document, the way the browser would parse it
// (happy-dom does not attach declarative shadow roots, so this does it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, pageHtml, type FixturePage } from '../../fixtures/crm/pages';

/** A fixture page's HTML, edits applied. */
export function fixtureHtml(page: FixturePage): string {
  // happy-dom gives modules an http import.meta.url, so resolve from the repository root (vitest's root).
  return pageHtml(page, (file) => readFileSync(join(process.cwd(), 'test/fixtures/crm', file), 'utf8'));
}

/** Attaches `<template shadowrootmode>` contents as real shadow roots (declarative shadow DOM). */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const tpl of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = tpl.parentElement;
    if (!host) continue;
    const mode = tpl.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
    const sr = host.attachShadow({ mode });
    sr.append(tpl.content.cloneNode(true));
    tpl.remove();
    attachDeclarativeShadowRoots(sr);
  }
}

/** Puts the fixture's head and body into `document`; returns the page's URL. */
export function loadPage(name: string): URL {
  const page = PAGES.find((p) => p.name === name);
  if (!page) throw new Error(`no fixture ${name}`);
  const parsed = new DOMParser().parseFromString(fixtureHtml(page), 'text/html');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  attachDeclarativeShadowRoots(document.body);
  return new URL(page.url);
}

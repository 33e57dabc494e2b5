/** Reading the timeline and map webviews (issue 16) from the workbench page. */
import { eventually } from './helpers';
import type { Workbench } from './workbench';

/** A drawn item of a picture webview, as the page shows it. */
export interface Drawn {
  key: string;
  label: string;
  from: string;
  x: number;
  y: number;
}

/**
 * Reads the items drawn in the webview of `viewType` from the page: the webview's frames are
 * same-origin in the offline host, so the rendered SVG can be read like the user sees it.
 * Returns undefined while the panel or its drawing is not there yet.
 */
export function readDrawnItems(selector: string): Drawn[] | undefined {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const doc = inner?.contentDocument;
    if (!doc) continue;
    const nodes = Array.from(doc.querySelectorAll(selector));
    if (nodes.length === 0) continue;
    const frame = inner!.getBoundingClientRect();
    const outerBox = outer.getBoundingClientRect();
    return nodes.map((n) => {
      const r = n.getBoundingClientRect();
      return {
        key: n.getAttribute('data-key') ?? n.getAttribute('data-id') ?? '',
        label: n.getAttribute('data-label') ?? '',
        from: n.getAttribute('data-from') ?? '',
        // page coordinates of the centre (the inner frame sits inside the outer one)
        x: Math.max(outerBox.left, frame.left) + r.left + r.width / 2,
        y: Math.max(outerBox.top, frame.top) + r.top + r.height / 2,
      };
    });
  }
  return undefined;
}


/** How many Content Security Policy violations the picture webviews counted (see webview/common.ts). */
export function readCspViolations(): number {
  let n = 0;
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    n += Number(inner?.contentDocument?.body?.dataset.cspViolations ?? 0);
  }
  return n;
}

/** The body class of the first picture webview and the computed colours of its axis text and page. */
export function readPictureTheme(): { kind: string; text: string; background: string } | undefined {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const doc = inner?.contentDocument;
    const label = doc?.querySelector('svg text');
    if (!doc || !label) continue;
    const view = doc.defaultView!;
    return { kind: doc.body.className, text: view.getComputedStyle(label).fill, background: view.getComputedStyle(doc.body).backgroundColor };
  }
  return undefined;
}

/** The text of an element of the first picture webview that has it (e.g. `#detail`, the hover line). */
export function readPictureText(selector: string): string | undefined {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const found = inner?.contentDocument?.querySelector(selector);
    if (found) return found.textContent ?? '';
  }
  return undefined;
}

/** The value of an input of the first picture webview that has it (e.g. `#text`, the shared filter box). */
export function readPictureValue(selector: string): string | undefined {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const found = inner?.contentDocument?.querySelector(selector) as HTMLInputElement | null | undefined;
    if (found) return found.value;
  }
  return undefined;
}

/** Whether the element matching `selector` in a picture panel's page has the keyboard focus. */
export function pictureHasFocus(selector: string): boolean {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const doc = inner?.contentDocument;
    const found = doc?.querySelector(selector);
    if (found) return doc!.activeElement === found && doc!.hasFocus();
  }
  return false;
}

/** Turns the mouse wheel over the middle of the first picture's chart (negative: zoom in). */
export function zoomPicture(deltaY: number): boolean {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const svg = inner?.contentDocument?.querySelector('#chart svg');
    if (!svg) continue;
    const box = svg.getBoundingClientRect();
    const view = inner!.contentWindow as unknown as typeof globalThis;
    svg.dispatchEvent(new view.WheelEvent('wheel', { deltaY, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
    return true;
  }
  return false;
}

/** Parses SVG text as the browser does: the parser's error if any, the root element and the labels of its marks. */
export function parseSvg(text: string): { error: string; root: string; labels: string[] } {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const error = doc.querySelector('parsererror')?.textContent ?? '';
  return { error, root: doc.documentElement.localName, labels: Array.from(doc.querySelectorAll('[data-key]')).map((n) => n.getAttribute('data-label') ?? '') };
}

/** The body class of the map webview, the computed colours of its country outlines, dot edges and page, and how many dots it draws. */
export function readMapTheme(): { kind: string; outline: string; dotEdge: string; background: string; dots: number } | undefined {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const doc = inner?.contentDocument;
    const land = doc?.querySelector('.map path.land');
    const dot = doc?.querySelector('.map circle.dot');
    if (!doc || !land || !dot) continue;
    const view = doc.defaultView!;
    return {
      kind: doc.body.className,
      outline: view.getComputedStyle(land).stroke,
      dotEdge: view.getComputedStyle(dot).stroke,
      background: view.getComputedStyle(doc.body).backgroundColor,
      dots: doc.querySelectorAll('.map circle.dot').length,
    };
  }
  return undefined;
}

/**
 * Clicks page coordinates inside a picture until `done` holds: the first click into a webview that
 * does not have the focus yet can be lost on a loaded machine, and a user clicks again. Only for
 * clicks whose repetition changes nothing once they took (selecting, opening).
 */
export async function clickUntil(wb: Workbench, at: { x: number; y: number }, done: () => boolean | Promise<boolean>, message: string, timeoutMs = 30_000): Promise<void> {
  await eventually(async () => {
    if (await done()) return true;
    await wb.mouseClick(at.x, at.y);
    return eventually(done, 'not yet', 5_000).catch(() => false);
  }, message, timeoutMs);
}

/** Scrolls the element matching `selector` in the first picture page that has it into the middle of its panel; whether it was found. */
export function scrollPictureTo(selector: string): boolean {
  for (const outer of Array.from(document.querySelectorAll('iframe'))) {
    const inner = outer.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
    const found = inner?.contentDocument?.querySelector(selector);
    if (!found) continue;
    found.scrollIntoView({ block: 'center' });
    return true;
  }
  return false;
}

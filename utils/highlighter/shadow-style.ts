/**
 * Page CSS does not cross into shadow roots, and neither does our
 * content-script stylesheet: a web component we highlight in gets the
 * highlight style adopted into its shadow root, once.
 */
const styled = new WeakSet<ShadowRoot>();
let sheet: CSSStyleSheet | undefined;

export function ensureShadowStyle(root: ShadowRoot, cssText: string): void {
  if (styled.has(root)) return;
  styled.add(root);
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(cssText);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Constructable stylesheets unavailable (older engines): a <style> at the end of the root.
    const style = root.ownerDocument.createElement('style');
    style.textContent = cssText;
    root.append(style);
  }
}

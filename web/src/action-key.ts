// Idempotency keys for the dashboard's creating mutations (docs/specification.md, "Idempotency
// keys"). A key stands for one thing the user means to do: it is made when the form or button is
// drawn, and every submit of it (a double-click, a second try after an error or a lost answer) sends
// the same one, so the server creates one record. The panel is drawn again after a success, with new
// keys, so the next declaration or request is a new one.

/**
 * A fresh key: 128 random bits in hex. crypto.getRandomValues, not crypto.randomUUID, which browsers
 * only give pages of secure origins, and the dashboard may be served over plain HTTP on a LAN.
 */
export function actionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dashboard-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

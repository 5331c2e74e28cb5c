/** The public verification answer of a letter: JSON, and the HTML page the QR code opens. */
import type { PublicLetter } from './service.ts';

/**
 * JSON: kind, label, number, date, status, hash and the fields in page order; each field's value
 * is also given under its key (the KGB answer kept its shape: `gajiPokokBaru`, `tmt`, `signer`…).
 */
export function presentPublicLetter(l: PublicLetter) {
  const byKey = Object.fromEntries(l.fields.map((f) => [f.key, f.raw !== undefined ? f.raw : f.value]));
  return {
    ...byKey,
    kind: l.kind,
    label: l.label,
    number: l.number,
    date: l.date,
    status: l.status,
    sha256: l.sha256,
    fields: l.fields.map((f) => ({ key: f.key, label: f.label, value: f.value })),
  };
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The page for a letter, or the "unknown letter" page (null). */
export function verificationPage(l: PublicLetter | null): string {
  const rows: [string, string, boolean][] = l
    ? [...l.fields.map((f): [string, string, boolean] => [f.label, f.value, false]), ['Hash SHA-256 berkas', l.sha256 ?? 'sedang diterbitkan', true]]
    : [];
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Verifikasi Surat — SIMAK BKD</title><style>
body{font-family:system-ui,sans-serif;background:#f3f6fa;margin:0;padding:24px;color:#1b2430}
main{max-width:640px;margin:auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 2px 12px #0001}
h1{font-size:20px;margin:0 0 4px} .ok{color:#0a7a3d;font-weight:600} .bad{color:#b42318;font-weight:600}
table{width:100%;border-collapse:collapse;margin-top:16px} td{padding:8px;border-bottom:1px solid #e6eaf0;vertical-align:top}
td:first-child{color:#5b6675;width:42%} code{word-break:break-all;font-size:12px}</style></head><body><main>
<h1>Verifikasi Surat</h1>
${
  l
    ? `<p class="ok">✔ Surat ini tercatat di SIMAK BKD (${esc(l.label)}).</p>
<table>${rows.map(([k, v, code]) => `<tr><td>${esc(k)}</td><td>${code ? `<code>${esc(v)}</code>` : esc(v)}</td></tr>`).join('')}</table>
<p style="font-size:13px;color:#5b6675">Cocokkan data di atas dengan surat yang Anda pegang. Hash SHA-256 berkas PDF asli dapat dibandingkan dengan <code>sha256sum</code>.</p>`
    : `<p class="bad">✖ Surat dengan kode ini tidak dikenal. Surat mungkin tidak asli.</p>`
}
</main></body></html>`;
}

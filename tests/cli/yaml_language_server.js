// A minimal LSP client for the schema check (tests/cli/schema_editor.sh): starts
// yaml-language-server on stdio, opens each file given, and prints the diagnostics the
// server publishes for it, as an editor would show them. Exit 1 when one never arrives.
const { spawn } = require('child_process');
const fs = require('fs'); const path = require('path');
const files = process.argv.slice(2).map(f => path.resolve(f));
const srv = spawn('node', [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio']);
let buf = Buffer.alloc(0); let id = 0; const pending = new Set(files.map(f => 'file://' + f));
function send(msg) { const s = JSON.stringify(Object.assign({ jsonrpc: '2.0' }, msg)); srv.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`); }
srv.stdout.on('data', d => {
  buf = Buffer.concat([buf, d]);
  for (;;) {
    const h = buf.indexOf('\r\n\r\n'); if (h < 0) return;
    const len = parseInt(/Content-Length: (\d+)/.exec(buf.slice(0, h).toString())[1]);
    if (buf.length < h + 4 + len) return;
    const msg = JSON.parse(buf.slice(h + 4, h + 4 + len).toString()); buf = buf.slice(h + 4 + len);
    if (msg.method === 'workspace/configuration') send({ id: msg.id, result: msg.params.items.map(() => ({ validate: true, schemas: {} })) });
    else if (msg.id !== undefined && msg.method) send({ id: msg.id, result: null });
    if (msg.method === 'textDocument/publishDiagnostics' && pending.has(msg.params.uri)) {
      console.log(msg.params.uri.replace('file://', '') + ': ' + msg.params.diagnostics.length + ' diagnostics');
      for (const d of msg.params.diagnostics) console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
      pending.delete(msg.params.uri); if (!pending.size) { srv.kill(); process.exit(0); }
    }
  }
});
send({ id: ++id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
setTimeout(() => {
  send({ method: 'initialized', params: {} });
  send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: { validate: true, schemaStore: { enable: false } } } } });
  for (const f of files) send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file://' + f, languageId: 'yaml', version: 1, text: fs.readFileSync(f, 'utf8') } } });
}, 500);
setTimeout(() => { console.log('timeout; no diagnostics for', [...pending]); process.exit(1); }, 20000);

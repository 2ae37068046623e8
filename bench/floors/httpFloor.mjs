// Floor for HTTP mode: plain node:http that verifies Discord's signature and replies. PORT and DISCORD_PUBLIC_KEY.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { Buffer } from 'node:buffer';
import process from 'node:process';

const key = createPublicKey({
  key: Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(process.env.DISCORD_PUBLIC_KEY, 'hex'),
  ]),
  format: 'der',
  type: 'spki',
});
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const ts = String(req.headers['x-signature-timestamp']);
    const sig = Buffer.from(String(req.headers['x-signature-ed25519']), 'hex');
    if (!verify(null, Buffer.concat([Buffer.from(ts), body]), key, sig)) {
      res.writeHead(401).end();
      return;
    }
    const interaction = JSON.parse(body.toString('utf8'));
    const reply = interaction.type === 1 ? { type: 1 } : { type: 4, data: { content: 'pong' } };
    const json = JSON.stringify(reply);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

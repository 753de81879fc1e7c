import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a receiving system gets: the body as sent and the headers, one value each. */
export interface ReceivedDelivery {
  body: string;
  headers: Record<string, string>;
}

/** A local receiver of webhook deliveries; `answer` says which status it replies with. */
export async function startWebhookReceiver(answer: (delivery: ReceivedDelivery) => number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      res.writeHead(answer({ body, headers })).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

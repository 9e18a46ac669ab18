import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply of the fake OpenAI-compatible server. */
export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  /** The assistant message's content (wrapped in the chat-completions envelope), or a function of the request body. */
  content?: string | ((body: ChatRequestBody) => string);
  /** A raw body instead of the envelope (for a body that is not JSON). */
  raw?: string;
  /** Wait this long before answering (for timeouts). */
  delayMs?: number;
}

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format?: { type: string; json_schema?: { name: string } };
  temperature?: number;
}

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions wire format with
 * scripted replies, in order. A request nothing was scripted for is answered 599 and recorded,
 * so a test sees it. Every request (headers and JSON body) is kept in `requests`.
 */
export async function startScriptedChatServer(replies: ScriptedReply[]): Promise<{
  baseUrl: string;
  requests: Array<{ headers: http.IncomingHttpHeaders; body: ChatRequestBody; path: string }>;
  unscripted: () => number;
  close: () => Promise<void>;
}> {
  const queue = [...replies];
  const requests: Array<{ headers: http.IncomingHttpHeaders; body: ChatRequestBody; path: string }> = [];
  let unscripted = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ChatRequestBody;
      requests.push({ headers: request.headers, body, path: request.url ?? '' });
      const reply = queue.shift();
      if (!reply) {
        unscripted++;
        response.writeHead(599).end('unscripted');
        return;
      }
      const send = () => {
        if (response.destroyed) return;
        const content = typeof reply.content === 'function' ? reply.content(body) : reply.content;
        const payload =
          reply.raw ??
          JSON.stringify({
            id: 'chatcmpl-test',
            object: 'chat.completion',
            model: body.model,
            choices: [
              { index: 0, message: { role: 'assistant', content: content ?? '' }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
          });
        response
          .writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
          .end(payload);
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    unscripted: () => unscripted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

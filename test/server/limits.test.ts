/**
 * The service protects itself: bodies over the limit are refused before they are read (413), clients
 * too slow to send their request are answered 408 and cut off while others are served, and under load
 * the service sheds work with 503 and Retry-After while /health still answers.
 */
import { connect, type Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../server";
import { EXAMPLE, expectDocumented, expectError, rulesetsFolder } from "./helpers";

let folder: ReturnType<typeof rulesetsFolder>;
beforeAll(() => {
  folder = rulesetsFolder();
});
afterAll(() => folder.remove());

const URL_1 = "/rulesets/electronics/versions/2/evaluate";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("body size", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = createServer({
      rulesetsDir: folder.dir,
      limits: { bodyBytes: 4096, batchBodyBytes: 16_384 },
      load: { maxEventLoopDelayMs: 0 },
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it("a body over the route's limit is a 413 BODY_TOO_LARGE; the batch route has its own limit", async () => {
    const big = { case: { ...EXAMPLE, padding: "x".repeat(5000) } };
    const res = await app.inject({ method: "POST", url: URL_1, payload: big });
    const error = expectError(res, 413, "BODY_TOO_LARGE");
    expect(error.message.en).toContain("4096");
    expectDocumented("post", "/rulesets/{fund}/versions/{version}/evaluate", res);
    // The same bytes fit the batch route's larger limit (and fail only as a case).
    const batch = await app.inject({
      method: "POST",
      url: `${URL_1}/batch`,
      payload: { cases: [big.case] },
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results[0].error.code).toBe("CASE_INVALID");
    const tooBig = await app.inject({
      method: "POST",
      url: `${URL_1}/batch`,
      payload: { cases: [{ padding: "x".repeat(17_000) }] },
    });
    expectError(tooBig, 413, "BODY_TOO_LARGE");
  });
});

/** Raw HTTP over a socket: what arrives back, and when the server closed the connection. */
function rawClient(port: number): {
  socket: Socket;
  received: () => string;
  closed: Promise<number>;
} {
  const socket = connect(port, "127.0.0.1");
  let data = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    data += chunk;
  });
  const started = Date.now();
  const closed = new Promise<number>((resolve) => {
    socket.on("close", () => resolve(Date.now() - started));
    socket.on("error", () => {});
  });
  return { socket, received: () => data, closed };
}

describe("slow clients", () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = createServer({
      rulesetsDir: folder.dir,
      limits: { requestTimeoutMs: 1500, headersTimeoutMs: 800, timeoutCheckIntervalMs: 100 },
      load: { maxEventLoopDelayMs: 0 },
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
    // Compile before the clock matters.
    await app.inject({ method: "POST", url: URL_1, payload: { case: EXAMPLE } });
  });
  afterAll(() => app.close());

  const dribble = (socket: Socket, text: string, everyMs: number) => {
    let i = 0;
    const timer = setInterval(() => {
      if (i >= text.length || socket.destroyed) {
        clearInterval(timer);
        return;
      }
      socket.write(text[i++]!);
    }, everyMs);
    return () => clearInterval(timer);
  };

  it("a client that sends its headers a byte at a time is answered 408 and cut off", async () => {
    const client = rawClient(port);
    const stop = dribble(
      client.socket,
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ${"a".repeat(200)}\r\n\r\n`,
      50,
    );
    const ms = await client.closed;
    stop();
    expect(ms).toBeLessThan(5000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(client.received()).toContain('"code":"REQUEST_TIMEOUT"');
  });

  it("a client that sends its body a byte at a time is answered 408 and cut off; nothing is evaluated", async () => {
    const before = (await app.inject("/health")).json().evaluated as number;
    const body = JSON.stringify({ case: EXAMPLE });
    const client = rawClient(port);
    client.socket.write(
      `POST ${URL_1} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    const stop = dribble(client.socket, body, 50);
    // Meanwhile the server answers others at once.
    await sleep(300);
    const t = Date.now();
    const other = await fetch(`http://127.0.0.1:${port}${URL_1}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(other.status).toBe(200);
    expect(Date.now() - t).toBeLessThan(1000);

    const ms = await client.closed;
    stop();
    expect(ms).toBeLessThan(5000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(client.received()).toContain('"code":"REQUEST_TIMEOUT"');
    expect((await app.inject("/health")).json().evaluated).toBe(before + 1);
  });

  it("garbage instead of HTTP is a 400 BAD_REQUEST and the connection is closed", async () => {
    const client = rawClient(port);
    client.socket.write("\u0000\u0001 not http at all\r\n\r\n");
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 400 /);
    expect(client.received()).toContain('"code":"BAD_REQUEST"');
  });
});

describe("load shedding", () => {
  it("past a limit every request that works is a 503 OVERLOADED with Retry-After; /health still answers", async () => {
    // A heap limit of one byte is always exceeded: the first sample puts the service under pressure.
    const app = createServer({
      rulesetsDir: folder.dir,
      load: { maxHeapUsedBytes: 1, sampleIntervalMs: 10, retryAfterSeconds: 3 },
    });
    await app.ready();
    await sleep(100);
    for (const [method, url] of [
      ["POST", URL_1],
      ["POST", `${URL_1}/batch`],
      ["GET", "/rulesets"],
    ] as const) {
      const res = await app.inject({
        method,
        url,
        payload: method === "POST" ? { case: EXAMPLE } : undefined,
      });
      expectError(res, 503, "OVERLOADED");
      expect(res.headers["retry-after"]).toBe("3");
      if (url === URL_1) expectDocumented("post", "/rulesets/{fund}/versions/{version}/evaluate", res);
    }
    const health = await app.inject("/health");
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: "overloaded", evaluated: 0 });
    await app.close();
  });

  it("a blocked event loop sheds load, and the service recovers when the loop is free again", async () => {
    const app = createServer({
      rulesetsDir: folder.dir,
      load: { maxEventLoopDelayMs: 50, sampleIntervalMs: 20, retryAfterSeconds: 1 },
    });
    await app.ready();
    let shed = false;
    for (let attempt = 0; attempt < 5 && !shed; attempt++) {
      const until = Date.now() + 400;
      while (Date.now() < until) {
        // Busy: what a flood of work does to the event loop.
      }
      for (let i = 0; i < 20 && !shed; i++) {
        const res = await app.inject("/rulesets");
        shed = res.statusCode === 503;
        if (shed) expect(res.headers["retry-after"]).toBe("1");
        else await sleep(5);
      }
    }
    expect(shed).toBe(true);
    let recovered = false;
    for (let i = 0; i < 100 && !recovered; i++) {
      await sleep(20);
      recovered = (await app.inject("/rulesets")).statusCode === 200;
    }
    expect(recovered).toBe(true);
    await app.close();
  });
});

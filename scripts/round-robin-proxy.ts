import http from "node:http";

/**
 * A small load balancer for trying replicas on one machine: each request goes to the next upstream in
 * turn, with the X-Forwarded headers a real balancer would add. It counts what each upstream served.
 */
export function startRoundRobinProxy(upstreams: string[], port: number, host = "127.0.0.1") {
  const served = upstreams.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next++ % upstreams.length;
    served[index]!++;
    const target = new URL(request.url ?? "/", upstreams[index]);
    const forwardedFor = [request.headers["x-forwarded-for"], request.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      target,
      {
        method: request.method,
        headers: {
          ...request.headers,
          "x-forwarded-for": forwardedFor,
          "x-forwarded-host": request.headers.host ?? "",
          "x-forwarded-proto": "http",
        },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  server.listen(port, host);
  return {
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

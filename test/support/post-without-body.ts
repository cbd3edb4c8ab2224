// A POST to /graphql whose headers announce a JSON body of `length` bytes that never comes: what a
// slow or hostile client holds the server with, for the tests of what the server does meanwhile.
import { request as httpRequest, type ClientRequest } from 'node:http';

export function postWithoutBody(
  baseUrl: string,
  length: number,
  authorization: string | null,
): ClientRequest {
  const url = new URL(`${baseUrl}/graphql`);
  const request = httpRequest({
    host: url.hostname,
    port: url.port,
    path: '/graphql',
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': String(length),
      ...(authorization === null ? {} : { authorization }),
    },
  });
  // The tests end these requests by destroying them; the client's error then says nothing.
  request.on('error', () => {});
  request.flushHeaders();
  return request;
}

import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { acceptsGzip, appendVary, rawRequest, rawResponse } from './raw-http';

const request = (acceptEncoding?: string) => {
  const req = new IncomingMessage(new Socket());
  if (acceptEncoding !== undefined) req.headers['accept-encoding'] = acceptEncoding;
  return req;
};

describe('raw HTTP helpers', () => {
  it('reads gzip out of Accept-Encoding like a server should', () => {
    expect(acceptsGzip(request('gzip, deflate, br'))).toBe(true);
    expect(acceptsGzip(request('br;q=1.0, GZIP;q=0.5'))).toBe(true);
    expect(acceptsGzip(request('*'))).toBe(true);
    expect(acceptsGzip(request('gzip;q=0, br'))).toBe(false);
    expect(acceptsGzip(request('identity'))).toBe(false);
    expect(acceptsGzip(request())).toBe(false);
  });

  it('adds a Vary field once', () => {
    const res = new ServerResponse(request());
    appendVary(res, 'Accept-Encoding');
    appendVary(res, 'accept-encoding');
    appendVary(res, 'Origin');
    expect(res.getHeader('Vary')).toBe('Accept-Encoding, Origin');
  });

  it("unwraps Fastify's request and reply (hijacking the reply) and passes Express's through", () => {
    const req = request();
    const res = new ServerResponse(req);
    expect(rawRequest(req)).toBe(req);
    expect(rawResponse(res)).toBe(res);
    const hijack = jest.fn();
    expect(rawRequest({ raw: req })).toBe(req);
    expect(rawResponse({ raw: res, hijack })).toBe(res);
    expect(hijack).toHaveBeenCalledTimes(1);
  });
});

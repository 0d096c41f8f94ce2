import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@kehu/server-core';
import { TokenService } from './token.service';

const SECRET = 'a-test-secret-of-at-least-32-chars!!';

describe('TokenService.verifyAccess', () => {
  const jwt = new JwtService();
  const tokens = new TokenService(jwt, { jwtSecret: SECRET, accessTokenTtlSeconds: 60 } as AppConfig);
  const sign = (sub: string, expiresIn = 60) => jwt.sign({ sub, sid: `s-${sub}` }, { secret: SECRET, expiresIn, algorithm: 'HS256' });

  afterEach(() => jest.restoreAllMocks());

  it('checks a signature once, then answers the same token from memory until it expires', async () => {
    const token = sign('u1');
    const verify = jest.spyOn(jwt, 'verifyAsync');
    expect(await tokens.verifyAccess(token)).toMatchObject({ sub: 'u1', sid: 's-u1' });
    expect(await tokens.verifyAccess(token)).toEqual({ sub: 'u1', sid: 's-u1' });
    expect(verify).toHaveBeenCalledTimes(1);
    // Past its exp the cached entry is dropped and jsonwebtoken gives its usual error.
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    await expect(tokens.verifyAccess(token)).rejects.toMatchObject({ name: 'TokenExpiredError' });
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('still rejects a forged or altered token after a good one was cached', async () => {
    const good = sign('u2');
    await tokens.verifyAccess(good);
    const [head, body] = good.split('.');
    const otherBody = Buffer.from(JSON.stringify({ sub: 'admin', sid: 's-u2', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    await expect(tokens.verifyAccess(`${head}.${otherBody}.${good.split('.')[2]}`)).rejects.toMatchObject({ name: 'JsonWebTokenError' });
    await expect(tokens.verifyAccess(`${head}.${body}.x${good.split('.')[2].slice(1)}`)).rejects.toMatchObject({ name: 'JsonWebTokenError' });
    const wrongKey = new JwtService().sign({ sub: 'u2', sid: 's-u2' }, { secret: 'another-secret-of-at-least-32-chars!', expiresIn: 60 });
    await expect(tokens.verifyAccess(wrongKey)).rejects.toMatchObject({ name: 'JsonWebTokenError' });
  });
});

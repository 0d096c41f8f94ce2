/**
 * What a handler with `@Res({ passthrough: true })` may do to the response: set a header and
 * the status. Fastify's reply has both (as Express's response had), so controllers typed with
 * this do not tie the API to one HTTP adapter (bench/README.md has the Express → Fastify
 * measurement).
 */
export interface HttpReply {
  header(name: string, value: string): unknown;
  status(code: number): unknown;
}

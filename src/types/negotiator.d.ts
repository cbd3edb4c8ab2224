// negotiator 1.x as we use it. DefinitelyTyped's @types/negotiator describes 0.6, which lacks the
// `preferred` option that lets the server break ties between encodings the client likes equally.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Readonly<Record<string, string | readonly string[] | undefined>> });
    /** The client's most preferred of `available` (ties broken by `preferred`), or undefined. */
    encoding(available: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
  }
}

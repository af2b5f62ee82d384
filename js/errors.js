// The one error type of the public API. Its `code` is stable snake_case (docs/errors.md);
// `description` is the human text (also `message`); `statusCode` and `original` are set when
// the error came from a server; `field` names the offending field when there is one.
export class MetalockError extends Error {
  constructor({ code, description, statusCode, original, field } = {}) {
    super(description ?? code ?? 'metalock error');
    this.name = 'MetalockError';
    this.code = code ?? 'unknown_error';
    this.description = description ?? this.message;
    this.statusCode = statusCode;
    this.original = original;
    this.field = field;
  }

  // Any thrown value -> a MetalockError: itself when it already is one; an object shaped like
  // one ({code, description, ...}) keeps its fields; anything else gets `code` and is kept as
  // `original`, so that nothing about the cause is lost.
  static from(error, code = 'unknown_error') {
    if (error instanceof MetalockError) return error;
    if (error instanceof Error) {
      return new MetalockError({ code, description: error.message, original: error });
    }
    if (error && typeof error === 'object' && typeof error.code === 'string') {
      return new MetalockError(error);
    }
    return new MetalockError({ code, description: String(error), original: error });
  }
}

// A minifier renames the class; Node's console.log(err) prints the constructor's name.
Object.defineProperty(MetalockError, 'name', { value: 'MetalockError' });

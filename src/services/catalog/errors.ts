import { ApiError } from '../../core/errors.js';

/** A catalog error answered for the whole request: `{"error_code": <status>, "message": ...}`. */
export const catalogError = (status: number, message: string) => new ApiError({ status, code: `catalog_${status}`, title: 'Catalog Error', detail: message, errorCode: status });

/** The `error` member of a failed item in a bulk answer. */
export interface ItemError {
  error_code: number;
  message: string;
}

/** Thrown while one item of a bulk request is processed: that item fails, the others go on. */
export class ItemFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const itemFailure = (status: number, message: string) => new ItemFailure(status, message);

/**
 * Runs a bulk request item by item: each item answers what `fn` returns, or, when it throws an
 * ItemFailure, the item as sent with its `error`. Anything else propagates.
 */
export function eachItem<T>(items: unknown[], fn: (item: Record<string, unknown>) => T): Array<T | Record<string, unknown>> {
  return items.map((raw) => {
    const item = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    try {
      return fn(item);
    } catch (err) {
      if (!(err instanceof ItemFailure)) throw err;
      const error: ItemError = { error_code: err.status, message: err.message };
      return { ...item, error };
    }
  });
}

/** A problem with what staff entered, beside the field it concerns. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Input the store refuses before the workflow is asked (a region or drug that does not exist, a second notice
 * for one quarter): each kind throws its own subclass, which pages turn into errors beside the fields.
 */
export class ArticleInputError extends Error {
  readonly errors: InputProblem[];
  constructor(errors: InputProblem[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'ArticleInputError';
    this.errors = errors;
  }
}

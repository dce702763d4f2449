/** The answer-check worker's script (answer-check-worker.ts starts it): the checker of answer-check.ts, served over comlink. */
import { expose } from 'comlink';
import { createAnswerChecker } from './answer-check';

expose(createAnswerChecker());

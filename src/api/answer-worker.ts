/** The answer worker (see off-thread.ts and answer-checker.ts). */
import { createAnswerChecker } from './answer-checker';
import type { AnswerJob } from './answer-checker';

const check = createAnswerChecker();
self.onmessage = (event: MessageEvent<AnswerJob>) => self.postMessage(check(event.data));

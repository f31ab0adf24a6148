import { Global, Module } from '@nestjs/common';
import { AnswerCache } from './answer-cache.js';

/** One AnswerCache for the process: the analytics services and the GraphQL layer share it. */
@Global()
@Module({ providers: [AnswerCache], exports: [AnswerCache] })
export class AnswerCacheModule {}

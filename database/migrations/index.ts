import { CreateDomainSchema1764180000000 } from './1764180000000-CreateDomainSchema.js';

/** Every migration, oldest first. Append; never edit one that has landed. */
export const MIGRATIONS = [CreateDomainSchema1764180000000];

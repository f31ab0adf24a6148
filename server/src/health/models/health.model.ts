import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Health {
  @Field({ description: '"ok" when the API can serve data, "degraded" when the database cannot be reached.' })
  status: string;

  @Field({ description: 'Whether a query against the database succeeded.' })
  database: boolean;
}

import { gql, type TypedDocumentNode } from '@apollo/client';

/* Who is signed in, signing in and signing out (Query.me, Mutation.signIn, Mutation.signOut). */

export type GqlUserRole = 'ADMINISTRATOR' | 'BUSINESS_UNIT' | 'EXECUTIVE' | 'IMPROVEMENT_GROUP' | 'SCRUTINEER' | 'NATIONAL_VIEWER';

export interface Viewer {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: GqlUserRole;
  /** The user's partnership; null for national viewers and administrators of every partnership. */
  readonly partnershipId: string | null;
  /** Whether this user sees escalations themselves, and exact small counts. */
  readonly seesRecordLevelDetail: boolean;
}

export interface ViewerData {
  readonly me: Viewer | null;
}

export const VIEWER: TypedDocumentNode<ViewerData, Record<string, never>> = gql`
  query Viewer {
    me {
      id
      email
      displayName
      role
      partnershipId
      seesRecordLevelDetail
    }
  }
`;

export interface SignInVariables {
  readonly email: string;
  readonly password: string;
}

export const SIGN_IN: TypedDocumentNode<{ readonly signIn: Viewer }, SignInVariables> = gql`
  mutation SignIn($email: String!, $password: String!) {
    signIn(input: { email: $email, password: $password }) {
      id
      email
      displayName
      role
      partnershipId
      seesRecordLevelDetail
    }
  }
`;

export const SIGN_OUT: TypedDocumentNode<{ readonly signOut: boolean }, Record<string, never>> = gql`
  mutation SignOut {
    signOut
  }
`;

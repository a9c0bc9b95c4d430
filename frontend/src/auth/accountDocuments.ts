// The account mutations behind the verification and password pages: each answers `errors` in the
// form kit's shape, and the password-reset request answers the same whether or not the address has
// an account (so the page cannot tell either).
import { graphql } from "../gql";

export const VerifyEmailDocument = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      user { id emailVerified }
      errors { field code message }
    }
  }
`);

export const RequestEmailVerificationDocument = graphql(`
  mutation RequestEmailVerification {
    requestEmailVerification { ok errors { field code message } }
  }
`);

export const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email) { ok errors { field code message } }
  }
`);

export const ResetPasswordDocument = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) { ok errors { field code message } }
  }
`);

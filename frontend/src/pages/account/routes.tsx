// Routes of the account pages the mail links open (verification, password reset) and the forgotten
// password form, loaded on demand.
import { lazy } from "react";
import { Route } from "react-router-dom";

const VerifyEmailPage = lazy(() => import("./VerifyEmailPage").then((m) => ({ default: m.VerifyEmailPage })));
const ForgotPasswordPage = lazy(() => import("./ForgotPasswordPage").then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import("./ResetPasswordPage").then((m) => ({ default: m.ResetPasswordPage })));

export const accountRoutes = [
  <Route key="verify-email" path="/verify-email" element={<VerifyEmailPage />} />,
  <Route key="forgot-password" path="/forgot-password" element={<ForgotPasswordPage />} />,
  <Route key="reset-password" path="/reset-password" element={<ResetPasswordPage />} />,
];
